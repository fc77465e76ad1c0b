using System.Globalization;
using System.Text.Json.Nodes;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// <c>cloudformation/api-{region}.json</c>: one region's REST API with a Lambda proxy integration per route, the
/// functions (inline built-in handlers or the user's ARNs), the custom domains the topology's records point at
/// the region, and their regional targets as outputs for the global stack.
/// </summary>
internal static class ApiStackBuilder
{
    /// <summary>The runtime of the inline handlers.</summary>
    public const string Runtime = "nodejs20.x";

    public static BundleFile Build(ExportContext context, Region region)
    {
        var names = context.Names;
        var template = Cfn.Template($"Faultline export of '{context.Topology.Name}': the API in {region.Name} (deploy in {region.Name})");
        template["Parameters"] = new JsonObject
        {
            ["CertificateArn"] = new JsonObject
            {
                ["Type"] = "String",
                ["Description"] = $"ARN of an ACM certificate in {region.Name} covering every custom domain of this stack: {string.Join(", ", Domains(context, region))}",
            },
        };
        var resources = new JsonObject();
        var outputs = new JsonObject();
        var deployed = region.Functions.Where(f => !context.Options.FunctionArns.ContainsKey(f.Id)).ToList();
        if (deployed.Count > 0)
        {
            resources["FunctionRole"] = FunctionRole();
        }

        resources["RestApi"] = Cfn.Resource("AWS::ApiGateway::RestApi", new JsonObject
        {
            ["Name"] = StackNames.Resource($"{names.Prefix}-{region.Name}", 128),
            ["Description"] = $"The '{context.Topology.Name}' API in {region.Name}, exported by faultline",
            ["EndpointConfiguration"] = new JsonObject { ["Types"] = Cfn.Strings(["REGIONAL"]) },
        });

        var pathResources = new Dictionary<string, string>(StringComparer.Ordinal);
        var methods = new List<string>();
        foreach (var function in region.Functions)
        {
            var id = names.Function(function.Id);
            JsonNode functionArn;
            if (context.Options.FunctionArns.TryGetValue(function.Id, out var arn))
            {
                functionArn = arn;
            }
            else
            {
                resources["Function" + id] = Function(context, function);
                functionArn = Cfn.GetAtt("Function" + id, "Arn");
                outputs["Function" + id + "Arn"] = Cfn.Output($"ARN of function {function.Id}", Cfn.GetAtt("Function" + id, "Arn"));
            }

            var parent = PathResource(resources, pathResources, function.Route.Path);
            var method = "Method" + id;
            methods.Add(method);
            resources[method] = Cfn.Resource("AWS::ApiGateway::Method", new JsonObject
            {
                ["RestApiId"] = Cfn.Ref("RestApi"),
                ["ResourceId"] = parent,
                ["HttpMethod"] = function.Route.Method,
                ["AuthorizationType"] = "NONE",
                ["Integration"] = new JsonObject
                {
                    ["Type"] = "AWS_PROXY",
                    ["IntegrationHttpMethod"] = "POST",
                    ["Uri"] = new JsonObject
                    {
                        ["Fn::Sub"] = new JsonArray(
                            "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations",
                            new JsonObject { ["FunctionArn"] = functionArn.DeepClone() }),
                    },
                    ["TimeoutInMillis"] = (int)Math.Round(region.Gateway.IntegrationTimeout.TotalMilliseconds),
                },
            });
            var sourceMethod = function.Route.Method == "ANY" ? "*" : function.Route.Method;
            resources["Permission" + id] = Cfn.Resource("AWS::Lambda::Permission", new JsonObject
            {
                ["Action"] = "lambda:InvokeFunction",
                ["FunctionName"] = functionArn.DeepClone(),
                ["Principal"] = "apigateway.amazonaws.com",
                // Only this API's route may invoke it (least privilege), in any stage.
                // Fn::Join rather than Fn::Sub: cfn-lint 1.9.7 misreads pseudo parameters inside Fn::Sub in ARN-typed properties.
                ["SourceArn"] = new JsonObject
                {
                    ["Fn::Join"] = new JsonArray(string.Empty, new JsonArray(
                        "arn:", Cfn.Ref("AWS::Partition"), ":execute-api:", Cfn.Ref("AWS::Region"), ":", Cfn.Ref("AWS::AccountId"), ":",
                        Cfn.Ref("RestApi"), $"/*/{sourceMethod}{function.Route.Path}")),
                },
            });
        }

        resources["Deployment"] = new JsonObject
        {
            ["Type"] = "AWS::ApiGateway::Deployment",
            // A deployment snapshots the methods that exist when it is created.
            ["DependsOn"] = Cfn.Strings(methods),
            ["Properties"] = new JsonObject { ["RestApiId"] = Cfn.Ref("RestApi"), ["Description"] = "faultline export" },
        };
        var stage = new JsonObject
        {
            ["RestApiId"] = Cfn.Ref("RestApi"),
            ["DeploymentId"] = Cfn.Ref("Deployment"),
            ["StageName"] = context.Options.StageName,
        };
        if (MethodSettings(region.Gateway) is { Count: > 0 } settings)
        {
            stage["MethodSettings"] = settings;
        }

        resources["Stage"] = Cfn.Resource("AWS::ApiGateway::Stage", stage);
        outputs["RestApiId"] = Cfn.Output("The REST API's id", Cfn.Ref("RestApi"));
        outputs["InvokeUrl"] = Cfn.Output("The stage's own URL (without the custom domain)", Cfn.Sub($"https://${{RestApi}}.execute-api.${{AWS::Region}}.amazonaws.com/{context.Options.StageName}"));

        foreach (var domain in Domains(context, region))
        {
            var id = names.Record(domain);
            resources["Domain" + id] = Cfn.Resource("AWS::ApiGateway::DomainName", new JsonObject
            {
                ["DomainName"] = domain,
                ["RegionalCertificateArn"] = Cfn.Ref("CertificateArn"),
                ["EndpointConfiguration"] = new JsonObject { ["Types"] = Cfn.Strings(["REGIONAL"]) },
            });
            var basePaths = region.Gateway.CustomDomains.FirstOrDefault(d => string.Equals(d.Name, DnsName.Normalize(domain), StringComparison.Ordinal))?.BasePaths ?? ["/"];
            for (var i = 0; i < basePaths.Count; i++)
            {
                var properties = new JsonObject
                {
                    // No base path: https://{domain}/api/hello reaches the route /api/hello, as in the lab.
                    ["DomainName"] = Cfn.Ref("Domain" + id),
                    ["RestApiId"] = Cfn.Ref("RestApi"),
                    ["Stage"] = context.Options.StageName,
                };
                if (basePaths[i] != "/")
                {
                    properties["BasePath"] = basePaths[i].TrimStart('/');
                }

                resources["Mapping" + id + (i == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture))] = new JsonObject
                {
                    ["Type"] = "AWS::ApiGateway::BasePathMapping",
                    ["DependsOn"] = Cfn.Strings(["Stage"]),
                    ["Properties"] = properties,
                };
            }

            outputs[names.DomainTarget(domain, region.Name)] = Cfn.Output(
                $"Regional target of {domain} in {region.Name}: the global stack's parameter {names.DomainTarget(domain, region.Name)}",
                Cfn.GetAtt("Domain" + id, "RegionalDomainName"));
            outputs[names.DomainZone(domain, region.Name)] = Cfn.Output(
                $"Hosted zone of that target (for alias records): the global stack's parameter {names.DomainZone(domain, region.Name)}",
                Cfn.GetAtt("Domain" + id, "RegionalHostedZoneId"));
        }

