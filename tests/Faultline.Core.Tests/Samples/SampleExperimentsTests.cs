using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.Latency;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Samples;

public sealed class SampleExperimentsTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("samples"), "experiment*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void SampleFiles_Found_IncludeSeedFisStopConditionAndAllFields()
    {
        var files = SampleFiles().Select(row => row.Data).ToList();

        Assert.Equal(
            [
                "samples/alias-target-health/experiment.yaml",
                "samples/all-fields/experiment.yaml",
                "samples/custom-domain-missing/experiment.yaml",
                "samples/own-function/experiment.yaml",
                "samples/seed/experiment-fis.yaml",
                "samples/seed/experiment.yaml",
                "samples/seed/misconfigured/experiment-fis.yaml",
                "samples/seed/misconfigured/experiment.yaml",
                "samples/stop-condition/experiment.yaml",
                "samples/three-regions/experiment.yaml",
            ],
            files);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Load_Sample_HasNoDiagnostics(string relativePath)
    {
        var result = ExperimentReader.Load(RepoPaths.Combine(relativePath));

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Experiment);
        Assert.NotNull(result.Topology);
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", "samples/seed/topology.yaml")]
    [InlineData("samples/seed/misconfigured/experiment.yaml", "samples/seed/misconfigured/topology.yaml")]
    [InlineData("samples/seed/experiment-fis.yaml", "samples/seed/topology.yaml")]
    [InlineData("samples/seed/misconfigured/experiment-fis.yaml", "samples/seed/misconfigured/topology.yaml")]
    [InlineData("samples/stop-condition/experiment.yaml", "samples/seed/topology.yaml")]
    [InlineData("samples/alias-target-health/experiment.yaml", "samples/alias-target-health/topology.yaml")]
    public void Load_Sample_ResolvesTopologyAgainstItsFolder(string experiment, string topology)
    {
        var result = ExperimentReader.Load(RepoPaths.Combine(experiment));

        Assert.Equal(Path.GetFullPath(RepoPaths.Combine(topology)), result.ThrowIfInvalid().TopologyPath);
    }

    [Fact]
    public void SeedAndFisSeed_SameHypothesisLoadAndStopConditions()
    {
        var plain = Load("samples/seed/experiment.yaml");
        var fis = Load("samples/seed/experiment-fis.yaml");

        Assert.Equal(plain.Hypothesis.Title, fis.Hypothesis.Title);
        // Records compare lists by reference, so compare the checks as printed.
        Assert.Equal(plain.Hypothesis.Checks.Select(c => (c with { Location = null }).ToString()), fis.Hypothesis.Checks.Select(c => (c with { Location = null }).ToString()));
        Assert.Equal(plain.Load.Baseline, fis.Load.Baseline);
        Assert.Equal(plain.Load.Recovery, fis.Load.Recovery);
        Assert.Equal(plain.Load.Populations, fis.Load.Populations);
        Assert.Equal(plain.StopConditions.Select(s => (s with { Location = null }).ToString()), fis.StopConditions.Select(s => (s with { Location = null }).ToString()));
        Assert.Equal(plain.Targets.Select(t => (t with { Location = null }).ToString()), fis.Targets.Select(t => (t with { Location = null }).ToString()));
    }

    [Fact]
    public void FisSeed_AttachWaitDetach_SetsAndUndoesTheChaosExtension()
    {
        var experiment = Load("samples/seed/experiment-fis.yaml");

        Assert.Equal(["attach", "wait", "detach"], experiment.Actions.Select(a => a.Name));
        var attach = Assert.IsType<ConfigureAction>(experiment.Actions[0]);
        Assert.Equal("us-functions", attach.Target);
        Assert.Equal("/opt/bootstrap", attach.SetEnvironment["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal("true", attach.SetEnvironment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Equal("60", attach.SetEnvironment["CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE"]);
        Assert.Equal("1", attach.SetEnvironment["CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY"]);
        Assert.Equal("chaos-lambda-extension", attach.AttachLayer);
        Assert.Null(attach.Duration);
        var wait = Assert.IsType<WaitAction>(experiment.Actions[1]);
        Assert.Equal(TimeSpan.FromMinutes(10), wait.Duration);
        Assert.Equal(["attach"], wait.StartAfter);
        var detach = Assert.IsType<ConfigureAction>(experiment.Actions[2]);
        Assert.Equal(attach.SetEnvironment.Keys.Order(StringComparer.Ordinal), detach.UnsetEnvironment.Order(StringComparer.Ordinal));
        Assert.Equal("chaos-lambda-extension", detach.DetachLayer);
        Assert.Equal(["wait"], detach.StartAfter);
    }

    [Fact]
    public void StopConditionSample_ErrorsEveryFunctionAndAlarmsOnHalfSuccess()
    {
        var result = ExperimentReader.Load(RepoPaths.Combine("samples/stop-condition/experiment.yaml"));
        var experiment = result.ThrowIfInvalid();

        var fault = Assert.IsType<FaultAction>(Assert.Single(experiment.Actions));
        Assert.IsType<ErrorFaultOptions>(fault.Options);
        var target = experiment.FindTarget(fault.Target)!;
        Assert.Equal(TargetType.Function, target.Type);
        Assert.Null(target.Target.Region);
        Assert.Equal(4, result.Topology!.AllFunctions.Count());
        var stop = Assert.Single(experiment.StopConditions);
        Assert.True(stop.Clients.IsAll);
        Assert.Equal(new Threshold(ComparisonOperator.Less, 50, ThresholdUnit.Percent), stop.AlarmWhen);
        Assert.Equal(TimeSpan.FromSeconds(30), stop.For);
        Assert.True(stop.For < fault.Duration);
    }

    [Fact]
    public void Seed_InjectsTheBlogsLatency()
    {
        var experiment = Load("samples/seed/experiment.yaml");

        var fault = Assert.IsType<FaultAction>(Assert.Single(experiment.Actions));
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<LatencyFaultOptions>(fault.Options).Delay);
        Assert.Equal(TimeSpan.FromMinutes(10), fault.Duration);
        Assert.Equal(6, experiment.Hypothesis.Checks.Count);
        Assert.True(experiment.Hypothesis.Checks[0].Window.IsBaseline);
    }

    [Theory]
    [InlineData("topology", "timeScale", "seed", "hypothesis", "title", "checks", "name", "clients", "during", "from", "to")]
    [InlineData("successRate", "status2xxRate", "status4xxRate", "status5xxRate", "errorRate", "requests", "latency", "regionShare", "healthCheck", "becomes", "within")]
    [InlineData("dns", "location", "answers", "load", "rate", "rampFrom", "rampOver", "baseline", "recovery", "targets", "type")]
    [InlineData("region", "function", "route", "tags", "record", "selectionMode", "actions", "fault", "target", "delay", "min")]
    [InlineData("max", "percentage", "duration", "description", "startAfter", "preventExecution", "statusCode", "body", "contentType", "concurrency", "mode")]
    [InlineData("status", "wait", "configure", "setEnvironment", "unsetEnvironment", "attachLayer", "detachLayer", "stopConditions", "metric", "below", "above")]
    [InlineData("for", "treatMissingData")]
    public void AllFieldsSample_MentionsEveryKey(params string[] keys)
    {
        var text = File.ReadAllText(RepoPaths.Combine("samples/all-fields/experiment.yaml"));

        Assert.All(keys, key => Assert.Matches($@"(^|[\s{{,#])\s*{key}:", text));
    }

    [Fact]
    public void AllFieldsSample_UsesEveryFaultKindTargetTypeAndCheckKind()
    {
        var experiment = Load("samples/all-fields/experiment.yaml");

        Assert.Equal(Enum.GetValues<FaultKind>().Order(), experiment.Actions.OfType<FaultAction>().Select(a => a.Options.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<TargetType>().Order(), experiment.Targets.Select(t => t.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<TrafficMetricKind>().Order(), experiment.Hypothesis.Checks.OfType<TrafficCheck>().Select(c => c.Metric.Kind).Distinct().Order());
        Assert.Contains(experiment.Hypothesis.Checks, c => c is HealthTransitionCheck);
        Assert.Contains(experiment.Hypothesis.Checks, c => c is DnsAnswerCheck);
        Assert.Contains(experiment.Actions, a => a is WaitAction);
        Assert.Contains(experiment.Actions, a => a is ConfigureAction);
    }

    [Fact]
    public void AllFieldsSample_StopConditions_TreatMissingDataAsWritten()
    {
        var experiment = Load("samples/all-fields/experiment.yaml");

        Assert.Equal(
            [("global outage", MissingDataTreatment.Breaching, MissingDataTreatment.Breaching), ("eu latency runaway", MissingDataTreatment.Ignore, MissingDataTreatment.Ignore)],
            experiment.StopConditions.Select(c => (c.Name, c.TreatMissingData!.Value, c.MissingData)));
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml")]
    [InlineData("samples/seed/experiment-fis.yaml")]
    [InlineData("samples/seed/misconfigured/experiment.yaml")]
    [InlineData("samples/stop-condition/experiment.yaml")]
    [InlineData("samples/alias-target-health/experiment.yaml")]
    public void Sample_SuccessRateStopCondition_TreatsMissingDataAsBreachingByDefault(string relativePath)
    {
        var stop = Assert.Single(Load(relativePath).StopConditions);

        Assert.Equal((TrafficMetricKind.SuccessRate, null, MissingDataTreatment.Breaching), (stop.Metric.Kind, stop.TreatMissingData, stop.MissingData));
    }

    private static Experiment Load(string relativePath) => ExperimentReader.Load(RepoPaths.Combine(relativePath)).ThrowIfInvalid();
}
