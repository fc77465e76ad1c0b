using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Faultline.Cli.Logging;

/// <summary>
/// Writes the lab's structured logs to the console as one line each, stamped with lab time, so what the
/// lab does (health flips, DNS answer changes, fault reverts) is visible while it runs.
/// </summary>
internal sealed class AnsiConsoleLoggerProvider(IAnsiConsole console, TimeProvider labTime, LogLevel minimum) : ILoggerProvider
{
    private readonly DateTimeOffset _start = labTime.GetUtcNow();
    private readonly Lock _lock = new();
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, ShortName(categoryName));

    public void Dispose()
    {
    }

    private static string ShortName(string category)
    {
        var dot = category.LastIndexOf('.');
        return dot < 0 ? category : category[(dot + 1)..];
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var elapsed = labTime.GetUtcNow() - _start;
        var color = level switch
        {
            >= LogLevel.Error => "red",
            LogLevel.Warning => "yellow",
            LogLevel.Information => "default",
            _ => "grey",
        };
        var line = $"[grey]T+{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}[/] [dim]{Markup.Escape(category)}[/] [{color}]{Markup.Escape(message)}[/]";
        lock (_lock)
        {
            console.MarkupLine(line);
            if (exception is not null && level >= LogLevel.Error)
            {
                console.MarkupLine($"[grey]{Markup.Escape(exception.Message)}[/]");
            }
        }
    }

    private sealed class Logger(AnsiConsoleLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
