using System.Globalization;
using System.Text.Json.Nodes;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// <c>cloudformation/global.json</c>: the Route 53 health checks and records of the topology (its routing, set
/// identifiers, TTLs and health checks), pointing at the API stacks' custom domains, plus the dashboard.
/// Deployed in us-east-1, where Route 53's health-check metrics live.
/// </summary>
internal static class GlobalStackBuilder
{
    /// <summary>Route 53's health checker regions (the one list, <see cref="Health.CheckerRegions.All"/>).</summary>
    public static IReadOnlyList<string> CheckerRegions => Health.CheckerRegions.All;

    public static BundleFile Build(ExportContext context, string dashboardBody)
    {
        var topology = context.Topology;
        var names = context.Names;
        var template = Cfn.Template($"Faultline export of '{topology.Name}': Route 53 health checks and records for zone {topology.Dns.Zone}, and the dashboard (deploy in us-east-1)");
        var parameters = new JsonObject
        {
            ["HostedZoneId"] = new JsonObject
            {
                ["Type"] = "String",
                ["Description"] = $"Id of the Route 53 hosted zone {topology.Dns.Zone}",
            },
        };
        var resources = new JsonObject();
        var outputs = new JsonObject();
        var disabled = new HashSet<string>(StringComparer.Ordinal);

        foreach (var check in topology.HealthChecks)
        {
            var id = names.HealthCheckResource(check.Id);
            resources[id] = Cfn.Resource("AWS::Route53::HealthCheck", new JsonObject
            {
                ["HealthCheckConfig"] = CheckConfig(context, check),
                ["HealthCheckTags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = check.Id }),
            });
            outputs[id + "Id"] = Cfn.Output($"Route 53 id of health check {check.Id} (the dashboard's HealthCheckId)", Cfn.Ref(id));
            if (check.Disabled)
            {
                disabled.Add(check.Id);
                context.Warn(context.Map.HealthCheck(check.Id, "disabled"), AwsStackMessages.DisabledHealthCheck(check.Id));
            }
        }

        foreach (var record in topology.Dns.Records)
        {
            var apex = string.Equals(record.Name, topology.Dns.Zone, StringComparison.Ordinal);
            if (apex)
            {
                context.Warn(context.Map.Record(record.Name, "ttl"), AwsStackMessages.ApexAlias(record.Name, record.Ttl));
            }

            foreach (var set in record.Sets)
            {
                var target = names.DomainTarget(record.Name, set.Region);
                parameters[target] = new JsonObject
                {
                    ["Type"] = "String",
                    ["Description"] = $"Regional domain name of {record.Name} in {set.Region}: output {target} of the api-{set.Region} stack",
                };
                var properties = new JsonObject
                {
                    ["HostedZoneId"] = Cfn.Ref("HostedZoneId"),
                    ["Name"] = record.Name + ".",
                };
                if (apex || set.Alias is not null)
                {
                    // An alias to the regional domain: no TTL of its own (Route 53 uses the target's), and
                    // EvaluateTargetHealth as the topology says (false for the apex, which must be an alias).
                    var zone = names.DomainZone(record.Name, set.Region);
                    parameters[zone] = new JsonObject
                    {
                        ["Type"] = "String",
                        ["Description"] = $"Regional hosted zone id of {record.Name} in {set.Region}: output {zone} of the api-{set.Region} stack",
                    };
                    properties["Type"] = "A";
                    properties["AliasTarget"] = new JsonObject
                    {
                        ["DNSName"] = Cfn.Ref(target),
                        ["HostedZoneId"] = Cfn.Ref(zone),
                        ["EvaluateTargetHealth"] = set.Alias?.EvaluateTargetHealth ?? false,
                    };
                }
                else
                {
                    // API Gateway's regional domains have no fixed addresses, so an A record becomes a CNAME to the
                    // domain's regional target, which keeps the topology's TTL.
                    properties["Type"] = "CNAME";
                    properties["TTL"] = ((long)record.Ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    properties["ResourceRecords"] = new JsonArray(Cfn.Ref(target));
                }

                if (record.Routing != RoutingPolicy.Simple)
                {
                    properties["SetIdentifier"] = set.Id;
                }

                switch (record.Routing)
                {
                    case RoutingPolicy.Latency:
                        properties["Region"] = set.Region;
                        break;
                    case RoutingPolicy.Failover:
                        properties["Failover"] = set.Failover == FailoverRole.Secondary ? "SECONDARY" : "PRIMARY";
                        break;
                    case RoutingPolicy.Weighted:
                        properties["Weight"] = set.Weight;
                        break;
                }

                if (set.HealthCheck is { } check)
                {
                    if (record.Routing == RoutingPolicy.Simple)
                    {
                        context.Warn(context.Map.Set(record.Name, set.Id, "healthCheck"), AwsStackMessages.SimpleRecordHealthCheck(record.Name, check));
                    }
                    else if (!disabled.Contains(check))
                    {
                        properties["HealthCheckId"] = Cfn.Ref(names.HealthCheckResource(check));
                    }
                }

                var logical = record.Routing == RoutingPolicy.Simple ? "Record" + names.Record(record.Name) : "Record" + names.Record(record.Name) + Cfn.Pascal(set.Id);
                resources[logical] = Cfn.Resource("AWS::Route53::RecordSet", properties);
            }
        }

        if (topology.Dns.PropagationDelay != TimeSpan.Zero)
        {
            context.Warn(context.Map.Find("dns/propagationDelay"), AwsStackMessages.PropagationDelay(topology.Dns.PropagationDelay));
        }

        resources["Dashboard"] = Cfn.Resource("AWS::CloudWatch::Dashboard", new JsonObject
        {
            ["DashboardName"] = context.Names.Prefix,
            // The body's ${HealthCheck…} placeholders are the health checks' logical ids: Fn::Sub puts in their ids.
            ["DashboardBody"] = Cfn.Sub(dashboardBody),
        });
        outputs["DashboardName"] = Cfn.Output("The CloudWatch dashboard", Cfn.Ref("Dashboard"));

        template["Parameters"] = parameters;
        template["Resources"] = resources;
        template["Outputs"] = outputs;
        return new BundleFile("cloudformation/global.json", Cfn.Write(template));
    }

    private static JsonObject CheckConfig(ExportContext context, HealthCheckConfig check)
    {
        var config = new JsonObject
        {
            ["Type"] = check.Type switch
            {
                HealthCheckType.Http => "HTTP",
                HealthCheckType.HttpStrMatch => "HTTP_STR_MATCH",
                HealthCheckType.HttpsStrMatch => "HTTPS_STR_MATCH",
                HealthCheckType.Tcp => "TCP",
                _ => "HTTPS",
            },
            ["FullyQualifiedDomainName"] = check.Fqdn,
            ["RequestInterval"] = (int)check.Interval.TotalSeconds,
            ["FailureThreshold"] = check.FailureThreshold,
        };
        if (check.Port is { } port)
        {
            config["Port"] = port;
        }

        if (check.Type != HealthCheckType.Tcp)
        {
            config["ResourcePath"] = check.Path;
        }

        if (check.Type is HealthCheckType.Https or HealthCheckType.HttpsStrMatch)
        {
            // API Gateway custom domains are served by SNI only.
            config["EnableSNI"] = true;
        }

        if (check.SearchString is { } search && check.Type is HealthCheckType.HttpStrMatch or HealthCheckType.HttpsStrMatch)
        {
            config["SearchString"] = search;
        }

        if (check.Inverted)
        {
            config["Inverted"] = true;
        }

        if (check.Checkers != HealthCheckConfig.DefaultCheckers)
        {
            context.Warn(context.Map.HealthCheck(check.Id, "checkers"), AwsStackMessages.CheckersNotExpressible(check.Id, check.Checkers));
        }

        // Without Regions Route 53 checks from every checker region, as the lab does. The topology reader accepts only
        // checker regions, at least three; the warnings below guard topologies built in code.
        if (check.Regions.Count > 0)
        {
            var valid = check.Regions.Where(r => CheckerRegions.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            var dropped = check.Regions.Where(r => !CheckerRegions.Contains(r, StringComparer.Ordinal)).ToList();
            if (dropped.Count > 0)
            {
                context.Warn(context.Map.HealthCheck(check.Id, "regions"), AwsStackMessages.CheckerRegionsDropped(check.Id, dropped, CheckerRegions));
            }

            if (valid.Count >= Health.CheckerRegions.Minimum)
            {
                config["Regions"] = Cfn.Strings(valid);
            }
            else
            {
                context.Warn(context.Map.HealthCheck(check.Id, "regions"), AwsStackMessages.CheckerRegionsTooFew(check.Id));
            }
        }

        return config;
    }
}
