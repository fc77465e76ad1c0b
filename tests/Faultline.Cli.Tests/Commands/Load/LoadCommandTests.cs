using System.Text.Json;
using System.Text.RegularExpressions;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;
using Faultline.TestUtils.Metrics;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands.Load;

/// <summary><c>faultline load</c> against a loopback target: what it counts, writes and prints, and that it ends.</summary>
/// <remarks>
/// These count real seconds of sends (the command paces on the wall clock), so a busy neighbour shifts them: the
/// <c>Timing=RealSeconds</c> trait has eng/test.sh run them on their own, after the rest of the project ran beside the
/// unit-test projects.
/// </remarks>
[Trait("Timing", "RealSeconds")]
public sealed class LoadCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faultline-load-").FullName;
    private RegionTarget? _target;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RegionTarget Target => _target ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _target = await RegionTarget.StartAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static List<JsonElement> Lines(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static List<JsonElement> Of(List<JsonElement> lines, Uri url) =>
        [.. lines.Where(l => l.GetProperty("SiteName").GetString() == url.ToString())];

    private static long Sum(IEnumerable<JsonElement> lines, string metric) =>
        lines.Sum(l => l.TryGetProperty(metric, out var v) ? v.GetInt64() : 0);

    [Fact]
    public async Task Load_TwoUrls_EmfLinesFollowTheSpecAndCountWhatTheTargetAnswered()
    {
        var us = Target.Url("/us");
        var fail = Target.Url("/fail");
        var emf = Path.Combine(_folder, "load.emf");

        var (code, output) = await CliRun.RunAsync("load", us.ToString(), fail.ToString(), "--rate", "20", "--duration", "2s", "--emf", emf, "--namespace", "Chaos/Test");

        Assert.Equal(ExitCodes.Ok, code);
        var text = await File.ReadAllLinesAsync(emf, Cancel);
        Assert.All(text, l => Assert.Empty(EmfSpec.Problems(l)));
        var lines = Lines(text);
        Assert.All(lines, l => Assert.Equal("Chaos/Test", l.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString()));

        // Every request the target saw is in the lines, under its URL, classified as the target answered it.
        var usLines = Of(lines, us);
        var failLines = Of(lines, fail);
        Assert.Equal(lines.Count, usLines.Count + failLines.Count);
        Assert.Equal(Target.Count("/us"), Sum(usLines, "requests"));
        Assert.Equal(Target.Count("/us"), Sum(usLines, "status_2xx"));
        Assert.Equal(Target.Count("/us"), Sum(usLines, "region_us-east-1"));
        Assert.Equal(Target.Count("/fail"), Sum(failLines, "requests"));
        Assert.Equal(Target.Count("/fail"), Sum(failLines, "status_5xx"));
        Assert.All(failLines, l => Assert.DoesNotContain(l.EnumerateObject(), p => p.Name.StartsWith("region_", StringComparison.Ordinal)));

        // Per second, too: each line's status classes add up to its requests; the rate is split evenly (10 req/s each).
        Assert.All(lines, l => Assert.Equal(l.GetProperty("requests").GetInt64(), Sum([l], "status_2xx") + Sum([l], "status_4xx") + Sum([l], "status_5xx")));
        Assert.InRange(Target.Count("/us"), 15, 25);
        Assert.InRange(Target.Count("/fail"), 15, 25);

        // One line per URL per second, a second apart, over the 2 s asked for (and the last partial second, and on a
        // busy machine one more for the answers of the last sends, which can arrive after that second has closed).
        var stamps = usLines.Select(l => l.GetProperty("_aws").GetProperty("Timestamp").GetInt64()).ToList();
        Assert.InRange(stamps.Count, 2, 4);
        Assert.All(stamps.Zip(stamps.Skip(1)), p => Assert.Equal(1000, p.Second - p.First));

        // The progress: a line per URL per second (the counts of a busy machine's second may shift by a send or two).
        Assert.Matches($@"\n    1s  {Regex.Escape(us.ToString())}  sent (\d+)  2xx \1  4xx 0  5xx 0  errors 0  regions us-east-1 \1  p99 ", output);
        Assert.Matches($@"\n    1s  {Regex.Escape(fail.ToString())}  sent (\d+)  2xx 0  4xx 0  5xx \1  errors 0  regions -  p99 ", output);
        Assert.Matches($@"\n    2s  {Regex.Escape(us.ToString())}  sent \d+  2xx \d+", output);
        Assert.Matches(@"load finished after 2(\.\d+)?s", output);
        Assert.Contains($"  {us}: {Target.Count("/us")} attempts, 2xx {Target.Count("/us")} (100% of attempts)", output, StringComparison.Ordinal);
        Assert.Contains($"emf: {text.Length} lines in {emf}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmfToStandardOutput_WritesWholeJsonLinesBesideTheProgress()
    {
        var eu = Target.Url("/eu");
        var missing = Target.Url("/missing");

        using var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });

        // Through the process's entry (FaultlineApp.RunAsync), which lets '--emf -' past Spectre's parser.
        var code = await FaultlineApp.RunAsync(["load", eu.ToString(), missing.ToString(), "--rate", "10", "--duration", "1s", "--emf", "-"], ansi);
        var output = console.ToString();

        Assert.Equal(ExitCodes.Ok, code);
        var text = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, l => Assert.Empty(EmfSpec.Problems(l)));
        var lines = Lines(text);
        Assert.Equal(Target.Count("/eu"), Sum(Of(lines, eu), "region_eu-west-1"));
        Assert.Equal(Target.Count("/missing"), Sum(Of(lines, missing), "status_4xx"));
        Assert.Equal("Faultline", lines[0].GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString());
        Assert.Matches($@"\n    1s  {Regex.Escape(eu.ToString())}  sent (\d+)  2xx \1  4xx 0  5xx 0  errors 0  regions eu-west-1 \1", output);
    }

    [Fact]
    public async Task Load_CtrlC_StopsWithASummaryAndExit3()
    {
        var us = Target.Url("/us");
        var emf = Path.Combine(_folder, "stopped.emf");
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)),
        });
        console.Profile.Width = 250;
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        // A 12-hour run, interrupted once the target has answered some requests.
        var run = FaultlineApp.Create(console).RunAsync(["load", us.ToString(), "--rate", "20", "--duration", "12h", "--emf", emf], ctrlC.Token);
        await Eventually.TrueAsync(() => Target.Count("/us") >= 10, TimeSpan.FromSeconds(30), "10 requests", Cancel);
        await ctrlC.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.Equal(ExitCodes.Stopped, code);
        Assert.Contains("load stopped by Ctrl-C after", output.ToString(), StringComparison.Ordinal);
        var lines = Lines(await File.ReadAllLinesAsync(emf, Cancel));
        Assert.Equal(Target.Count("/us"), Sum(lines, "status_2xx"));
    }

    [Fact]
    public async Task Load_MetricsPort_ServesTheCountersUnderThePrometheusNames()
    {
        var us = Target.Url("/us");
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var run = CliRunWith(ctrlC.Token, "load", us.ToString(), "--rate", "20", "--duration", "12h", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        var pattern = new Regex($@"^faultline_responses_total\{{(?=[^}}]*status_class=""2xx"")[^}}]*url=""{Regex.Escape(us.ToString())}""[^}}]*\}} (\d+)", RegexOptions.Multiline);
        var scraped = await Eventually.ReturnsAsync(
            async ct => await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), ct),
            text => pattern.Match(text) is { Success: true } m && long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 5,
            TimeSpan.FromSeconds(30),
            "2xx responses >= 5 on the scrape endpoint",
            Cancel);
        await ctrlC.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.Equal(ExitCodes.Stopped, code);
        Assert.Matches(new Regex($@"^faultline_region_responses_total\{{(?=[^}}]*region=""us-east-1"")[^}}]*url=""{Regex.Escape(us.ToString())}""", RegexOptions.Multiline), scraped);
    }

    [Fact]
    public async Task Load_Quiet_PrintsOnlyTheSummary()
    {
        var us = Target.Url("/us");

        var (code, output, error) = await CliRun.RunSplitAsync("load", us.ToString(), "--rate", "10", "--duration", "1s", "-q");

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^load finished after 1(\.\d+)?s$", lines[0]);
        Assert.StartsWith($"  {us}: {Target.Count("/us")} attempts, 2xx {Target.Count("/us")} ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Load_QuietWithEmfToStandardOutput_KeepsStandardOutputForTheEmfLines()
    {
        var us = Target.Url("/us");

        var (code, output, error) = await CliRun.RunSplitAsync("load", us.ToString(), "--rate", "10", "--duration", "1s", "--emf=-", "--quiet");

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Empty(EmfSpec.Problems(l)));
        Assert.Equal(Target.Count("/us"), Sum(Lines(lines), "requests"));
        Assert.StartsWith("load finished after ", error, StringComparison.Ordinal);
    }

    // Runs the CLI with a token the test cancels (Ctrl-C), into a console nobody reads while it runs.
    private static Task<int> CliRunWith(CancellationToken token, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        return FaultlineApp.Create(console).RunAsync(args, token);
    }
}
