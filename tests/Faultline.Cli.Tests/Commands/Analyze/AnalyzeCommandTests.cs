using System.Diagnostics;
using System.Text.Json;
using Faultline.Cli.Commands.Simulate;
using Faultline.Cli.Tests.Commands.Simulate;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Aws.Analyze;
using Faultline.Core.Journal;
using Faultline.Core.Verdict;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Analyze;

[Collection(SimulationCollection.Name)]
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faultline-analyze-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Analyze_SeedSimulatedAsAwsFiles_HoldsLikeTheSimulatedRun()
    {
        var (own, args) = await SimulateAsAwsAsync("seed");

        var (code, output) = await CliRun.RunAsync([.. args, "--out", Path.Combine(_root, "report")]);

        Assert.Equal(VerdictKind.Held, own);
        Assert.Equal(0, code);
        Assert.Contains("Held: all 6 checks passed.", output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "report", "result.json"), TestContext.Current.CancellationToken));
        Assert.Equal("held", result.RootElement.GetProperty("verdict").GetProperty("kind").GetString());
        Assert.True(File.Exists(Path.Combine(_root, "report", "report.html")));
        Assert.Contains("<testsuite", await File.ReadAllTextAsync(Path.Combine(_root, "report", "junit.xml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MisconfiguredSimulatedAsAwsFiles_IsRefutedWithTheHealthCheckDiagnosis()
    {
        var (own, args) = await SimulateAsAwsAsync(Path.Combine("seed", "misconfigured"));

        var (code, output) = await CliRun.RunAsync([.. args, "--out", Path.Combine(_root, "report")]);

        Assert.Equal(VerdictKind.Refuted, own);
        Assert.Equal(1, code);
        Assert.Contains("Refuted:", output, StringComparison.Ordinal);
        Assert.Contains($"reason ({DiagnosisCodes.HealthCheckProbesOtherRegion})", output, StringComparison.Ordinal);
        var result = await File.ReadAllTextAsync(Path.Combine(_root, "report", "result.json"), TestContext.Current.CancellationToken);
        Assert.Contains(DiagnosisCodes.HealthCheckProbesOtherRegion, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintQueries_Seed_PrintsOneGetMetricDataPerRegionWithEveryQuery()
    {
        var (code, output) = await CliRun.RunAsync("analyze", "--experiment", Seed("experiment.yaml"), "--print-queries", "--health-check-id", "hc-us=11111111-2222-3333-4444-555555555555");

        Assert.Equal(0, code);
        Assert.Contains("aws cloudwatch get-metric-data --region us-east-1 --start-time START_TIME --end-time END_TIME --scan-by TimestampAscending --metric-data-queries file://queries-us-east-1.json --output json > metrics-us-east-1.json", output, StringComparison.Ordinal);
        Assert.Contains("--region eu-west-1", output, StringComparison.Ordinal);
        Assert.Contains("\"Value\": \"11111111-2222-3333-4444-555555555555\"", output, StringComparison.Ordinal);
        Assert.Contains("\"Value\": \"HEALTH_CHECK_ID_OF_hc-eu\"", output, StringComparison.Ordinal);
        Assert.Contains("\"Id\": \"s2xx_us_customers\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MalformedFisFile_IsALocatedError()
    {
        var (_, args) = await SimulateAsAwsAsync("seed");
        var fis = Path.Combine(_root, "bad-fis.json");
        await File.WriteAllTextAsync(fis, "{\n  \"experiment\": {\n    \"state\": {\"status\": \"done\"},\n    \"startTime\": 12,\n", TestContext.Current.CancellationToken);
        args[Array.IndexOf(args, "--fis-experiment") + 1] = fis;

        var (code, output) = await CliRun.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains($"{fis}:5:1: not valid JSON", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MetricsFileOfOneRegionOnly_ListsTheMissingSeries()
    {
        var (_, args) = await SimulateAsAwsAsync("seed");
        var metrics = args.Select((a, i) => (a, i)).Where(x => x.a == "--metrics").Select(x => x.i).ToList();
        var eu = args[metrics[1] + 1];
        var trimmed = args.Where((_, i) => i != metrics[1] && i != metrics[1] + 1).ToArray();

        var (code, output) = await CliRun.RunAsync(trimmed);

        Assert.Equal(2, code);
        Assert.Contains("the metrics files lack", output, StringComparison.Ordinal);
        Assert.Contains(eu.Contains("eu-west-1", StringComparison.Ordinal) ? "s2xx_eu_customers" : "s2xx_us_customers", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsFilesAndQueries_PassBotocoresValidatorForTheirOperations()
    {
        var (_, args) = await SimulateAsAwsAsync("seed");
        var (input, _) = ExperimentInput.Read(Seed("experiment.yaml"), null);
        var queries = Path.Combine(_root, "queries.json");
        await File.WriteAllTextAsync(queries, MetricQueries.ToJson(MetricQueries.For(input!.Experiment, input.Topology), indented: false), TestContext.Current.CancellationToken);
        var metrics = args.Select((a, i) => (a, i)).Where(x => x.a == "--metrics").Select(x => args[x.i + 1]).ToList();
        var script = """
            import json, sys, botocore.session, botocore.validate
            s = botocore.session.get_session()
            v = botocore.validate.ParamValidator()
            cw = s.get_service_model('cloudwatch').operation_model('GetMetricData')
            fis = s.get_service_model('fis').operation_model('GetExperiment')
            reports = [v.validate({'MetricDataQueries': json.load(open(sys.argv[1])), 'StartTime': '2026-12-01T10:00:00Z', 'EndTime': '2026-12-01T10:15:00Z'}, cw.input_shape),
                       v.validate(json.load(open(sys.argv[2])), fis.output_shape)]
            reports += [v.validate(json.load(open(f)), cw.output_shape) for f in sys.argv[3:]]
            bad = [r.generate_report() for r in reports if r.has_errors()]
            print('\n'.join(bad) if bad else 'valid')
            sys.exit(1 if bad else 0)
            """;
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", script, queries, args[Array.IndexOf(args, "--fis-experiment") + 1], .. metrics])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start; install python3 and botocore (eng/test.sh does).");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.False(output.Contains("No module named", StringComparison.Ordinal), $"botocore is missing: pip install botocore (eng/test.sh does). {output}");
        Assert.Equal((0, "valid"), (process.ExitCode, output.Trim()));
    }

    private static string Seed(string file) => RepoPaths.Combine("samples", "seed", file);

    /// <summary>Simulates the sample, writes its run as AWS files, and returns the run's own verdict and the analyze arguments.</summary>
    private async Task<(VerdictKind Own, string[] Args)> SimulateAsAwsAsync(string sample)
    {
        var experiment = RepoPaths.Combine("samples", sample, "experiment.yaml");
        var (input, _) = ExperimentInput.Read(experiment, null);
        var outcome = await SimulateCommand.SimulateOnceAsync(input!, 42, Path.Combine(_root, "runs"), TestContext.Current.CancellationToken);
        var observations = RunJournalReader.Open(Path.Combine(outcome.Directory, RunDirectory.JournalFileName)).ToObservations((text, path) =>
            Faultline.Core.Experiments.Reading.ExperimentReader.Read(text, path, (_, _) => Faultline.Core.Topology.Reading.TopologyReader.Read(input!.TopologyText, input.TopologyPath)).ThrowIfInvalid());
        var (fis, metrics) = AwsRunFiles.Write(observations);
        var aws = Directory.CreateDirectory(Path.Combine(_root, "aws")).FullName;
        var fisPath = Path.Combine(aws, "run.json");
        await File.WriteAllTextAsync(fisPath, fis, TestContext.Current.CancellationToken);
        var args = new List<string> { "analyze", "--experiment", experiment, "--fis-experiment", fisPath };
        foreach (var (region, text) in metrics)
        {
            var path = Path.Combine(aws, $"metrics-{region}.json");
            await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
            args.AddRange(["--metrics", path]);
        }

        return (outcome.Verdict.Kind, args.ToArray());
    }
}
