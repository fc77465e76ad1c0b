using Faultline.Cli.Commands;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Lab.Control;
using Faultline.Cli.Tests.Support;
using Xunit;

namespace Faultline.Cli.Tests.Commands.Fault;

public sealed class FaultCommandsTests : IAsyncLifetime
{
    private readonly TestFaultLab _lab = new();

    private FaultControlServer Server => _lab.Server;

    private FaultStore Store => _lab.Store;

    public ValueTask InitializeAsync() => _lab.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _lab.DisposeAsync();

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(args);

    private string[] Lab => _lab.Options;

    [Fact]
    public async Task Add_Latency_AppliesFaultInTheLab()
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "latency", .. Lab, "--region", "us-east-1", "--function", "hello", "--delay", "60s", "--percentage", "100", "--lease", "10m"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var fault = Assert.Single(Store.Snapshot());
        Assert.Contains($"Applied {fault.Id}", output, StringComparison.Ordinal);
        Assert.Equal(["us-east-1/hello"], fault.Targets);
        Assert.Equal(TimeSpan.FromSeconds(60), ((LatencyFaultOptions)fault.Spec.Options).Delay);
        Assert.Equal(TimeSpan.FromMinutes(10), fault.LeaseExpiresAt - fault.AppliedAt);
    }

    [Fact]
    public async Task Add_NetworkFromLocationWithSelection_PassesEveryOption()
    {
        var (exitCode, _) = await RunAsync(["fault", "add", "network", .. Lab, "--region", "us-east-1", "--mode", "blackhole", "--from", "eu-west-1", "--owner", "me"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var fault = Assert.Single(Store.Snapshot());
        Assert.Equal(NetworkMode.Blackhole, ((NetworkFaultOptions)fault.Spec.Options).Mode);
        Assert.Equal(["eu-west-1"], fault.Spec.Target.FromLocations);
        Assert.Equal("me", fault.Owner);
    }

    [Fact]
    public async Task Add_DnsAndHealthOverride_TargetRecordAndCheck()
    {
        var (dnsExit, _) = await RunAsync(["fault", "add", "dns", .. Lab, "--record", "api.example.test", "--mode", "servfail"]);
        var (healthExit, _) = await RunAsync(["fault", "add", "health-override", .. Lab, "--health-check", "hc-us", "--status", "unhealthy"]);

        Assert.Equal(ExitCodes.Ok, dnsExit);
        Assert.Equal(ExitCodes.Ok, healthExit);
        var faults = Store.Snapshot();
        Assert.Equal(DnsFaultMode.Servfail, Assert.IsType<DnsFaultOptions>(faults[0].Spec.Options).Mode);
        Assert.Equal(["api.example.test"], faults[0].Targets);
        Assert.Equal(HealthOverrideStatus.Unhealthy, Assert.IsType<HealthOverrideFaultOptions>(faults[1].Spec.Options).Status);
        Assert.Equal(["hc-us"], faults[1].Targets);
    }

    [Fact]
    public async Task Add_HttpResponse_PassesStatusBodyAndExecution()
    {
        var (exitCode, _) = await RunAsync(["fault", "add", "http-response", .. Lab, "--region", "eu-west-1", "--function", "hello", "--status-code", "503", "--body", "down", "--prevent-execution", "false", "--percentage", "25"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var fault = Assert.Single(Store.Snapshot());
        var options = Assert.IsType<HttpResponseFaultOptions>(fault.Spec.Options);
        Assert.Equal(503, options.StatusCode);
        Assert.Equal("down", options.Body);
        Assert.False(options.PreventExecution);
        Assert.Equal(25, fault.Spec.Percentage);
    }

    [Fact]
    public async Task Add_BadMode_FailsValidationListingModes()
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "network", .. Lab, "--region", "us-east-1", "--mode", "drop"]);

        Assert.NotEqual(ExitCodes.Ok, exitCode);
        Assert.Contains("network: --mode is 'drop', which is not allowed; allowed: blackhole, reset, latency", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Theory]
    [InlineData("1000000h", "--lease is 1000000h, longer than the maximum lease of 1h of lab time; give 1h or less (e.g. 10m) and renew it before it lapses to keep it longer")]
    [InlineData("0s", "--lease is 0s; a lease must be positive and at most 1h of lab time (e.g. 10m)")]
    public async Task Add_LeaseOutsideTheBounds_FailsValidationAndInjectsNothing(string lease, string expected)
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "latency", .. Lab, "--region", "us-east-1", "--delay", "1s", "--lease", lease]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Add_LeaseOfTheMaximum_IsApplied()
    {
        var (exitCode, _) = await RunAsync(["fault", "add", "latency", .. Lab, "--region", "us-east-1", "--delay", "1s", "--lease", "1h"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var fault = Assert.Single(Store.Snapshot());
        Assert.Equal(TimeSpan.FromHours(1), fault.LeaseExpiresAt - fault.AppliedAt);
    }

    [Fact]
    public async Task Add_DelayLongerThanTheMaximum_ExitsInvalidInputWithTheBoundAndInjectsNothing()
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "latency", .. Lab, "--region", "us-east-1", "--delay", "1000000h"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("latency: --delay is 1000000h; it must be at most 15m", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Add_SelectionAndRoute_SelectsOneFunction()
    {
        var (exitCode, _) = await RunAsync(["fault", "add", "error", .. Lab, "--route", "GET /api/hello", "--selection", "COUNT(1)"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Single(Assert.Single(Store.Snapshot()).Targets);
    }

    [Fact]
    public async Task Add_UnknownRegion_ExitsInvalidInputWithLabMessage()
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "latency", .. Lab, "--region", "us-east1", "--delay", "1s"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("did you mean 'us-east-1'?", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Add_UnknownKind_FailsValidationAndInjectsNothing()
    {
        var (exitCode, output) = await RunAsync(["fault", "add", "latancy", .. Lab, "--region", "us-east-1"]);

        Assert.NotEqual(ExitCodes.Ok, exitCode);
        Assert.Contains("unknown fault kind 'latancy'", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Add_WrongToken_ExitsInvalidInputAndInjectsNothing()
    {
        var wrong = Path.Combine(_lab.StateDirectory, "wrong.token");
        await File.WriteAllTextAsync(wrong, "nope", TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunAsync(["fault", "add", "throttle", "--lab", Server.BaseAddress.ToString(), "--token-file", wrong, "--region", "us-east-1"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("401", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task List_ShowsTableOfFaults()
    {
        var fault = Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "eu-west-1", Function = "hello" } }, "run-7", TimeSpan.FromMinutes(10));

        var (exitCode, output) = await RunAsync(["fault", "list", .. Lab]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("lease left", output, StringComparison.Ordinal);
        Assert.Contains(fault.Id, output, StringComparison.Ordinal);
        Assert.Contains("eu-west-1/hello", output, StringComparison.Ordinal);
        Assert.Contains("run-7", output, StringComparison.Ordinal);
        Assert.Contains("9m5", output, StringComparison.Ordinal);
        Assert.Contains("delay 5s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ById_RevertsTheFault()
    {
        var fault = Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "us-east-1" } }, "cli", TimeSpan.FromMinutes(10));

        var (exitCode, output) = await RunAsync(["fault", "remove", fault.Id, .. Lab]);
        var (again, _) = await RunAsync(["fault", "remove", fault.Id, .. Lab]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains($"Reverted {fault.Id}", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
        Assert.Equal(ExitCodes.InvalidInput, again);
    }

    [Fact]
    public async Task Reset_RevertsEverything()
    {
        Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "us-east-1" } }, "a", TimeSpan.FromMinutes(10));
        Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "eu-west-1" } }, "b", TimeSpan.FromMinutes(10));

        var (exitCode, output) = await RunAsync(["fault", "reset", .. Lab]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Reverted 2 fault(s)", output, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task List_NoTokenAnywhere_ExplainsWhereTokensComeFrom()
    {
        // A port no lab of this test wrote a token for; the environment variable may not be set in CI.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LabConnectionSettings.TokenVariable)))
        {
            Assert.Fail($"{LabConnectionSettings.TokenVariable} is set in the test environment; unset it to run this test");
        }

        var (exitCode, output) = await RunAsync(["fault", "list", "--lab", "http://127.0.0.1:1"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("no token for the lab", output, StringComparison.Ordinal);
        Assert.Contains("--token-file", output, StringComparison.Ordinal);
    }
}
