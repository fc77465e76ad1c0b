using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Functions;
using Faultline.Core.Planning;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Planning;

public sealed class ChaosExtensionChecksTests
{
    // The FIS-graph seed with its attach action changed by `change`, on the seed topology changed by `function`.
    private static IReadOnlyList<ConstructionFinding> Check(Func<ConfigureAction, ConfigureAction> change, Func<Core.Topology.FunctionConfig, Core.Topology.FunctionConfig>? function = null)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "experiment-fis.yaml"));
        var experiment = read.Experiment! with
        {
            Actions = read.Experiment!.Actions.Select(a => a is ConfigureAction { Name: "attach" } c ? change(c) : a).ToList(),
        };
        var topology = read.Topology!;
        if (function is not null)
        {
            topology = topology with
            {
                Regions = topology.Regions.Select(r => r with { Functions = r.Functions.Select(function).ToList() }).ToList(),
            };
        }

        return ConstructionChecks.Check(experiment, topology, read.SourceMap);
    }

    private static Dictionary<string, string> With(ConfigureAction action, string name, string value) =>
        new(action.SetEnvironment, StringComparer.Ordinal) { [name] = value };

    [Fact]
    public void Check_TaggedReleaseAndFixedSpelling_WarnsTheSwitchIsIgnored()
    {
        var findings = Check(a => a with { SetEnvironment = With(a, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY", "true") });

        var finding = Assert.Single(findings);
        Assert.Equal(ConstructionCodes.ChaosResponseSwitchIgnored, finding.Code);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(
            "action 'attach' sets CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY, which the chaos extension release v0.1.6 of its target's functions ignores, so the response is never replaced",
            finding.Message);
        Assert.Equal(
            "set CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY instead, or set chaosExtensionRelease on the functions in the topology to the release their layer is built from",
            finding.Fix);
        Assert.NotNull(finding.Location);
    }

    [Fact]
    public void Check_MainReleaseAndTypo_WarnsTheSwitchIsIgnored()
    {
        var findings = Check(
            a => a with { SetEnvironment = With(a, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY", "true") },
            f => f with { ChaosExtensionRelease = ChaosExtensionRelease.Main });

        Assert.Equal([ConstructionCodes.ChaosResponseSwitchIgnored], findings.Select(f => f.Code));
    }

    [Fact]
    public void Check_TaggedReleaseAndTypo_FindsNothing()
    {
        Assert.Empty(Check(a => a with { SetEnvironment = With(a, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY", "true") }));
    }

    [Fact]
    public void Check_VariablesWithoutTheLayer_WarnsNotAttached()
    {
        var findings = Check(a => a with { AttachLayer = null });

        var finding = Assert.Single(findings);
        Assert.Equal(ConstructionCodes.ChaosExtensionNotAttached, finding.Code);
        Assert.Equal(
            "action 'attach' sets the chaos extension's variables on us-east-1/health, us-east-1/hello, but the extension is not attached there, so on AWS nothing is injected",
            finding.Message);
    }

    [Fact]
    public void Check_LayerFromTheTopologyAndWrapperFromTheAction_FindsNothing()
    {
        Assert.Empty(Check(a => a with { AttachLayer = null }, f => f with { Layers = ["chaos-lambda-extension"] }));
    }
}
