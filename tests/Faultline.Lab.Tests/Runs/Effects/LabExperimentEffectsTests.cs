using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Lab.Hosting;
using Faultline.Lab.Runs.Effects;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Runs.Effects;

public sealed class LabExperimentEffectsTests : IAsyncLifetime
{
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
    }

    private static TargetDefinition Target(string name, FaultTarget target) => new() { Name = name, Type = TargetType.Function, Target = target };

    [Fact]
    public async Task ApplyFaultAsync_CountSelection_ResolvedOnceByTheLab()
    {
        var effects = LabExperimentEffects.For(Lab);
        var action = new FaultAction { Name = "inject", Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1) }, Target = "us", Duration = TimeSpan.FromMinutes(1) };
        var target = Target("us", new FaultTarget { Region = "us-east-1", Selection = new SelectionMode(SelectionModeKind.Count, 1) });

        var fault = await effects.ApplyFaultAsync(action, target, "run-1", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var active = Assert.Single(Lab.Faults.Snapshot());
        Assert.Equal(fault.Id, active.Id);
        Assert.Equal("run-1", active.Owner);
        var only = Assert.Single(fault.Targets);
        Assert.StartsWith("us-east-1/", only, StringComparison.Ordinal);
        Assert.True(await effects.RenewFaultAsync(fault.Id, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.True(await effects.RevertFaultAsync(fault.Id, TestContext.Current.CancellationToken));
        Assert.Empty(Lab.Faults.Snapshot());
        Assert.False(await effects.RevertFaultAsync(fault.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConfigureAsync_ThenRestore_PutsEnvironmentAndLayersBack()
    {
        var effects = LabExperimentEffects.For(Lab);
        var runtime = Lab.Functions.Find("us-east-1/hello")!;
        var action = new ConfigureAction
        {
            Name = "attach",
            Target = "us-hello",
            SetEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
            AttachLayer = "chaos-lambda-extension",
        };

        var change = Assert.Single(await effects.ConfigureAsync(action, Target("us-hello", new FaultTarget { Region = "us-east-1", Function = "hello" }), "run-1", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal("us-east-1/hello", change.Function);
        Assert.Equal("true", runtime.Environment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Equal(["chaos-lambda-extension"], runtime.Layers);
        var restored = await effects.RestoreAsync(change.Function, change.Before, "run-1", TestContext.Current.CancellationToken);
        Assert.True(restored.After.SameAs(change.Before));
        Assert.False(runtime.Environment.ContainsKey("CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"));
        Assert.Empty(runtime.Layers);
    }
}
