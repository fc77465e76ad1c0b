using Faultline.Core.Text;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Faultline.Cli.Logging;

/// <summary>
/// Writes the lab's structured logs to the console as one line each, stamped with lab time since start
/// (<c>T+2m30s</c>), so what the lab does (health flips, DNS answer changes, fault reverts) is visible while it
/// runs. Lines speak the user's language: no logger category (a class name says nothing to a user), and values
/// as <see cref="LogText"/> writes them (<c>30s</c>, not <c>00:00:30</c>).
/// </summary>
internal sealed class AnsiConsoleLoggerProvider(IAnsiConsole console, TimeProvider labTime, LogLevel minimum) : ILoggerProvider
{
    private readonly DateTimeOffset _start = labTime.GetUtcNow();
    private readonly Lock _lock = new();
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var elapsed = labTime.GetUtcNow() - _start;
        var color = level switch
        {
            >= LogLevel.Error => "red",
            LogLevel.Warning => "yellow",
            LogLevel.Information => "default",
            _ => "grey",
        };
        var stamp = "T+" + Durations.Format(TimeSpan.FromSeconds(Math.Max(0, Math.Floor(elapsed.TotalSeconds))));
        var line = $"[grey]{stamp}[/] [{color}]{Markup.Escape(message)}[/]";
        lock (_lock)
        {
            console.MarkupLine(line);
            if (exception is not null && level >= LogLevel.Error)
            {
                console.MarkupLine($"[grey]{Markup.Escape(exception.Message)}[/]");
            }
        }
    }

    private sealed class Logger(AnsiConsoleLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, LogText.Render(state) ?? formatter(state, exception), exception);
            }
        }
    }
}
