using System.Text.Json.Nodes;
using Faultline.Core.Aws;
using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Tests.Aws.Fis;

public sealed class FisExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-fis-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ExportableSamples() => [.. FisSamples.All().Except(FisSamples.NotExportable)];

    [Fact]
    public void FisStyleSeed_ExportsAttachThenWaitTenMinutesThenDetach()
    {
        var template = Template("samples/seed/experiment-fis.yaml");
        var actions = template["actions"]!.AsObject();

        Assert.Equal(["attach", "wait", "detach"], actions.Select(a => a.Key));
        Assert.Equal(FisActionIds.StartAutomation, (string?)actions["attach"]!["actionId"]);
        Assert.Null(actions["attach"]!["startAfter"]);
        Assert.Equal(FisActionIds.Wait, (string?)actions["wait"]!["actionId"]);
        Assert.Equal("PT10M", (string?)actions["wait"]!["parameters"]!["duration"]);
        Assert.Equal(["attach"], actions["wait"]!["startAfter"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(FisActionIds.StartAutomation, (string?)actions["detach"]!["actionId"]);
        Assert.Equal(["wait"], actions["detach"]!["startAfter"]!.AsArray().Select(n => (string?)n));
        var attach = DocumentParameters(actions["attach"]!);
        Assert.Equal("attach", (string?)attach["ChaosMode"]);
        Assert.Equal(["hello-api-health", "hello-api-hello"], attach["FunctionName"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("arn:aws:lambda:us-east-1:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12", (string?)attach["LayerArn"]);
        var variables = JsonNode.Parse((string)attach["Variables"]!)!.AsObject();
        Assert.Equal("/opt/bootstrap", (string?)variables["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal("60", (string?)variables["CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE"]);
        var detach = DocumentParameters(actions["detach"]!);
        Assert.Equal("detach", (string?)detach["ChaosMode"]);
        Assert.Contains("AWS_LAMBDA_EXEC_WRAPPER", detach["UnsetVariables"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("arn:aws:ssm:us-east-1:123456789012:document/FaultlineChaosExtension", (string?)actions["detach"]!["parameters"]!["documentArn"]);
    }

    [Fact]
    public void FaultStyleSeed_UsesFisNativeAddDelayOnBothUsFunctions()
    {
        var template = Template("samples/seed/experiment.yaml");
        var action = template["actions"]!["inject-latency"]!;

        Assert.Equal(FisActionIds.AddDelay, (string?)action["actionId"]);
        Assert.Equal("60000", (string?)action["parameters"]!["startupDelayMilliseconds"]);
        Assert.Equal("100", (string?)action["parameters"]!["invocationPercentage"]);
        Assert.Equal("PT10M", (string?)action["parameters"]!["duration"]);
        Assert.Equal("us-functions", (string?)action["targets"]!["Functions"]);
        var target = template["targets"]!["us-functions"]!;
        Assert.Equal("aws:lambda:function", (string?)target["resourceType"]);
        Assert.Equal("ALL", (string?)target["selectionMode"]);
        Assert.Equal(
            ["arn:aws:lambda:us-east-1:123456789012:function:hello-api-health", "arn:aws:lambda:us-east-1:123456789012:function:hello-api-hello"],
            target["resourceArns"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("aws:cloudwatch:alarm", (string?)template["stopConditions"]![0]!["source"]);
        Assert.Equal("arn:aws:cloudwatch:us-east-1:123456789012:alarm:hello-api-stop-global-outage", (string?)template["stopConditions"]![0]!["value"]);
    }

    [Theory]
    [MemberData(nameof(ExportableSamples))]
    public async Task Template_IsValidCreateExperimentTemplateInputForBotocore(string sample)
    {
        var template = Template(sample);
        // The AWS CLI fills in the idempotency token; the file itself is what --cli-input-json reads.
        template["clientToken"] = "faultline-test";

        var (code, output) = await AwsValidators.BotocoreAsync("fis", "CreateExperimentTemplate", template.ToJsonString(), _dir);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Template_MissingARequiredField_IsRejectedByBotocore()
    {
        // The validator must be able to fail: without roleArn the input is invalid.
        var template = Template("samples/seed/experiment.yaml");
        template["clientToken"] = "faultline-test";
        template.Remove("roleArn");

        var (code, output) = await AwsValidators.BotocoreAsync("fis", "CreateExperimentTemplate", template.ToJsonString(), _dir);

        Assert.NotEqual(0, code);
        Assert.Contains("roleArn", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsmDocument_IsValidCreateDocumentInputAndHasTheBlogsParameters()
    {
        var content = File("samples/seed/experiment-fis.yaml", FisExport.DocumentPath);
        var request = new JsonObject { ["Content"] = content, ["Name"] = FisNames.DocumentName, ["DocumentType"] = "Automation", ["DocumentFormat"] = "JSON" };

        var (code, output) = await AwsValidators.BotocoreAsync("ssm", "CreateDocument", request.ToJsonString(), _dir);

        Assert.True(code == 0, output);
        var document = JsonNode.Parse(content)!;
        Assert.Equal("0.3", (string?)document["schemaVersion"]);
        Assert.Equal("{{ AutomationAssumeRole }}", (string?)document["assumeRole"]);
        var parameters = document["parameters"]!.AsObject();
        foreach (var name in new[] { "FunctionName", "LayerArn", "AutomationAssumeRole", "ChaosMode", "AliasName" })
        {
            Assert.True(parameters.ContainsKey(name), name);
        }

        var step = document["mainSteps"]![0]!;
        Assert.Equal("aws:executeScript", (string?)step["action"]);
        foreach (var (name, _) in parameters)
        {
            if (name != "AutomationAssumeRole")
            {
                Assert.Equal($"{{{{ {name} }}}}", (string?)step["inputs"]!["InputPayload"]![name]);
            }
        }

        // The script must at least be Python that compiles, with the handler the step names.
        var script = (string)step["inputs"]!["Script"]!;
        var (compiled, compileOutput) = await AwsValidators.PythonAsync(_dir, "import sys\nsrc = open(sys.argv[1]).read()\nns = {}\nexec(compile(src, 'script', 'exec'), ns)\nassert callable(ns['handler'])\n", WriteText("handler.py", script));
        Assert.True(compiled == 0, compileOutput);
        Assert.Contains("update_function_configuration", script, StringComparison.Ordinal);
        Assert.Contains("update_alias", script, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExportableSamples))]
    public void AutomationActions_PassOnlyParametersTheDocumentDeclares_AndTheRequiredOnes(string sample)
    {
        var template = Template(sample);
        var declared = JsonNode.Parse(File(sample, FisExport.DocumentPath))!["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();

        foreach (var (_, action) in template["actions"]!.AsObject().Where(a => (string?)a.Value!["actionId"] == FisActionIds.StartAutomation))
        {
            var passed = DocumentParameters(action!);
            Assert.Subset(declared, passed.Select(p => p.Key).ToHashSet());
            Assert.Contains("FunctionName", passed.Select(p => p.Key));
            Assert.Contains("AutomationAssumeRole", passed.Select(p => p.Key));
            Assert.DoesNotMatch(@"\s", (string)action!["parameters"]!["documentParameters"]!);
        }
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", FisExport.AlarmsPath)]
    [InlineData("samples/seed/experiment.yaml", FisExport.IamPath)]
    [InlineData("samples/seed/experiment-fis.yaml", FisExport.IamPath)]
    [InlineData("samples/stop-condition/experiment.yaml", FisExport.AlarmsPath)]
    [InlineData("samples/stop-condition/experiment.yaml", FisExport.IamPath)]
    public async Task CloudFormationTemplates_PassCfnLint(string sample, string file)
    {
        var path = WriteText(Path.GetFileName(file), File(sample, file));

        var (code, output) = await AwsValidators.CfnLintAsync(path);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task CfnLint_RejectsABrokenAlarm()
    {
        // The linter must be able to fail: an alarm without its comparison operator is invalid.
        var alarms = JsonNode.Parse(File("samples/seed/experiment.yaml", FisExport.AlarmsPath))!;
        alarms["Resources"]!["StopGlobalOutage"]!["Properties"]!.AsObject().Remove("ComparisonOperator");
        var path = WriteText("broken.json", alarms.ToJsonString());

        var (code, _) = await AwsValidators.CfnLintAsync(path);

        Assert.NotEqual(0, code);
    }

    [Fact]
    public void Alarms_WatchTheLoadGeneratorsCountersWithTheStopConditionsThreshold()
    {
        var alarm = JsonNode.Parse(File("samples/seed/experiment.yaml", FisExport.AlarmsPath))!["Resources"]!["StopGlobalOutage"]!["Properties"]!;

        Assert.Equal("hello-api-stop-global-outage", (string?)alarm["AlarmName"]);
        Assert.Equal("LessThanThreshold", (string?)alarm["ComparisonOperator"]);
        Assert.Equal(40, (double)alarm["Threshold"]!);
        Assert.Equal(1, (int)alarm["EvaluationPeriods"]!);
        Assert.Equal("breaching", (string?)alarm["TreatMissingData"]);
        Assert.Equal("100*(s2xx0)/(requests0)", (string?)alarm["Metrics"]!.AsArray().Single(m => m!["Expression"] is not null)!["Expression"]);
        var stats = alarm["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null).Select(m => m!["MetricStat"]!["Metric"]!).ToList();
        Assert.Equal([AwsLoadMetrics.Requests, AwsLoadMetrics.Status2xx], stats.Select(m => (string?)m["MetricName"]));

        // faultline load publishes per API (SiteName = the URL) in its own region: the alarm reads the us customers' API.
        var usCustomers = FisSamples.Read("samples/seed/experiment.yaml").Topology.Clients.Single(c => c.Location == "us-east-1");
        Assert.All(stats, m =>
        {
            Assert.Equal(AwsLoadMetrics.Namespace, (string?)m["Namespace"]);
            var dimension = Assert.Single(m["Dimensions"]!.AsArray());
            Assert.Equal((AwsLoadMetrics.ApiDimension, usCustomers.Url.ToString()), ((string?)dimension!["Name"], (string?)dimension["Value"]));
        });
    }

    [Theory]
    [InlineData("hello-api")]
    [InlineData("Hello API_v2 (staging)")]
    [InlineData("a-topology-name-far-longer-than-forty-characters-that-the-stacks-cut")]
    public void FunctionNames_AreTheOnesTheApiStacksDeploy(string name)
    {
        var (_, topology) = FisSamples.Read("samples/seed/experiment.yaml");
        topology = topology with { Name = name };

        foreach (var function in topology.AllFunctions)
        {
            Assert.Equal(Core.Aws.CloudFormation.AwsStacks.FunctionName(topology, new Core.Aws.CloudFormation.AwsExportOptions(), function), FisNames.FunctionName(topology.Name, function.Name));
        }
    }

    [Fact]
    public void Alarms_ClientsInOtherRegions_AreAWarningAndNoneInTheExperimentsRegionAnError()
    {
        var (experiment, topology) = FisSamples.Read("samples/seed/experiment.yaml");

        var seed = FisExport.Build(experiment, topology);
        var euOnly = topology with { Clients = [.. topology.Clients.Select(c => c with { Location = "eu-west-1" })] };
        var none = FisExport.Build(experiment, euOnly);

        Assert.Contains(seed.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning
            && d.ToString().Contains("its alarm in us-east-1 counts only us-customers; eu-customers (eu-west-1) publish their metrics in their own region", StringComparison.Ordinal));
        Assert.True(none.HasErrors);
        Assert.Contains(none.Diagnostics, d => d.Severity == DiagnosticSeverity.Error
            && d.ToString().Contains("none of which sends from us-east-1, the experiment's region", StringComparison.Ordinal));
    }

    [Fact]
    public void Iam_FisRoleMayOnlyStartTheDocumentAndPassTheAutomationRoleToSsm()
    {
        var iam = JsonNode.Parse(File("samples/seed/experiment-fis.yaml", FisExport.IamPath))!;
        var statements = iam["Resources"]!["FisRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();

        var start = statements.Single(s => (string?)s!["Sid"] == "StartAutomation")!;
        Assert.Equal(["arn:aws:ssm:us-east-1:123456789012:automation-definition/FaultlineChaosExtension:*"], start["Resource"]!.AsArray().Select(n => (string?)n));
        var pass = statements.Single(s => (string?)s!["Sid"] == "PassAutomationRole")!;
        Assert.Equal("ssm.amazonaws.com", (string?)pass["Condition"]!["StringEquals"]!["iam:PassedToService"]);
        Assert.Equal(["arn:aws:iam::123456789012:role/hello-api-chaos-automation"], pass["Resource"]!.AsArray().Select(n => (string?)n));
        var automation = iam["Resources"]!["AutomationRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]![0]!;
        Assert.Equal(
            ["arn:aws:lambda:us-east-1:123456789012:function:hello-api-health", "arn:aws:lambda:us-east-1:123456789012:function:hello-api-hello"],
            automation["Resource"]!.AsArray().Select(n => (string?)n));
        Assert.DoesNotContain(statements.SelectMany(s => s!["Action"]!.AsArray()), a => ((string?)a)!.EndsWith('*'));
        Assert.DoesNotContain(statements, s => (string?)s!["Sid"] == "WriteLambdaFaultConfigs");
    }

    [Fact]
    public void Iam_LambdaFaults_MayWriteOnlyUnderTheFisConfigPrefixOfTheirBucket()
    {
        var iam = JsonNode.Parse(File("samples/seed/experiment.yaml", FisExport.IamPath))!;
        var statements = iam["Resources"]!["FisRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();

        var write = statements.Single(s => (string?)s!["Sid"] == "WriteLambdaFaultConfigs")!;
        Assert.Equal(["arn:aws:s3:::hello-api-fis-config-123456789012/FisConfigs/*"], write["Resource"]!.AsArray().Select(n => (string?)n));
        Assert.Null(iam["Resources"]!["AutomationRole"]);
    }

    [Fact]
    public void AllFieldsSample_FaultsAwsCannotInject_AreErrorsNamingActionAndFault()
    {
        var (experiment, topology) = FisSamples.Read("samples/all-fields/experiment.yaml");

        var result = FisExport.Build(experiment, topology);

        Assert.True(result.HasErrors);
        Assert.Empty(result.Files);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("action 'slow-network': fault 'network' has no AWS FIS or chaos-extension equivalent, so it cannot be exported", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("action 'dns-servfail': fault 'dns' has no AWS FIS or chaos-extension equivalent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("action 'throttle-us': fault 'throttle'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("action 'force-unhealthy': fault 'health-override'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("action 'jitter': a latency fault with min and max cannot be exported", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"experiment\.yaml:\d+:\d+: ", e));
        // The body an http-response fault cannot carry to FIS is a warning, not silence.
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("action 'teapot': the response body is not exported", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetAcrossRegionsAndSubMinuteStopWindow_AreWarnings()
    {
        var (experiment, topology) = FisSamples.Read("samples/stop-condition/experiment.yaml");

        var result = FisExport.Build(experiment, topology);

        Assert.False(result.HasErrors);
        Assert.Equal(3, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Matches(@"experiment\.yaml:\d+:\d+: warning: target 'all-functions' selects functions in eu-west-1, but the experiment runs in us-east-1 and FIS acts on resources of its own region", result.Diagnostics[0].ToString());
        // The alarm sees only us-east-1's customers; its 30 s window becomes one one-minute alarm period: said, not silently changed.
        Assert.Matches(@"experiment\.yaml:\d+:\d+: warning: stop condition 'global outage': its alarm in us-east-1 counts only ", result.Diagnostics[1].ToString());
        Assert.Matches(@"experiment\.yaml:\d+:\d+: warning: stop condition 'global outage': for 30s becomes 1 one-minute period\(s\) in CloudWatch", result.Diagnostics[2].ToString());
    }

    [Fact]
    public void EverySampleButAllFields_Exports()
    {
        foreach (var sample in FisSamples.All())
        {
            var (experiment, topology) = FisSamples.Read(sample);
            var result = FisExport.Build(experiment, topology);
            Assert.True(result.HasErrors == FisSamples.NotExportable.Contains(sample), $"{sample}: {string.Join("; ", result.Diagnostics)}");
        }
    }

    internal static JsonObject Template(string sample) => JsonNode.Parse(File(sample, FisExport.TemplatePath))!.AsObject();

    internal static IReadOnlyList<BundleFile> Files(string sample)
    {
        var (experiment, topology) = FisSamples.Read(sample);
        var result = FisExport.Build(experiment, topology);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Files;
    }

    private static string File(string sample, string path) => Files(sample).Single(f => f.Path == path).Content;

    private static JsonObject DocumentParameters(JsonNode action) => JsonNode.Parse((string)action["parameters"]!["documentParameters"]!)!.AsObject();

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }
}
