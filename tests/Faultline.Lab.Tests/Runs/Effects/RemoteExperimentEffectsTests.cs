using System.Net;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Error;
using Faultline.Core.Randomness;
using Faultline.Lab.Control;
using Faultline.Lab.Hosting;
using Faultline.Lab.Runs.Effects;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Runs.Effects;

public sealed class RemoteExperimentEffectsTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SomeLab? _lab;

    private LabHost Lab => _lab?.Host ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() =>
        _lab = await SomeLab.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        _http.Dispose();
    }

    private RemoteExperimentEffects Effects(string? token = null) =>
        new(new FaultControlClient(_http, Lab.ControlUrl, token ?? Lab.Token), Lab.Topology, new RandomSource(7));

    private static TargetDefinition UsHello => new() { Name = "us-hello", Type = TargetType.Function, Target = new FaultTarget { Region = "us-east-1", Function = "hello" } };

    private static ConfigureAction Attach => new()
    {
        Name = "attach",
        Target = "us-hello",
        SetEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
        AttachLayer = "chaos-lambda-extension",
    };

    [Fact]
    public async Task ConfigureAsync_RoundTrip_RestoreBringsBackThePreviousEnvironment()
    {
        var ct = TestContext.Current.CancellationToken;
        var effects = Effects();
        var runtime = Lab.Functions.Find("us-east-1/hello")!;
        var original = FunctionConfigurator.Current(runtime);

        var change = Assert.Single(await effects.ConfigureAsync(Attach, UsHello, "run-9", TimeSpan.FromMinutes(1), ct));

        Assert.True(change.Before.SameAs(original));
        Assert.Equal("true", runtime.Environment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Equal(["chaos-lambda-extension"], runtime.Layers);
        var listed = (await new FaultControlClient(_http, Lab.ControlUrl, Lab.Token).ListFunctionsAsync(ct)).Functions.Single(f => f.Id == "us-east-1/hello");
        Assert.True(listed.Changed);
        Assert.Equal(["chaos-lambda-extension"], listed.Layers);

        var restored = await effects.RestoreAsync(change.Function, change.Before, "run-9", ct);

        Assert.True(restored.After.SameAs(original));
        Assert.True(FunctionConfigurator.Current(runtime).SameAs(original));
    }

    [Fact]
    public async Task ConfigureAsync_LeaseNotRenewed_TheLabPutsTheFunctionBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var runtime = Lab.Functions.Find("us-east-1/hello")!;
        var original = FunctionConfigurator.Current(runtime);

        // As a killed runner would: configure with a short lease, then never renew.
        await Effects().ConfigureAsync(Attach, UsHello, "run-killed", TimeSpan.FromMilliseconds(200), ct);
        Assert.Equal(["chaos-lambda-extension"], runtime.Layers);

        await Eventually.TrueAsync(() => FunctionConfigurator.Current(runtime).SameAs(original), TimeSpan.FromSeconds(30), "the lab to restore us-east-1/hello when the lease lapsed", ct);
        Assert.False(await Effects().RenewConfigurationAsync("run-killed", TimeSpan.FromSeconds(30), ct));
    }

    [Fact]
    public async Task RenewConfigurationAsync_WhileHeld_IsTrue()
    {
        var ct = TestContext.Current.CancellationToken;
        var effects = Effects();
        await effects.ConfigureAsync(Attach, UsHello, "run-9", TimeSpan.FromMinutes(1), ct);

        Assert.True(await effects.RenewConfigurationAsync("run-9", TimeSpan.FromMinutes(1), ct));
        Assert.False(await effects.RenewConfigurationAsync("nobody", TimeSpan.FromMinutes(1), ct));
    }

    [Fact]
    public async Task RestoreFunctionsAsync_ByOwner_UndoesThatOwnersChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await Effects().ConfigureAsync(Attach, UsHello, "run-9", TimeSpan.FromMinutes(1), ct);
        var client = new FaultControlClient(_http, Lab.ControlUrl, Lab.Token);

        Assert.Empty(await client.RestoreFunctionsAsync("someone-else", ct));
        var restored = Assert.Single(await client.RestoreFunctionsAsync("run-9", ct));

        Assert.Equal("us-east-1/hello", restored.Function);
        Assert.Empty(Lab.Functions.Find("us-east-1/hello")!.Layers);
    }

    [Fact]
    public async Task ApplyRenewRevert_ThroughTheControlApi_ChangesTheLab()
    {
        var ct = TestContext.Current.CancellationToken;
        var effects = Effects();
        var action = new FaultAction { Name = "errors", Options = new ErrorFaultOptions(), Target = "us-hello", Duration = TimeSpan.FromMinutes(1) };

        var fault = await effects.ApplyFaultAsync(action, UsHello, "run-9", TimeSpan.FromSeconds(30), ct);

        Assert.Equal(["us-east-1/hello"], fault.Targets);
        Assert.Equal(fault.Id, Assert.Single(Lab.Faults.Snapshot()).Id);
        Assert.True(await effects.RenewFaultAsync(fault.Id, TimeSpan.FromMinutes(5), ct));
        Assert.True(await effects.RevertFaultAsync(fault.Id, ct));
        Assert.False(await effects.RevertFaultAsync(fault.Id, ct));
        Assert.False(await effects.RenewFaultAsync(fault.Id, TimeSpan.FromMinutes(5), ct));
        Assert.Equal(0, await effects.RevertOwnerAsync("run-9", ct));
    }

    [Fact]
    public async Task ConfigureAsync_WithoutTheToken_Is401AndChangesNothing()
    {
        var effects = Effects(token: "wrong");

        var error = await Assert.ThrowsAsync<FaultControlException>(() => effects.ConfigureAsync(Attach, UsHello, "run-9", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Empty(Lab.Functions.Find("us-east-1/hello")!.Layers);
        Assert.False(Lab.Functions.Find("us-east-1/hello")!.Environment.ContainsKey("CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"));
    }
}
