using Faultline.Cli.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Faultline.Cli.Tests.Logging;

public sealed class AnsiConsoleLoggerProviderTests
{
    private static readonly Action<ILogger, string, int, TimeSpan, Exception?> Started =
        LoggerMessage.Define<string, int, TimeSpan>(LogLevel.Information, new EventId(3100), "Health check {CheckId}: {Checkers} checkers probing every {Interval}");

    private static readonly Action<ILogger, string, TimeSpan, Exception?> Abandoned =
        LoggerMessage.Define<string, TimeSpan>(LogLevel.Warning, new EventId(4004), "Load {Population}: gave up after waiting {Waited}");

    [Fact]
    public void Log_LabLine_HasNoClassNameAndDurationsAsUsersWriteThem()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 250;
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var provider = new AnsiConsoleLoggerProvider(console, time, LogLevel.Information);
        var logger = provider.CreateLogger("Faultline.Lab.Health.HealthCheckerFleet");

        time.Advance(TimeSpan.FromSeconds(150));
        Started(logger, "hc-us", 16, TimeSpan.FromSeconds(30), null);
        Abandoned(logger, "us-customers", TimeSpan.FromMilliseconds(1500), null);

        Assert.Equal(
            [
                "T+2m30s Health check hc-us: 16 checkers probing every 30s",
                "T+2m30s Load us-customers: gave up after waiting 1.5s",
            ],
            output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Log_PlainMessage_IsWrittenAsIs()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        using var provider = new AnsiConsoleLoggerProvider(console, new FakeTimeProvider(DateTimeOffset.UnixEpoch), LogLevel.Information);

        provider.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").Log(LogLevel.Warning, new EventId(1), "port [taken]", null, (s, _) => s);

        Assert.Equal("T+0s port [taken]", output.ToString().TrimEnd());
    }
}
