using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Aws.Fis;

public sealed class FisImportTests
{
    private const string TemplatePath = "template.json";

    private static readonly Core.Topology.Topology Seed = TopologyReader.Load(RepoPaths.Combine("samples", "seed", "topology.yaml")).ThrowIfInvalid();

    public static TheoryData<string> ExportableSamples() => [.. FisSamples.All().Except(FisSamples.NotExportable)];

    [Theory]
    [MemberData(nameof(ExportableSamples))]
    public void ExportThenImport_GivesBackAnEquivalentExperiment(string sample)
    {
        var (original, topology) = FisSamples.Read(sample);
        var files = FisExportTests.Files(sample);
        var topologyPath = Path.GetFullPath(topology.SourcePath!);

        var imported = FisTemplateImporter.Import(new FisImportRequest
        {
            TemplateJson = files.Single(f => f.Path == FisExport.TemplatePath).Content,
            TemplatePath = TemplatePath,
            Topology = topology,
            TopologyReference = topologyPath,
            AlarmsJson = files.Single(f => f.Path == FisExport.AlarmsPath).Content,
        });

        Assert.False(imported.HasErrors, string.Join("\n", imported.Diagnostics));
        Assert.Empty(imported.Diagnostics);
        var read = ExperimentReader.Read(imported.Yaml!, Path.Combine(Path.GetTempPath(), "imported.yaml"));
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics) + "\n" + imported.Yaml);
        AssertEquivalent(original, read.Experiment!, topology);
    }

    [Fact]
    public void GetExperimentTemplateOutput_WithTheWrapper_Imports()
    {
        var json = """{ "experimentTemplate": { "id": "EXT123", "description": "blog", "targets": {}, "actions": { "hold": { "actionId": "aws:fis:wait", "parameters": { "duration": "PT10M" } } }, "stopConditions": [ { "source": "none" } ], "roleArn": "arn:aws:iam::1:role/r" } }""";

        var result = Import(json);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains("wait: 10m", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void BlogsTemplate_TwoDocumentsWithoutChaosMode_AttachesAndDetachesByDocumentName()
    {
        var json = """
            {
              "description": "Inject latency into us-east-1 API Lambda for 10 minutes",
              "actions": {
                "attachChaos": { "actionId": "aws:ssm:start-automation-execution",
                  "parameters": { "documentArn": "arn:aws:ssm:us-east-1:111122223333:document/AttachChaosLayer",
                    "documentParameters": "{\"FunctionName\":\"hello\",\"LayerArn\":\"arn:aws:lambda:us-east-1:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12\",\"Variables\":\"{\\\"CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY\\\":\\\"true\\\"}\",\"AutomationAssumeRole\":\"arn:aws:iam::111122223333:role/a\"}",
                    "maxDuration": "PT5M" } },
                "wait": { "actionId": "aws:fis:wait", "parameters": { "duration": "PT10M" }, "startAfter": ["attachChaos"] },
                "detachChaos": { "actionId": "aws:ssm:start-automation-execution",
                  "parameters": { "documentArn": "arn:aws:ssm:us-east-1:111122223333:document/DetachChaosLayer",
                    "documentParameters": "{\"FunctionName\":\"hello\",\"LayerArn\":\"arn:aws:lambda:us-east-1:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12\",\"UnsetVariables\":[\"CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY\"],\"AutomationAssumeRole\":\"arn:aws:iam::111122223333:role/a\"}",
                    "maxDuration": "PT5M" }, "startAfter": ["wait"] }
              },
              "stopConditions": [ { "source": "none" } ],
              "roleArn": "arn:aws:iam::111122223333:role/fis-role"
            }
            """;

        var result = Import(json);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var experiment = ExperimentReader.Read(result.Yaml!, Path.Combine(Path.GetTempPath(), "imported.yaml"), (_, _) => TopologyReader.Load(RepoPaths.Combine("samples", "seed", "topology.yaml"))).ThrowIfInvalid();
        var attach = Assert.IsType<ConfigureAction>(experiment.FindAction("attachChaos"));
        Assert.Equal("chaos-lambda-extension", attach.AttachLayer);
        Assert.Equal("true", attach.SetEnvironment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        var detach = Assert.IsType<ConfigureAction>(experiment.FindAction("detachChaos"));
        Assert.Equal("chaos-lambda-extension", detach.DetachLayer);
        Assert.Equal(["wait"], detach.StartAfter);
        var target = experiment.FindTarget(attach.Target)!;
        Assert.Equal("us-east-1", target.Target.Region);
        Assert.Equal("hello", target.Target.Function);
    }

    [Fact]
    public void UnsupportedAction_IsAnErrorAtItsActionIdListingTheSupportedOnes()
    {
        var json = "{\n  \"description\": \"d\",\n  \"actions\": {\n    \"stop\": {\n      \"actionId\": \"aws:ec2:stop-instances\",\n      \"parameters\": {}\n    }\n  },\n  \"stopConditions\": [{ \"source\": \"none\" }],\n  \"roleArn\": \"arn:aws:iam::1:role/r\"\n}";

        var result = Import(json);

        var error = Assert.Single(result.Diagnostics);
        Assert.Null(result.Yaml);
        Assert.Equal(
            "template.json:5:19: action 'stop': FIS action 'aws:ec2:stop-instances' is not supported; supported actions: aws:ssm:start-automation-execution, aws:fis:wait, aws:lambda:invocation-add-delay, aws:lambda:invocation-error, aws:lambda:invocation-http-integration-response",
            error.ToString());
    }

    [Theory]
    [InlineData("\"duration\": \"PT30S\"", "3:71: action 'hold': duration PT30S is outside FIS's bounds of 1 minute to 12 hours")]
    [InlineData("\"duration\": \"PT13H\"", "3:71: action 'hold': duration PT13H is outside FIS's bounds")]
    [InlineData("\"duration\": \"ten minutes\"", "3:71: action 'hold': parameter duration 'ten minutes' is not an ISO 8601 duration such as PT10M")]
    public void WaitDurationOutsideFisBounds_IsLocated(string duration, string expected)
    {
        var json = "{\n  \"actions\": {\n    \"hold\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { " + duration + " } }\n  }\n}";

        var result = Import(json);

        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith("template.json:" + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void StartAfterNamingNoAction_IsLocated()
    {
        var json = "{\n  \"actions\": {\n    \"a\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { \"duration\": \"PT1M\" }, \"startAfter\": [\"nope\"] }\n  }\n}";

        var error = Assert.Single(Import(json).Diagnostics);

        Assert.Equal("template.json:3:93: action 'a': startAfter names 'nope', which is not an action of the template; actions: a", error.ToString());
    }

    [Fact]
    public void StartAfterCycle_IsLocated()
    {
        var json = "{\n  \"actions\": {\n    \"a\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { \"duration\": \"PT1M\" }, \"startAfter\": [\"b\"] },\n    \"b\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { \"duration\": \"PT1M\" }, \"startAfter\": [\"a\"] }\n  }\n}";

        var error = Assert.Single(Import(json).Diagnostics);

        Assert.Equal("template.json:3:92: the startAfter graph has a cycle: a -> b -> a; remove one startAfter so every action can start", error.ToString());
    }

    [Theory]
    [InlineData("SOME(3)")]
    [InlineData("COUNT(0)")]
    [InlineData("PERCENT(101)")]
    [InlineData("count(1)")]
    public void SelectionModeSyntax_IsLocated(string mode)
    {
        var json = "{\n  \"targets\": {\n    \"fns\": { \"resourceType\": \"aws:lambda:function\", \"resourceArns\": [\"arn:aws:lambda:us-east-1:1:function:hello\"], \"selectionMode\": \"" + mode + "\" }\n  },\n  \"actions\": {\n    \"slow\": { \"actionId\": \"aws:lambda:invocation-add-delay\", \"parameters\": { \"duration\": \"PT2M\" }, \"targets\": { \"Functions\": \"fns\" } }\n  }\n}";

        var errors = Import(json).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains($"template.json:3:133: target 'fns': selectionMode '{mode}' is not valid; use ALL, COUNT(n) with n >= 1, or PERCENT(n) with n from 1 to 100", errors);
    }

    [Fact]
    public void ActionNamingAMissingTarget_IsLocated()
    {
        var json = "{\n  \"actions\": {\n    \"slow\": { \"actionId\": \"aws:lambda:invocation-error\", \"parameters\": { \"duration\": \"PT2M\" }, \"targets\": { \"Functions\": \"ghost\" } }\n  }\n}";

        var error = Assert.Single(Import(json).Diagnostics);

        Assert.Equal("template.json:3:122: action 'slow': target 'ghost' is not defined in the template's targets; defined targets: none", error.ToString());
    }

    [Fact]
    public void TargetByArn_MapsByRegionAndFunctionName_AndByTags()
    {
        var json = "{ \"targets\": { \"eu\": { \"resourceType\": \"aws:lambda:function\", \"resourceArns\": [\"arn:aws:lambda:eu-west-1:1:function:hello\"], \"selectionMode\": \"COUNT(1)\" }, \"tagged\": { \"resourceType\": \"aws:lambda:function\", \"resourceTags\": { \"team\": \"payments\" }, \"selectionMode\": \"PERCENT(50)\" } },"
            + " \"actions\": { \"a\": { \"actionId\": \"aws:lambda:invocation-error\", \"parameters\": { \"duration\": \"PT2M\", \"preventExecution\": \"false\" }, \"targets\": { \"Functions\": \"eu\" } },"
            + " \"b\": { \"actionId\": \"aws:lambda:invocation-http-integration-response\", \"parameters\": { \"duration\": \"PT2M\", \"statusCode\": \"503\", \"contentTypeHeader\": \"text/plain\", \"invocationPercentage\": \"25\" }, \"targets\": { \"Functions\": \"tagged\" } } } }";

        var result = Import(json);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains("\"eu\": { type: function, region: \"eu-west-1\", function: \"hello\", selectionMode: COUNT(1) }", result.Yaml, StringComparison.Ordinal);
        Assert.Contains("\"tagged\": { type: function, tags: { \"team\": \"payments\" }, selectionMode: PERCENT(50) }", result.Yaml, StringComparison.Ordinal);
        Assert.Contains("    fault: error\n    target: \"eu\"\n    preventExecution: false\n", result.Yaml, StringComparison.Ordinal);
        Assert.Contains("    statusCode: 503\n    contentType: \"text/plain\"\n", result.Yaml, StringComparison.Ordinal);
        Assert.Contains("    percentage: 25\n", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ArnOfNoTopologyFunction_IsLocated()
    {
        var json = "{\n  \"targets\": {\n    \"fns\": { \"resourceType\": \"aws:lambda:function\", \"resourceArns\": [\"arn:aws:lambda:ap-south-1:1:function:hello\"], \"selectionMode\": \"ALL\" }\n  },\n  \"actions\": { \"a\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { \"duration\": \"PT1M\" } } }\n}";

        var error = Assert.Single(Import(json).Diagnostics);

        Assert.StartsWith("template.json:3:70: target 'fns': arn:aws:lambda:ap-south-1:1:function:hello is not a function of the topology", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_IsLocated()
    {
        var error = Assert.Single(Import("{\n  \"actions\": {,\n}").Diagnostics);

        Assert.StartsWith("template.json:2:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    private static FisImportResult Import(string json) => FisTemplateImporter.Import(new FisImportRequest
    {
        TemplateJson = json,
        TemplatePath = TemplatePath,
        Topology = Seed,
        TopologyReference = RepoPaths.Combine("samples", "seed", "topology.yaml"),
    });

    private static void AssertEquivalent(Experiment expected, Experiment actual, Core.Topology.Topology topology)
    {
        Assert.Equal(expected.Actions.Select(a => a.Name), actual.Actions.Select(a => a.Name));
        foreach (var want in expected.Actions)
        {
            var got = actual.FindAction(want.Name)!;
            Assert.Equal(want.GetType(), got.GetType());
            Assert.Equal(want.StartAfter, got.StartAfter);
            Assert.Equal(want.Description, got.Description);
            Assert.Equal(want.Duration, got.Duration);
            switch (want)
            {
                case FaultAction fault:
                    var gotFault = (FaultAction)got;
                    Assert.Equal(fault.Options, gotFault.Options);
                    Assert.Equal(fault.Percentage, gotFault.Percentage);
                    AssertSameSelection(expected.FindTarget(fault.Target)!, actual.FindTarget(gotFault.Target)!, topology);
                    break;
                case ConfigureAction configure:
                    var gotConfigure = (ConfigureAction)got;
                    Assert.Equal(configure.SetEnvironment.OrderBy(p => p.Key), gotConfigure.SetEnvironment.OrderBy(p => p.Key));
                    Assert.Equal(configure.UnsetEnvironment, gotConfigure.UnsetEnvironment);
                    Assert.Equal(configure.AttachLayer, gotConfigure.AttachLayer);
                    Assert.Equal(configure.DetachLayer, gotConfigure.DetachLayer);
                    Assert.Equal(configure.Target, gotConfigure.Target);
                    AssertSameSelection(expected.FindTarget(configure.Target)!, actual.FindTarget(gotConfigure.Target)!, topology);
                    break;
            }
        }

        Assert.Equal(expected.StopConditions.Count, actual.StopConditions.Count);
        foreach (var (want, got) in expected.StopConditions.Zip(actual.StopConditions))
        {
            Assert.Equal(want with { Location = null }, got with { Location = null, Clients = want.Clients.IsAll == got.Clients.IsAll && want.Clients.Names.SequenceEqual(got.Clients.Names) ? want.Clients : got.Clients });
        }
    }

    private static void AssertSameSelection(TargetDefinition expected, TargetDefinition actual, Core.Topology.Topology topology)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(FisExport.Functions(expected, topology).Select(f => f.Id), FisExport.Functions(actual, topology).Select(f => f.Id));
        Assert.Equal(expected.Target.Selection, actual.Target.Selection);
    }
}
