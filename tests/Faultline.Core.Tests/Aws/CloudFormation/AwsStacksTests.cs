using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Core.Aws;
using Faultline.Core.Aws.CloudFormation;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Functions;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Aws.CloudFormation;

public sealed class AwsStacksTests
{
    private const string AllFieldsOrdersArn = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    public static TheoryData<string> Samples() => new(
        "samples/seed/experiment.yaml",
        "samples/seed/misconfigured/experiment.yaml",
        "samples/three-regions/experiment.yaml",
        "samples/alias-target-health/experiment.yaml",
        "samples/all-fields/experiment.yaml");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Build_Sample_EveryTemplatePassesCfnLint(string experimentPath)
    {
        var export = Export(experimentPath);
        var dir = Directory.CreateTempSubdirectory("faultline-cfn-");
        try
        {
            var templates = export.Files.Where(f => f.Path.StartsWith("cloudformation/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(templates);
            foreach (var file in templates)
            {
                var path = Path.Combine(dir.FullName, Path.GetFileName(file.Path));
                File.WriteAllText(path, file.Content);
                var (code, output) = AwsValidators.CfnLint(path, ParameterValues(file));
                Assert.True(code == 0, $"cfn-lint rejects {file.Path}:\n{output}\n{file.Content}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void CfnLint_BrokenTemplate_Fails()
    {
        // The validator can fail: a template with a property AWS does not define is rejected.
        var file = Export("samples/seed/experiment.yaml").Files.Single(f => f.Path == "cloudformation/global.json");
        var broken = file with { Content = file.Content.Replace("\"FailureThreshold\"", "\"FailureTreshold\"", StringComparison.Ordinal) };
        var path = Path.Combine(Directory.CreateTempSubdirectory("faultline-cfn-").FullName, "global.json");
        File.WriteAllText(path, broken.Content);

        var (code, output) = AwsValidators.CfnLint(path, ParameterValues(broken));

        Assert.True(code != 0, output);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void Build_Seed_WritesTheFilesInOrder()
    {
        var export = Export("samples/seed/experiment.yaml");

        Assert.Equal(
            [
                "cloudformation/api-us-east-1.json",
                "cloudformation/api-eu-west-1.json",
                "cloudformation/global.json",
                "cloudwatch/dashboard.json",
                "cloudformation/load-us-east-1.json",
                "cloudformation/load-eu-west-1.json",
            ],
            export.Files.Select(f => f.Path));
        Assert.Empty(export.Warnings.Select(w => w.ToString()));
        Assert.All(export.Files, f => Assert.EndsWith("}\n", f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void ApiStack_Seed_RoutesEveryFunctionThroughALambdaProxyIntegration()
    {
        var topology = SeedTopology();
        var api = Template(Export("samples/seed/experiment.yaml"), "cloudformation/api-us-east-1.json");
        var resources = api["Resources"]!.AsObject();
        var region = topology.FindRegion("us-east-1")!;

        foreach (var function in region.Functions)
        {
            var method = Resources(api, "AWS::ApiGateway::Method").Single(m => m["Properties"]!["HttpMethod"]!.GetValue<string>() == function.Route.Method
                && PathOf(resources, m["Properties"]!["ResourceId"]!) == function.Route.Path);
            var integration = method["Properties"]!["Integration"]!;
            Assert.Equal("AWS_PROXY", integration["Type"]!.GetValue<string>());
            Assert.Equal((int)region.Gateway.IntegrationTimeout.TotalMilliseconds, integration["TimeoutInMillis"]!.GetValue<int>());
        }

        var functions = Resources(api, "AWS::Lambda::Function").ToList();
        Assert.Equal(2, functions.Count);
        var hello = functions.Single(f => f["Properties"]!["FunctionName"]!.GetValue<string>() == "hello-api-hello")["Properties"]!;
        Assert.Equal(100, hello["ReservedConcurrentExecutions"]!.GetValue<int>());
        Assert.Equal(10, hello["Timeout"]!.GetValue<int>());
        Assert.Equal("hello-api-hello", AwsStacks.FunctionName(topology, new AwsExportOptions(), region.Functions.Single(f => f.Name == "hello")));
        Assert.Equal(2, Resources(api, "AWS::Lambda::Permission").Count());
    }

    [Fact]
    public void ApiStack_Seed_HasACustomDomainPerRecordTheRegionAnswers()
    {
        var api = Template(Export("samples/seed/experiment.yaml"), "cloudformation/api-eu-west-1.json");

        var domains = Resources(api, "AWS::ApiGateway::DomainName").Select(d => d["Properties"]!).ToList();

        Assert.Equal(["api.eu-west-1.example.test", "api.example.test"], domains.Select(d => d["DomainName"]!.GetValue<string>()));
        Assert.All(domains, d => Assert.Equal("CertificateArn", d["RegionalCertificateArn"]!["Ref"]!.GetValue<string>()));
        Assert.Equal(2, Resources(api, "AWS::ApiGateway::BasePathMapping").Count());
        Assert.Contains("TargetApiExampleTestInEuWest1", api["Outputs"]!.AsObject().Select(o => o.Key));
    }

    [Theory]
    [InlineData("health")]
    [InlineData("hello")]
    public void InlineHandler_RunByNode_AnswersAsTheLab(string handler)
    {
        var api = Template(Export("samples/seed/experiment.yaml"), "cloudformation/api-eu-west-1.json");
        var code = Resources(api, "AWS::Lambda::Function")
            .Single(f => f["Properties"]!["FunctionName"]!.GetValue<string>() == $"hello-api-{handler}")["Properties"]!["Code"]!["ZipFile"]!.GetValue<string>();
        var expected = BuiltInHandlers.Answer(handler, "eu-west-1");

        Assert.Contains(JsonSerializer.Serialize(expected.Body), code, StringComparison.Ordinal);
        var answer = JsonNode.Parse(RunNode(code))!;
        Assert.Equal(expected.StatusCode, answer["statusCode"]!.GetValue<int>());
        Assert.Equal(expected.Body, answer["body"]!.GetValue<string>());
        Assert.Equal(expected.Headers["Content-Type"], answer["headers"]!["Content-Type"]!.GetValue<string>());
        Assert.Equal("eu-west-1", answer["headers"]![Faultline.Core.Gateway.GatewayResponses.RegionHeader]!.GetValue<string>());
        Assert.True(LambdaProxyResult.TryParse(answer.ToJsonString(), out _));
    }

    [Fact]
    public void GlobalStack_Seed_CarriesSetIdentifiersTtlRegionsAndHealthChecks()
    {
        var topology = SeedTopology();
        var global = Template(Export("samples/seed/experiment.yaml"), "cloudformation/global.json");
        var record = topology.Dns.FindRecord("api.example.test")!;

        var sets = Resources(global, "AWS::Route53::RecordSet").Select(r => r["Properties"]!).Where(p => p["Name"]!.GetValue<string>() == "api.example.test.").ToList();

        Assert.Equal(record.Sets.Select(s => s.Id), sets.Select(s => s["SetIdentifier"]!.GetValue<string>()));
        Assert.Equal(record.Sets.Select(s => s.Region), sets.Select(s => s["Region"]!.GetValue<string>()));
        Assert.All(sets, s => Assert.Equal(((int)record.Ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), s["TTL"]!.GetValue<string>()));
        Assert.Equal(["HealthCheckHcUs", "HealthCheckHcEu"], sets.Select(s => s["HealthCheckId"]!["Ref"]!.GetValue<string>()));
        var hcUs = global["Resources"]!["HealthCheckHcUs"]!["Properties"]!["HealthCheckConfig"]!;
        var check = topology.FindHealthCheck("hc-us")!;
        Assert.Equal(check.Fqdn, hcUs["FullyQualifiedDomainName"]!.GetValue<string>());
        Assert.Equal(check.Path, hcUs["ResourcePath"]!.GetValue<string>());
        Assert.Equal("HTTPS", hcUs["Type"]!.GetValue<string>());
        Assert.Equal((int)check.Interval.TotalSeconds, hcUs["RequestInterval"]!.GetValue<int>());
        Assert.Equal(check.FailureThreshold, hcUs["FailureThreshold"]!.GetValue<int>());
    }

    [Fact]
    public void GlobalStack_AllFields_ExpressesFailoverWeightedSearchStringAndCheckerRegions()
    {
        var export = Export("samples/all-fields/experiment.yaml");
        var global = Template(export, "cloudformation/global.json");
        var records = Resources(global, "AWS::Route53::RecordSet").Select(r => r["Properties"]!).ToList();

        var failover = records.Where(r => r["Name"]!.GetValue<string>() == "failover.example.test.").ToList();
        Assert.Equal(["PRIMARY", "SECONDARY"], failover.Select(r => r["Failover"]!.GetValue<string>()));
        Assert.Equal("30", failover[0]["TTL"]!.GetValue<string>());
        Assert.Null(failover[1]["HealthCheckId"]);
        var weighted = records.Where(r => r["Name"]!.GetValue<string>() == "canary.example.test.").ToList();
        Assert.Equal([9, 1], weighted.Select(r => r["Weight"]!.GetValue<int>()));
        Assert.Equal(["main", "canary"], weighted.Select(r => r["SetIdentifier"]!.GetValue<string>()));
        var body = global["Resources"]!["HealthCheckHcUsBody"]!["Properties"]!["HealthCheckConfig"]!;
        Assert.Equal("HTTPS_STR_MATCH", body["Type"]!.GetValue<string>());
        Assert.Equal("is healthy", body["SearchString"]!.GetValue<string>());
        var hcUs = global["Resources"]!["HealthCheckHcUs"]!["Properties"]!["HealthCheckConfig"]!;
        Assert.Equal(["us-east-1", "eu-west-1", "sa-east-1"], hcUs["Regions"]!.AsArray().Select(r => r!.GetValue<string>()));
        var api = Template(export, "cloudformation/api-us-east-1.json");
        Assert.Contains(AllFieldsOrdersArn, api.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Resources(api, "AWS::Lambda::Function"), f => f["Properties"]!["FunctionName"]!.GetValue<string>().EndsWith("orders", StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalStack_AllFieldsAliasSets_AliasTargetWithEvaluateTargetHealthAndNoTtl()
    {
        var global = Template(Export("samples/all-fields/experiment.yaml"), "cloudformation/global.json");
        var records = Resources(global, "AWS::Route53::RecordSet").Select(r => r["Properties"]!)
            .Where(r => r["Name"]!.GetValue<string>() == "alias.example.test.").ToList();

        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("A", r["Type"]!.GetValue<string>());
            Assert.Null(r["TTL"]);
            Assert.Null(r["ResourceRecords"]);
            Assert.True(r["AliasTarget"]!["EvaluateTargetHealth"]!.GetValue<bool>());
            Assert.NotNull(r["HealthCheckId"]);
        });
    }

    [Fact]
    public void GlobalStack_AllFields_HealthChecksPassBotocoreCreateHealthCheck()
    {
        var global = Template(Export("samples/all-fields/experiment.yaml"), "cloudformation/global.json");

        var configs = Resources(global, "AWS::Route53::HealthCheck").Select(h => h["Properties"]!["HealthCheckConfig"]!).ToList();

        Assert.Equal(3, configs.Count);
        foreach (var config in configs)
        {
            var request = new JsonObject { ["CallerReference"] = "faultline-test", ["HealthCheckConfig"] = config.DeepClone() };
            Assert.Equal(string.Empty, AwsValidators.Botocore("route53", "CreateHealthCheck", request.ToJsonString()));
        }
    }

    [Fact]
    public void Botocore_HealthCheckWithUnknownField_IsRejected()
    {
        var report = AwsValidators.Botocore("route53", "CreateHealthCheck", """{"CallerReference":"x","HealthCheckConfig":{"Type":"HTTPS","Fqdn":"a.example.test"}}""");

        Assert.Contains("Fqdn", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LoadFromALocationThatIsNoAwsRegion_IsAnError()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        topology = topology with { Clients = [.. topology.Clients.Select(c => c.Name == "eu-customers" ? c with { Location = "office" } : c)] };

        var error = Assert.Throws<InvalidInputException>(() => AwsStacks.Build(experiment, topology, new AwsExportOptions()));

        Assert.Equal(["location 'office' is not an AWS region id, so nothing can be deployed there"], error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Dashboard_Seed_PassesBotocorePutDashboardAndShowsEveryCheckAndRegion()
    {
        var topology = SeedTopology();
        var export = Export("samples/seed/experiment.yaml");
        var body = export.Files.Single(f => f.Path == "cloudwatch/dashboard.json").Content;

        var report = AwsValidators.Botocore("cloudwatch", "PutDashboard", new JsonObject { ["DashboardName"] = "hello-api", ["DashboardBody"] = body }.ToJsonString());

        Assert.Equal(string.Empty, report);
        var widgets = JsonNode.Parse(body)!["widgets"]!.AsArray().Select(w => w!["properties"]!).ToList();
        var metrics = widgets.SelectMany(w => w["metrics"]!.AsArray().Select(m => (Region: w["region"]!.GetValue<string>(), Metric: m!.AsArray().Select(p => p is JsonValue ? p.GetValue<string>() : null).ToList()))).ToList();
        foreach (var check in topology.HealthChecks)
        {
            Assert.Contains(metrics, m => m.Region == "us-east-1" && m.Metric.SequenceEqual(["AWS/Route53", "HealthCheckStatus", "HealthCheckId", "${HealthCheck" + Cfn(check.Id) + "}", null]));
        }

        foreach (var client in topology.Clients)
        {
            foreach (var name in topology.Regions.Select(r => AwsLoadMetrics.Region(r.Name)).Concat([AwsLoadMetrics.Status2xx, AwsLoadMetrics.Status4xx, AwsLoadMetrics.Status5xx]))
            {
                Assert.Contains(metrics, m => m.Region == client.Location && m.Metric.SequenceEqual([AwsLoadMetrics.Namespace, name, AwsLoadMetrics.ApiDimension, client.Url.ToString()]));
            }
        }

        var inStack = Template(export, "cloudformation/global.json")["Resources"]!["Dashboard"]!["Properties"]!["DashboardBody"]!["Fn::Sub"]!.GetValue<string>();
        Assert.Equal(JsonNode.Parse(body)!.ToJsonString(), JsonNode.Parse(inStack)!.ToJsonString());
    }

    [Fact]
    public void Dashboard_BodyNotAString_BotocoreRejects()
    {
        var report = AwsValidators.Botocore("cloudwatch", "PutDashboard", """{"DashboardName":"x","DashboardBody":{"widgets":[]}}""");

        Assert.Contains("DashboardBody", report, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStack_Seed_RunsFaultlineLoadPerLocationAtTheClientsRate()
    {
        var export = Export("samples/seed/experiment.yaml");
        var load = Template(export, "cloudformation/load-us-east-1.json");

        var task = Resources(load, "AWS::ECS::TaskDefinition").Single()["Properties"]!;
        var container = task["ContainerDefinitions"]![0]!;

        Assert.Equal(["FARGATE"], task["RequiresCompatibilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Null(task["TaskRoleArn"]);
        Assert.Equal("LoadGeneratorImage", container["Image"]!["Ref"]!.GetValue<string>());
        Assert.Equal(["faultline"], container["EntryPoint"]!.AsArray().Select(c => c!.GetValue<string>()));
        // 2m baseline + 10m fault + 3m recovery.
        Assert.Equal(["load", "https://api.example.test/api/hello", "--rate", "20", "--duration", "15m", "--emf", "-"],
            container["Command"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("awslogs", container["LogConfiguration"]!["LogDriver"]!.GetValue<string>());
        var load2 = Template(export, "cloudformation/load-us-east-1.json")["Parameters"]!["LoadGeneratorImage"]!["Default"]!.GetValue<string>();
        Assert.Equal(AwsExportOptions.DefaultLoadGeneratorImage, load2);
        var actions = Resources(load, "AWS::IAM::Role").Single()["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray()
            .SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())).ToList();
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents", "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], actions);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void LoadStack_Sample_TaskDefinitionsPassBotocoreRegisterTaskDefinition(string experimentPath)
    {
        var loads = Export(experimentPath).Files.Where(f => f.Path.StartsWith("cloudformation/load-", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(loads);
        foreach (var file in loads)
        {
            foreach (var task in Resources(JsonNode.Parse(file.Content)!, "AWS::ECS::TaskDefinition"))
            {
                // CloudFormation spells the API's members in PascalCase; intrinsic functions stand for strings.
                var request = ApiShape(task["Properties"]!);
                Assert.Equal(string.Empty, AwsValidators.Botocore("ecs", "RegisterTaskDefinition", request.ToJsonString()));
            }
        }
    }

    [Fact]
    public void Botocore_TaskDefinitionWithoutContainers_IsRejected()
    {
        var report = AwsValidators.Botocore("ecs", "RegisterTaskDefinition", """{"family":"x"}""");

        Assert.Contains("containerDefinitions", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AllFieldsWithoutOrdersArn_IsAnErrorNamingTheUpstream()
    {
        var (experiment, topology, map) = Load("samples/all-fields/experiment.yaml");

        var error = Assert.Throws<InvalidInputException>(() => AwsStacks.Build(experiment, topology, new AwsExportOptions { SourceMap = map }));

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.EndsWith(
            "function 'us-east-1/orders' forwards to upstream http://127.0.0.1:5000/, which a Lambda function in AWS cannot reach; deploy that service as a Lambda function and give its ARN for 'us-east-1/orders' (function ARNs option)",
            diagnostic.ToString(),
            StringComparison.Ordinal);
        Assert.StartsWith(RepoPaths.Combine("samples/all-fields/topology.yaml") + ":", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AllFields_WarnsAboutWhatAwsCannotExpress()
    {
        var export = Export("samples/all-fields/experiment.yaml");

        var warnings = export.Warnings.Select(w => w.Message).ToList();

        Assert.All(export.Warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains("function 'us-east-1/hello' sets coldStart 200ms and keepWarm 5m, which Lambda does not let you set", warnings);
    }

    [Fact]
    public void Build_UnsupportedChecksAndRecords_WarnInsteadOfDropping()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        var hcUs = topology.FindHealthCheck("hc-us")! with { Disabled = true, Checkers = 4, Regions = ["us-east-1", "eu-west-1", "moon-1"] };
        var simple = topology.Dns.FindRecord("api.us-east-1.example.test")!;
        topology = topology with
        {
            HealthChecks = [hcUs, topology.FindHealthCheck("hc-eu")!],
            Dns = topology.Dns with
            {
                PropagationDelay = TimeSpan.FromSeconds(30),
                Records = [.. topology.Dns.Records.Select(r => r == simple ? r with { Sets = [r.Sets[0] with { HealthCheck = "hc-eu" }] } : r)],
            },
        };

        var export = AwsStacks.Build(experiment, topology, new AwsExportOptions());

        Assert.Equal(
            [
                "health check 'hc-us' sets checkers: 4; Route 53 chooses how many checkers probe",
                "health check 'hc-us' lists checker regions Route 53 has no checkers in (moon-1); they are left out",
                "health check 'hc-us' keeps fewer than three Route 53 checker regions, the least Route 53 accepts; it is exported without regions, so every checker region probes",
                "health check 'hc-us' is disabled; the CloudFormation resource specification the export is validated against has no Disabled property, so its record sets are exported without it (Route 53 treats both as always healthy)",
                "record api.us-east-1.example.test uses simple routing with health check 'hc-eu'; Route 53 does not evaluate health checks on simple records, and neither does the lab",
                "dns propagationDelay 30s is the lab's model of Route 53; Route 53 propagates changes itself (within about 60s)",
            ],
            export.Warnings.Select(w => w.Message));
        var global = Template(export, "cloudformation/global.json");
        Assert.DoesNotContain("HealthCheckHcUs\"", global["Resources"]!["RecordApiExampleTestUs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(global["Resources"]!["RecordApiUsEast1ExampleTest"]!["Properties"]!["HealthCheckId"]);
        Assert.Null(global["Resources"]!["HealthCheckHcUs"]!["Properties"]!["HealthCheckConfig"]!["Regions"]);
    }

    [Fact]
    public void Build_RegionThatIsNoAwsRegion_IsAnError()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        topology = topology with { Regions = [.. topology.Regions.Select(r => r.Name == "eu-west-1" ? r with { Name = "lab-west" } : r)] };

        var error = Assert.Throws<InvalidInputException>(() => AwsStacks.Build(experiment, topology, new AwsExportOptions()));

        Assert.Equal(
            ["region 'lab-west' is not an AWS region id, so nothing can be deployed there"],
            error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Build_RateTheLoadGeneratorCannotSend_Warns()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        topology = topology with { Clients = [.. topology.Clients.Select(c => c.Name == "eu-customers" ? c with { RatePerSecond = 1.0 / 3600 } : c)] };

        var export = AwsStacks.Build(experiment, topology, new AwsExportOptions());

        Assert.Equal(
            ["the load of 'eu-customers' is 0.000278 requests per second; faultline load sends 0.1 to 10,000 per task, so its task refuses to start"],
            export.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Build_BadOrUnknownFunctionArn_IsAnError()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        var options = new AwsExportOptions
        {
            FunctionArns = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["us-east-1/hello"] = "hello",
                ["us-east-1/nope"] = AllFieldsOrdersArn,
            },
        };

        var error = Assert.Throws<InvalidInputException>(() => AwsStacks.Build(experiment, topology, options));

        Assert.Equal(
            [
                "the ARN given for function 'us-east-1/hello' ('hello') is not a Lambda function ARN",
                "a function ARN is given for 'us-east-1/nope', which is no function of the topology",
            ],
            error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Build_ApexRecord_IsAnAliasAndWarnsAboutTheTtl()
    {
        var (experiment, topology, _) = Load("samples/seed/experiment.yaml");
        topology = topology with
        {
            Dns = topology.Dns with { Records = [.. topology.Dns.Records.Select(r => r.Name == "api.example.test" ? r with { Name = "example.test" } : r)] },
        };

        var export = AwsStacks.Build(experiment, topology, new AwsExportOptions());

        Assert.Equal(["record example.test is the zone apex, where Route 53 allows no CNAME; it is exported as an alias A record, which has no TTL (the 60s TTL is not carried)"], export.Warnings.Select(w => w.Message));
        var us = Template(export, "cloudformation/global.json")["Resources"]!["RecordExampleTestUs"]!["Properties"]!;
        Assert.Equal("A", us["Type"]!.GetValue<string>());
        Assert.Equal("TargetExampleTestInUsEast1", us["AliasTarget"]!["DNSName"]!["Ref"]!.GetValue<string>());
        Assert.Null(us["TTL"]);
    }

    private static JsonNode ApiShape(JsonNode node, bool keepKeys = false) => node switch
    {
        JsonObject o when o.Count == 1 && (o.ContainsKey("Ref") || o.ContainsKey("Fn::GetAtt") || o.ContainsKey("Fn::Sub")) => JsonValue.Create("resolved-by-cloudformation"),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
            keepKeys ? p.Key : char.ToLowerInvariant(p.Key[0]) + p.Key[1..],
            (JsonNode?)ApiShape(p.Value!, keepKeys: p.Key == "Options")))),
        JsonArray a => new JsonArray([.. a.Select(i => (JsonNode?)ApiShape(i!))]),
        _ => node.DeepClone(),
    };

    private static string Cfn(string id) => string.Concat(id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static AwsStackExport Export(string experimentPath)
    {
        var (experiment, topology, map) = Load(experimentPath);
        var options = new AwsExportOptions { SourceMap = map };
        if (topology.AllFunctions.Any(f => f.Id == "us-east-1/orders"))
        {
            options = options with { FunctionArns = new Dictionary<string, string>(StringComparer.Ordinal) { ["us-east-1/orders"] = AllFieldsOrdersArn } };
        }

        return AwsStacks.Build(experiment, topology, options);
    }

    private static (Experiment Experiment, Faultline.Core.Topology.Topology Topology, TopologySourceMap Map) Load(string experimentPath)
    {
        var experiment = ExperimentReader.Load(RepoPaths.Combine(experimentPath)).ThrowIfInvalid();
        var topologyResult = TopologyReader.Load(experiment.TopologyPath);
        return (experiment, topologyResult.ThrowIfInvalid(), topologyResult.SourceMap);
    }

    private static Faultline.Core.Topology.Topology SeedTopology() => TopologyReader.Load(RepoPaths.Combine("samples/seed/topology.yaml")).ThrowIfInvalid();

    private static JsonNode Template(AwsStackExport export, string path) => JsonNode.Parse(export.Files.Single(f => f.Path == path).Content)!;

    private static IEnumerable<JsonNode> Resources(JsonNode template, string type) =>
        template["Resources"]!.AsObject().Select(r => r.Value!).Where(r => r["Type"]!.GetValue<string>() == type);

    private static string PathOf(JsonObject resources, JsonNode resourceId)
    {
        if (resourceId["Ref"] is not { } reference)
        {
            return "/";
        }

        var resource = resources[reference.GetValue<string>()]!["Properties"]!;
        var parent = PathOf(resources, resource["ParentId"]!);
        return (parent == "/" ? string.Empty : parent) + "/" + resource["PathPart"]!.GetValue<string>();
    }

    // Values a deployment would pass: cfn-lint otherwise guesses placeholders that fail its ARN checks.
    private static Dictionary<string, string> ParameterValues(BundleFile file)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonNode.Parse(file.Content)!["Parameters"] is not JsonObject parameters)
        {
            return values;
        }

        foreach (var (name, _) in parameters)
        {
            values[name] = name switch
            {
                "CertificateArn" => "arn:aws:acm:us-east-1:123456789012:certificate/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
                "HostedZoneId" => "Z0123456789ABCDEFGHIJ",
                "LoadGeneratorImage" => "123456789012.dkr.ecr.us-east-1.amazonaws.com/faultline:latest",
                _ when name.StartsWith("Zone", StringComparison.Ordinal) => "Z1UJRXOUMOOFQ8",
                _ => "d-abcdef1234.execute-api.us-east-1.amazonaws.com",
            };
        }

        return values;
    }

    private static string RunNode(string code)
    {
        var dir = Directory.CreateTempSubdirectory("faultline-handler-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "index.js"), code);
            var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir.FullName };
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add("require('./index.js').handler({}, {}).then(r => process.stdout.write(JSON.stringify(r)))");
            using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("node did not start; install nodejs");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "node did not finish within a minute");
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors.Result);
            return output.Result;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
