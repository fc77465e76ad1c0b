using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

public sealed class DiagnoserChaosExtensionTests
{
    private static ConfigurationChanged Attach(IReadOnlyList<string> layers, bool wrapper) => new()
    {
        At = SomeRun.At(TimeSpan.FromMinutes(2)),
        Action = "attach",
        Function = "us-east-1/hello",
        Environment = wrapper
            ? new Dictionary<string, string?> { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true", ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap" }
            : new Dictionary<string, string?> { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
        Layers = layers,
    };

    [Fact]
    public void ChaosExtensionNotAttached_VariablesWithoutLayer_SaysSoAndHowToFix()
    {
        var run = new SomeRun().Event(Attach([], wrapper: true)).Build();

        var finding = Assert.Single(Diagnoser.ChaosExtensionNotAttached(run));

        Assert.Equal(DiagnosisCodes.ChaosExtensionNotAttached, finding.Code);
        Assert.Equal("the chaos extension's variables were set on us-east-1/hello but the extension was not attached, so nothing was injected there (as on AWS)", finding.Headline);
        Assert.Equal(["after action 'attach' at +2m: the variables ask for latency, with no chaos-lambda-extension layer and AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap"], finding.Evidence);
        Assert.Equal("attach the chaos-lambda-extension layer (attachLayer in the configure action, or layers: in the topology) and set AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap with the variables", finding.Fix);
        Assert.Equal("us-east-1", finding.Region);
    }

    [Fact]
    public void ChaosExtensionNotAttached_LayerWithoutWrapper_Found()
    {
        var run = new SomeRun().Event(Attach(["chaos-lambda-extension"], wrapper: false)).Build();

        var finding = Assert.Single(Diagnoser.ChaosExtensionNotAttached(run));

        Assert.Equal(["after action 'attach' at +2m: the variables ask for latency, with layer attached and AWS_LAMBDA_EXEC_WRAPPER unset"], finding.Evidence);
    }

    [Fact]
    public void ChaosExtensionNotAttached_LayerAndWrapper_FindsNothing()
    {
        var run = new SomeRun().Event(Attach(["chaos-lambda-extension"], wrapper: true)).Build();

        Assert.Empty(Diagnoser.ChaosExtensionNotAttached(run));
    }

    [Fact]
    public void Diagnose_RefutedRunWithDetachedVariables_IncludesTheFinding()
    {
        var run = new SomeRun().Event(Attach([], wrapper: false)).Build();

        Assert.Contains(Diagnoser.Diagnose(run, []), f => f.Code == DiagnosisCodes.ChaosExtensionNotAttached);
    }
}
