using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;
using Faultline.Core.Topology.Reading;
using Faultline.Lab.Control;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary>
/// One bad option value per rule of every kind, and one malformed value per option type, given to each front end: the
/// experiment reader, <c>fault add</c> and the control API reject it with the same message (the command line names the
/// flag, files and JSON the key).
/// </summary>
public sealed class FaultOptionFrontEndsTests : IAsyncLifetime
{
    private const string Targets = """
        targets:
          us-functions: { type: function, region: us-east-1, selectionMode: ALL }
          us-gateway: { type: region, region: us-east-1 }
          api-record: { type: record, record: api.example.test }
          hc-us-check: { type: healthCheck, healthCheck: hc-us }
        actions:

        """;

    private readonly TestFaultLab _lab = new();

    private FaultControlServer Server => _lab.Server;

    private FaultStore Store => _lab.Store;

    public ValueTask InitializeAsync() => _lab.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _lab.DisposeAsync();

    /// <summary>kind, target (experiment file), YAML options, flags, JSON options, JSON target (and what follows it in the spec), message with file keys, message with flags.</summary>
    public static TheoryData<string, string, string, string[], string, string, string, string> BadValues => new()
    {
        {
            "latency", "us-functions", "delay: 16m", ["--region", "us-east-1", "--delay", "16m"], "\"delay\":\"16m\"", "{\"region\":\"us-east-1\"}",
            "delay is 16m; it must be at most 15m (a Lambda function's longest timeout); give a delay from 0s to 15m",
            "--delay is 16m; it must be at most 15m (a Lambda function's longest timeout); give a delay from 0s to 15m"
        },
        {
            "latency", "us-functions", "min: 3s, max: 2s", ["--region", "us-east-1", "--min", "3s", "--max", "2s"], "\"min\":\"3s\",\"max\":\"2s\"", "{\"region\":\"us-east-1\"}",
            "min 3s is above max 2s; make min at most max",
            "--min 3s is above --max 2s; make --min at most --max"
        },
        {
            "latency", "us-functions", "min: 1s", ["--region", "us-east-1", "--min", "1s"], "\"min\":\"1s\"", "{\"region\":\"us-east-1\"}",
            "neither delay nor both min and max is given; add delay: 60s, or min: 1s and max: 5s for a uniformly drawn delay",
            "neither --delay nor both --min and --max is given; add --delay 60s, or --min 1s and --max 5s for a uniformly drawn delay"
        },
        {
            "latency", "us-functions", "delay: 1s, max: 2s", ["--region", "us-east-1", "--delay", "1s", "--max", "2s"], "\"delay\":\"1s\",\"max\":\"2s\"", "{\"region\":\"us-east-1\"}",
            "both delay and min/max are given; keep delay for a fixed delay, or min and max for a range",
            "both --delay and --min/--max are given; keep --delay for a fixed delay, or --min and --max for a range"
        },
        {
            "error", "us-functions", "percentage: 101", ["--region", "us-east-1", "--percentage", "101"], "\"preventExecution\":true", "{\"region\":\"us-east-1\"},\"percentage\":101",
            "percentage is 101; it must be between 0 and 100; set percentage to the share of requests affected, from 0 to 100",
            "--percentage is 101; it must be between 0 and 100; set --percentage to the share of requests affected, from 0 to 100"
        },
        {
            "http-response", "us-functions", "statusCode: 700", ["--region", "us-east-1", "--status-code", "700"], "\"statusCode\":700", "{\"region\":\"us-east-1\"}",
            "statusCode is 700; it must be between 100 and 599; set statusCode to an HTTP status such as 500 or 503",
            "--status-code is 700; it must be between 100 and 599; set --status-code to an HTTP status such as 500 or 503"
        },
        {
            "throttle", "us-functions", "concurrency: -1", ["--region", "us-east-1", "--concurrency", "-1"], "\"concurrency\":-1", "{\"region\":\"us-east-1\"}",
            "concurrency is -1; it must be 0 or more; set concurrency to 0 (throttle everything) or more",
            "--concurrency is -1; it must be 0 or more; set --concurrency to 0 (throttle everything) or more"
        },
        {
            "network", "us-gateway", "mode: latency", ["--region", "us-east-1", "--mode", "latency"], "\"mode\":\"latency\"", "{\"region\":\"us-east-1\"}",
            "mode latency needs delay; add delay: 200ms",
            "--mode latency needs --delay; add --delay 200ms"
        },
        {
            "network", "us-gateway", "mode: slow", ["--region", "us-east-1", "--mode", "slow"], "\"mode\":\"slow\"", "{\"region\":\"us-east-1\"}",
            "mode is 'slow', which is not allowed; allowed: blackhole, reset, latency",
            "--mode is 'slow', which is not allowed; allowed: blackhole, reset, latency"
        },
        {
            "dns", "api-record", "mode: nxdomain, delay: 2s", ["--record", "api.example.test", "--mode", "nxdomain", "--delay", "2s"], "\"mode\":\"nxdomain\",\"delay\":\"2s\"", "{\"record\":\"api.example.test\"}",
            "delay is given, but mode nxdomain does not delay; remove delay, or set mode: delay",
            "--delay is given, but --mode nxdomain does not delay; remove --delay, or set --mode delay"
        },
        {
            "health-override", "hc-us-check", "status: sick", ["--health-check", "hc-us", "--status", "sick"], "\"status\":\"sick\"", "{\"healthCheck\":\"hc-us\"}",
            "status is 'sick', which is not allowed; allowed: unhealthy, healthy",
            "--status is 'sick', which is not allowed; allowed: unhealthy, healthy"
        },
        {
            "latency", "us-functions", "delay: soon", ["--region", "us-east-1", "--delay", "soon"], "\"delay\":\"soon\"", "{\"region\":\"us-east-1\"}",
            "delay is 'soon', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M",
            "--delay is 'soon', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M"
        },
        {
            "error", "us-functions", "percentage: lots", ["--region", "us-east-1", "--percentage", "lots"], "\"preventExecution\":true", "{\"region\":\"us-east-1\"},\"percentage\":\"lots\"",
            "percentage is 'lots', which is not a number; write a number such as 50",
            "--percentage is 'lots', which is not a number; write a number such as 50"
        },
        {
            "http-response", "us-functions", "statusCode: 5.5", ["--region", "us-east-1", "--status-code", "5.5"], "\"statusCode\":5.5", "{\"region\":\"us-east-1\"}",
            "statusCode is '5.5', which is not a whole number; write a whole number such as 503",
            "--status-code is '5.5', which is not a whole number; write a whole number such as 503"
        },
        {
            "error", "us-functions", "preventExecution: maybe", ["--region", "us-east-1", "--prevent-execution", "maybe"], "\"preventExecution\":\"maybe\"", "{\"region\":\"us-east-1\"}",
            "preventExecution is 'maybe', which is not true or false; write true or false",
            "--prevent-execution is 'maybe', which is not true or false; write true or false"
        },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task BadOptionValue_EveryFrontEnd_RejectsItWithTheSameMessage(
        string kind, string target, string yamlOptions, string[] flags, string jsonOptions, string jsonTarget, string fileMessage, string flagMessage)
    {
        var yaml = ReadExperiment($"  a: {{ fault: {kind}, target: {target}, {yamlOptions}, duration: 1m }}\n");
        var cli = await CliRun.RunAsync(["fault", "add", kind, "--lab", Server.BaseAddress.ToString(), "--token-file", Server.TokenFile, .. flags]);
        var api = await PostAsync($"{{\"spec\":{{\"options\":{{\"kind\":\"{kind}\",{jsonOptions}}},\"target\":{jsonTarget}}}}}");

        var error = Assert.Single(yaml);
        Assert.Matches(@"^experiment\.yaml:\d+:\d+: action 'a' \(" + kind + @"\): ", error);
        Assert.EndsWith($"({kind}): {fileMessage}", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{kind}: {flagMessage}", cli.Output, StringComparison.Ordinal);
        Assert.EndsWith(fileMessage, api, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', api);
        Assert.Empty(Store.All);
    }

    private static string[] ReadExperiment(string actions)
    {
        var seed = File.ReadAllText(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        var start = seed.IndexOf("targets:", StringComparison.Ordinal);
        var end = seed.IndexOf("stopConditions:", StringComparison.Ordinal);
        var yaml = seed[..start] + Targets + actions + seed[end..];
        var topology = File.ReadAllText(RepoPaths.Combine("samples", "seed", "topology.yaml"));
        var result = ExperimentReader.Read(yaml, "experiment.yaml", (_, display) => TopologyReader.Read(topology, display));
        return result.Diagnostics.Select(d => d.ToString()).ToArray();
    }

    private async Task<string> PostAsync(string body)
    {
        using var client = new HttpClient { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/faults") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(400, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.GetProperty("error").GetString() ?? string.Empty;
    }
}
