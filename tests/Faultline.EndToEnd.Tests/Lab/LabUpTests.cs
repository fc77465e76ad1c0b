using System.Net;
using System.Text.Json;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Lab;

/// <summary>
/// <c>faultline lab up</c> as a process on real sockets, checked the way the README tells a user to: dig from
/// each location's customer address, HTTP to the gateways, faults through <c>faultline fault</c>.
/// </summary>
[Collection(Runs.RunCollection.Name)]
public sealed class LabUpTests
{
    private const string UsCustomers = "127.0.1.100";
    private const string EuCustomers = "127.0.2.100";
    private const string UsGateway = "127.0.1.1";
    private const string EuGateway = "127.0.2.1";
    private const string Entry = "api.example.test";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private static string Seed => RepoPaths.Combine("samples", "seed", "topology.yaml");

    private static string Misconfigured => RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml");

    [Fact]
    public async Task LabUp_SeedTopology_AnswersEachLocationWithItsRegionAndServesHello()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(Seed, 20, ct);

        Assert.Equal(UsGateway, await lab.DigAsync(UsCustomers, Entry, ct));
        Assert.Equal(EuGateway, await lab.DigAsync(EuCustomers, Entry, ct));
        Assert.Equal(UsGateway, await lab.DigAsync(EuCustomers, "api.us-east-1.example.test", ct));

        var (status, body) = await lab.GetAsync(UsGateway, "/api/hello", UsCustomers, ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hello from region us-east-1", body);
        (status, body) = await lab.GetAsync(EuGateway, "/api/health", EuCustomers, ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Region eu-west-1 is healthy", body);
        Assert.Contains("us-east-1", lab.Process.Output, StringComparison.Ordinal);
        Assert.Contains("127.0.1.1", lab.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatencyFault_OnUsFunctions_UsCustomersFailThenMoveToEuAndEverythingReturnsWhenTheLeaseEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(Seed, 20, ct);

        var (code, output) = await lab.CliAsync(ct, "fault", "add", "latency", "--region", "us-east-1", "--delay", "60s", "--lease", "6m");
        Assert.True(code == 0, output);

        // The 60 s delay outlasts the 10 s function timeout: API Gateway answers 502.
        var failed = await Eventually.ReturnsAsync(ct => lab.GetAsync(UsGateway, "/api/hello", UsCustomers, ct), r => r.Status == HttpStatusCode.BadGateway, Generous, "a 502 from us-east-1", ct);
        Assert.Contains("Internal server error", failed.Body, StringComparison.Ordinal);

        // hc-us fails threshold times in a row on most checkers, then us customers are answered eu-west-1.
        await Eventually.ReturnsAsync(ct => lab.DigAsync(UsCustomers, Entry, ct), a => a == EuGateway, Generous, "us customers to be answered eu-west-1", ct);
        Assert.Equal(EuGateway, await lab.DigAsync(EuCustomers, Entry, ct));

        // The lease lapses with nobody renewing it: the lab reverts the fault, hc-us recovers, DNS moves back.
        await Eventually.ReturnsAsync(ct => lab.ControlAsync("/v1/faults", ct), f => FaultCount(f) == 0, Generous, "the fault's lease to lapse", ct);
        await Eventually.ReturnsAsync(ct => lab.DigAsync(UsCustomers, Entry, ct), a => a == UsGateway, Generous, "us customers to be answered us-east-1 again", ct);
        var (status, body) = await lab.GetAsync(UsGateway, "/api/hello", UsCustomers, ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hello from region us-east-1", body);
    }

    [Fact]
    public async Task LatencyFault_MisconfiguredHealthCheck_UsAnswerNeverMoves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(Misconfigured, 20, ct);

        var (code, output) = await lab.CliAsync(ct, "fault", "add", "latency", "--region", "us-east-1", "--delay", "60s", "--lease", "20m");
        Assert.True(code == 0, output);
        await Eventually.ReturnsAsync(ct => lab.GetAsync(UsGateway, "/api/hello", UsCustomers, ct), r => r.Status == HttpStatusCode.BadGateway, Generous, "a 502 from us-east-1", ct);

        // With the correct topology us customers move within interval × threshold plus a phase (≤ 120 s lab
        // = 6 s wall at scale 20). Watch twice that long: hc-us probes eu-west-1, stays healthy, nothing moves.
        var started = TimeProvider.System.GetTimestamp();
        var answers = new List<string>();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(14))
        {
            answers.Add(await lab.DigAsync(UsCustomers, Entry, ct));
            var state = await lab.ControlAsync("/v1/lab", ct);
            Assert.True(HealthOf(state, "hc-us"), "hc-us should stay healthy: it probes api.eu-west-1.example.test");
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal(UsGateway, a));
    }

    [Fact]
    public async Task LatencyFault_OnEveryRegion_DnsFailsOpenAndStillAnswersByLatency()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(Seed, 20, ct);

        var (code, output) = await lab.CliAsync(ct, "fault", "add", "latency", "--delay", "60s", "--lease", "20m");
        Assert.True(code == 0, output);

        await Eventually.ReturnsAsync(ct => lab.ControlAsync("/v1/lab", ct), l => !HealthOf(l, "hc-us") && !HealthOf(l, "hc-eu"), Generous, "both health checks to turn unhealthy", ct);

        // No set is healthy, so Route 53 treats all as healthy and answers by latency again.
        Assert.Equal(UsGateway, await lab.DigAsync(UsCustomers, Entry, ct));
        Assert.Equal(EuGateway, await lab.DigAsync(EuCustomers, Entry, ct));
    }

    [Fact]
    public async Task LabUp_InvalidTopology_ExitsTwoNamingFileLineAndColumnAndStartsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var home = Directory.CreateTempSubdirectory("faultline-e2e-").FullName;
        var file = Path.Combine(home, "topology.yaml");
        var text = await File.ReadAllTextAsync(Seed, ct);
        await File.WriteAllTextAsync(file, text.Replace("interval: 30s", "interval: 20s", StringComparison.Ordinal), ct);

        var (code, output) = await FaultlineProcess.RunAsync(home, Generous, ct, "lab", "up", file, "--dns-port", "0", "--http-port", "0", "--control-port", "0");

        Assert.Equal(2, code);
        Assert.Matches(@"topology\.yaml:\d+:\d+: .*interval", output);
        Assert.False(Directory.Exists(Path.Combine(home, "labs")) && Directory.EnumerateFiles(Path.Combine(home, "labs")).Any(), "no lab should have started");
    }

    [Fact]
    public async Task LabUp_Interrupted_ShutsDownCleanlyAndRemovesItsTokenFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(Seed, 20, ct);
        Assert.True(File.Exists(lab.Endpoints.TokenFile));

        lab.Process.Interrupt();

        Assert.Equal(0, await lab.Process.WaitForExitAsync(Generous, ct));
        Assert.False(File.Exists(lab.Endpoints.TokenFile), "the token file should be removed on a clean shutdown");
    }

    private static int FaultCount(JsonElement faults) =>
        faults.ValueKind == JsonValueKind.Array ? faults.GetArrayLength() : faults.GetProperty("faults").GetArrayLength();

    private static bool HealthOf(JsonElement lab, string check)
    {
        foreach (var hc in lab.GetProperty("healthChecks").EnumerateArray())
        {
            if (hc.GetProperty("id").GetString() == check)
            {
                return hc.GetProperty("healthy").GetBoolean();
            }
        }

        throw new InvalidOperationException($"/v1/lab has no health check '{check}': {lab}");
    }
}
