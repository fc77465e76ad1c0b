using System.Text.Json;
using System.Text.RegularExpressions;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Runs;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Simulate;

[Collection(SimulationCollection.Name)]
public sealed partial class SimulateCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("faultline-simulate-cli-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Simulate_Seed_HoldsAndWritesASimulatedRun()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out);

        Assert.Equal(0, code);
        Assert.Contains("verdict: held", output, StringComparison.Ordinal);
        var run = Assert.Single(Directory.GetDirectories(_out));
        Assert.Contains("\"engine\": \"simulated\"", await File.ReadAllTextAsync(Path.Combine(run, "result.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.True(File.Exists(Path.Combine(run, "junit.xml")));
    }

    [Fact]
    public async Task Simulate_Misconfigured_IsRefutedWithTheReason()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "misconfigured", "experiment.yaml"), "--out", _out);

        Assert.Equal(1, code);
        Assert.Contains("verdict: refuted", output, StringComparison.Ordinal);
        Assert.Contains("it probes api.eu-west-1.example.test", output, StringComparison.Ordinal);
    }

    // The FIS-style graph (attach, wait, detach) runs on the same runner, scheduler, effects and function fleet in
    // virtual time as on a live lab (SimulatedRunLab), so the "same verdict as the plain experiment" is proved here, in
    // seconds, instead of by two more 45-s live runs; the live scheduler path is the end-to-end tests' shared runs.
    [Theory]
    [InlineData("seed", 0, "held")]
    [InlineData("seed/misconfigured", 1, "refuted")]
    public async Task Simulate_FisStyleGraph_AttachWaitDetach_GivesThePlainExperimentsVerdictAndChecks(string folder, int expectedCode, string expectedVerdict)
    {
        var sample = folder.Split('/');
        var plainOut = Path.Combine(_out, "plain");
        var fisOut = Path.Combine(_out, "fis");

        var (plainCode, plainOutput) = await CliRun.RunAsync("simulate", RepoPaths.Combine(["samples", .. sample, "experiment.yaml"]), "--out", plainOut);
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine(["samples", .. sample, "experiment-fis.yaml"]), "--out", fisOut);

        Assert.True(plainCode == expectedCode, plainOutput);
        Assert.True(code == expectedCode, output);
        Assert.Contains($"verdict: {expectedVerdict}", output, StringComparison.Ordinal);
        Assert.Contains("attach configured us-east-1/hello: AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap, CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY=true", output, StringComparison.Ordinal);
        Assert.Contains("detach configured us-east-1/hello: unset AWS_LAMBDA_EXEC_WRAPPER, unset CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY", output, StringComparison.Ordinal);
        var plain = Verdict(plainOut);
        var fis = Verdict(fisOut);
        Assert.Equal(plain.GetProperty("kind").GetString(), fis.GetProperty("kind").GetString());
        Assert.Equal(Checks(plain), Checks(fis));
        Assert.Equal(Codes(plain), Codes(fis));
        Assert.Equal("completed", Result(fisOut).GetProperty("finalState").GetString(), ignoreCase: true);
    }

    private static JsonElement Result(string runs) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "result.json"))).RootElement;

    private static JsonElement Verdict(string runs) => Result(runs).GetProperty("verdict");

    private static string[] Checks(JsonElement verdict) =>
        [.. verdict.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("passed")}")];

    private static string[] Codes(JsonElement verdict) =>
        [.. verdict.GetProperty("diagnosis").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Simulate_CustomDomainMissing_IsRefutedWithTheDiagnosis()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "custom-domain-missing", "experiment.yaml"), "--out", _out);

        Assert.Equal(1, code);
        Assert.Contains("verdict: refuted", output, StringComparison.Ordinal);
        // The 5xx count depends on the seeded FIS ramp-up of the us-east-1 latency fault; the 403s do not.
        Assert.Contains("us-customers got errors (12,000×4xx, ", output, StringComparison.Ordinal);
        Assert.Contains(
            "×5xx) from eu-west-1: its gateway has no custom domain api.example.test, so API Gateway answered 403 {\"message\":\"Forbidden\"} to every request routed there [custom-domain-missing]",
            output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("clients-stuck-after-dns-change", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Seed_ReservedConcurrencyThrottlesShowAs5xx()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out);

        // The Lambda service rejecting an invocation is a 500 from API Gateway, never a 429.
        Assert.Equal(0, code);
        Assert.Contains("×5xx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("×4xx", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEngineSimulated_IsTheSameAsSimulate()
    {
        var (code, output) = await CliRun.RunAsync("run", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--engine", "simulated", "--out", _out);

        Assert.Equal(0, code);
        Assert.Contains("simulated in virtual time, seed 42", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_IntervalByThreshold_WritesOneRowPerPoint_AndFailoverSlowsWithBoth()
    {
        var (code, output) = await CliRun.RunAsync(
            "simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out, "--runs", "3",
            "--set", "healthChecks.hc-us.interval=10s,30s", "--set", "healthChecks.hc-us.failureThreshold=1,3");

        Assert.True(code is 0 or 1, output);
        Assert.Contains("12 simulated runs", output, StringComparison.Ordinal);
        var csv = (await File.ReadAllLinesAsync(Directory.GetFiles(_out, "summary.csv", SearchOption.AllDirectories).Single(), TestContext.Current.CancellationToken)).ToList();
        Assert.Equal(5, csv.Count);
        var header = csv[0].Split(',');
        Assert.Equal("healthChecks.hc-us.interval", header[0]);
        Assert.Equal("healthChecks.hc-us.failureThreshold", header[1]);
        var p50 = Array.IndexOf(header, "unhealthy: hc-us p50 (s)");
        Assert.True(p50 > 0, csv[0]);
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["10s,1", "10s,3", "30s,1", "30s,3"], rows.Select(r => $"{r[0]},{r[1]}"));
        var medians = rows.Select(r => double.Parse(r[p50], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // Route 53 needs `threshold` failed probes `interval` apart: the median grows with both.
        Assert.True(medians[0] < medians[1] && medians[1] < medians[3] && medians[2] < medians[3], string.Join(", ", medians));
        Assert.Contains("hc-us.interval=10s, hc-us.failureThreshold=1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WritesReportHtml_WhoseTableIsSummaryCsv_AndLinksEachKeptRunsReport()
    {
        var (code, output) = await CliRun.RunAsync(
            "simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out, "--runs", "2",
            "--set", "healthChecks.hc-us.failureThreshold=1,3", "--keep-runs");

        Assert.True(code is 0 or 1, output);
        var csvPath = Directory.GetFiles(_out, "summary.csv", SearchOption.AllDirectories).Single();
        var batch = Path.GetDirectoryName(csvPath)!;
        var report = Path.Combine(batch, "report.html");
        Assert.Contains($"report: {report}", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        var csv = await File.ReadAllLinesAsync(csvPath, TestContext.Current.CancellationToken);
        Assert.Equal(SweepHtml.CsvFields(csv[0]), SweepHtml.Columns(html));
        var rows = SweepHtml.Rows(html);
        Assert.Equal(2, rows.Count);
        Assert.Equal(csv.Skip(1).Select(SweepHtml.CsvFields), rows.Select(r => r.Cells.Select(c => c.Csv).ToList()));
        Assert.Contains("<h2>How long until us-customers are served again?</h2>", html, StringComparison.Ordinal);
        Assert.Contains("How long until us-customers are served again? Soonest with hc-us.failureThreshold=", output, StringComparison.Ordinal);

        // Every kept run (2 points × 2 seeds) is linked, and the link opens that run's own report.
        var links = RunLink().Matches(html);
        Assert.Equal(4, links.Count);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(batch, Uri.UnescapeDataString(l.Groups["href"].Value))), l.Value));
    }

    [Fact]
    public async Task Runs_WithoutSet_WritesReportHtml_WithOneRow()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out, "--runs", "2");

        Assert.Equal(0, code);
        var report = Directory.GetFiles(_out, "report.html", SearchOption.AllDirectories).Single();
        Assert.Contains($"report: {report}", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        var csv = await File.ReadAllLinesAsync(Path.Combine(Path.GetDirectoryName(report)!, "summary.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(SweepHtml.CsvFields(csv[1]), Assert.Single(SweepHtml.Rows(html)).Cells.Select(c => c.Csv));
        Assert.Contains("Held in all 2 runs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"runs\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_Zero_IsAUsageError()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--runs", "0");

        Assert.Equal(2, code);
        Assert.Contains("--runs 0: give a number of seeds from 1 to 100,000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_UnknownHealthCheck_IsALocatedErrorWithADidYouMean_AndNothingRuns()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out, "--set", "healthChecks.hc-uss.interval=10s");

        Assert.Equal(2, code);
        Assert.Contains("hc-uss", output, StringComparison.Ordinal);
        Assert.Contains("hc-us", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out));
    }

    [Fact]
    public async Task Simulate_UpstreamFunction_IsAClearError()
    {
        var topology = File.ReadAllText(RepoPaths.Combine("samples", "seed", "topology.yaml"))
            .Replace("hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1:", "hello: { route: GET /api/hello, upstream: \"http://127.0.0.1:9/\", timeout: 10s }\n  eu-west-1:", StringComparison.Ordinal);
        Assert.Contains("upstream:", topology, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_out, "topology.yaml"), topology, TestContext.Current.CancellationToken);
        File.Copy(RepoPaths.Combine("samples", "seed", "experiment.yaml"), Path.Combine(_out, "experiment.yaml"));

        var (code, output) = await CliRun.RunAsync("simulate", Path.Combine(_out, "experiment.yaml"), "--out", Path.Combine(_out, "runs"));

        Assert.Equal(2, code);
        Assert.Contains("function us-east-1/hello calls an upstream service, which the simulated engine cannot model", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out, "runs")));
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\">seed \\d+</a>")]
    private static partial Regex RunLink();
}