        template["Resources"] = resources;
        template["Outputs"] = outputs;
        return new BundleFile($"cloudformation/api-{region.Name}.json", Cfn.Write(template));
    }

    /// <summary>The names the topology's record sets answer with <paramref name="region"/>, each a custom domain there.</summary>
    public static IReadOnlyList<string> Domains(ExportContext context, Region region) =>
        region.Gateway.CustomDomains.Count > 0
            ? region.Gateway.CustomDomains.Select(d => d.Name).ToList()
            : context.Topology.Dns.Records
                .Where(r => r.Sets.Any(s => string.Equals(s.Region, region.Name, StringComparison.Ordinal)))
                .Select(r => r.Name)
                .ToList();

    /// <summary>
    /// The stage's throttling as <c>MethodSettings</c>: the stage's own (<c>/*</c>, <c>*</c>) unless it is the account
    /// default, then one per throttled route, with the resource path's slashes written <c>~1</c> as CloudFormation wants.
    /// </summary>
    public static JsonArray MethodSettings(GatewayConfig gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var settings = new JsonArray();
        if (gateway.Throttling != ThrottleSettings.AccountDefault)
        {
            settings.Add(Throttle("/*", "*", gateway.Throttling));
        }

        foreach (var (route, throttle) in gateway.RouteThrottling)
        {
            settings.Add(Throttle("/" + route.Path.Replace("/", "~1", StringComparison.Ordinal), route.Method == "ANY" ? "*" : route.Method, throttle));
        }

        return settings;

        static JsonObject Throttle(string path, string method, ThrottleSettings throttle) => new()
        {
            ["ResourcePath"] = path,
            ["HttpMethod"] = method,
            ["ThrottlingRateLimit"] = throttle.RateLimit,
            ["ThrottlingBurstLimit"] = throttle.BurstLimit,
        };
    }

    /// <summary>The Node.js source of a built-in handler: it returns exactly what the lab's handler returns, plus the region header the lab's gateway adds.</summary>
    public static string InlineCode(string handler, string region)
    {
        var answer = BuiltInHandlers.Answer(handler, region);
        var headers = new JsonObject();
        foreach (var header in answer.Headers)
        {
            headers[header.Key] = header.Value;
        }

        headers[GatewayResponses.RegionHeader] = region;
        var result = new JsonObject
        {
            ["statusCode"] = answer.StatusCode,
            ["headers"] = headers,
            ["body"] = answer.Body,
            ["isBase64Encoded"] = answer.IsBase64Encoded,
        };
        return $"// Faultline's built-in '{handler}' handler: answers as the lab does.\nexports.handler = async () => ({Cfn.WriteCompact(result)});\n";
    }

    private static JsonObject Function(ExportContext context, FunctionConfig function)
    {
        if (function.ColdStart != TimeSpan.Zero || function.KeepWarm != TimeSpan.FromMinutes(5))
        {
            context.Warn(context.Map.Function(function.Region, function.Name, function.ColdStart != TimeSpan.Zero ? "coldStart" : "keepWarm"),
                AwsStackMessages.ColdStartNotExpressible(function.Id, function.ColdStart, function.KeepWarm));
        }

        var seconds = (int)Math.Ceiling(function.Timeout.TotalSeconds);
        if (function.Timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            context.Warn(context.Map.Function(function.Region, function.Name, "timeout"), AwsStackMessages.TimeoutRoundedUp(function.Id, function.Timeout, seconds));
        }

        var properties = new JsonObject
        {
            ["FunctionName"] = context.Names.FunctionName(function.Name),
            ["Description"] = $"Faultline built-in handler '{function.Handler}' ({function.Id})",
            ["Runtime"] = Runtime,
            ["Handler"] = "index.handler",
            ["Role"] = Cfn.GetAtt("FunctionRole", "Arn"),
            ["Code"] = new JsonObject { ["ZipFile"] = InlineCode(function.Handler ?? string.Empty, function.Region) },
            ["Timeout"] = seconds,
            ["MemorySize"] = context.Options.FunctionMemoryMb,
        };
        if (function.ReservedConcurrency is { } reserved)
        {
            properties["ReservedConcurrentExecutions"] = reserved;
        }

        if (function.Environment.Count > 0)
        {
            var variables = new JsonObject();
            foreach (var (key, value) in function.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                variables[key] = value;
            }

            properties["Environment"] = new JsonObject { ["Variables"] = variables };
        }

        if (function.Tags.Count > 0)
        {
            // FIS selects targets by tag, so the topology's tags travel with the function.
            properties["Tags"] = Cfn.Array(function.Tags.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }));
        }

        return Cfn.Resource("AWS::Lambda::Function", properties);
    }

    private static JsonObject FunctionRole() => Cfn.Resource("AWS::IAM::Role", new JsonObject
    {
        ["AssumeRolePolicyDocument"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "lambda.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
            }),
        },
        // The handlers call no AWS API: writing their logs is all they need.
        ["ManagedPolicyArns"] = new JsonArray(Cfn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
    });

    // API Gateway resources nest one path segment each; routes that share a prefix share its resources.
    private static JsonNode PathResource(JsonObject resources, Dictionary<string, string> known, string path)
    {
        JsonNode parent = Cfn.GetAtt("RestApi", "RootResourceId");
        var soFar = string.Empty;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            soFar += "/" + segment;
            if (!known.TryGetValue(soFar, out var id))
            {
                id = "Path" + Cfn.Pascal(soFar);
                for (var n = 2; known.ContainsValue(id); n++)
                {
                    id = "Path" + Cfn.Pascal(soFar) + n.ToString(CultureInfo.InvariantCulture);
                }

                known[soFar] = id;
                resources[id] = Cfn.Resource("AWS::ApiGateway::Resource", new JsonObject
                {
                    ["RestApiId"] = Cfn.Ref("RestApi"),
                    ["ParentId"] = parent,
                    ["PathPart"] = segment,
                });
            }

            parent = Cfn.Ref(id);
        }

        return parent;
    }
}
