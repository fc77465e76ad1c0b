using System.Text.Json.Nodes;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Text;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// <c>cloudformation/alarms.json</c>: one CloudWatch alarm per stop condition, on the load generator's
/// per-minute counters (metric math for rates), which the FIS template names as its stop conditions. Each
/// alarm carries the stop condition as the experiment writes it (<c>Metadata.Faultline</c>), so
/// <c>faultline import fis</c> can give it back.
/// </summary>
public static class StopConditionAlarms
{
    /// <summary>The metadata key that holds the stop condition.</summary>
    public const string MetadataKey = "Faultline";

    /// <summary>The alarms' template and ARNs.</summary>
    /// <param name="Template">The CloudFormation template's text.</param>
    /// <param name="AlarmArns">The alarms' ARNs, in the experiment's order.</param>
    public sealed record Result(string Template, IReadOnlyList<string> AlarmArns);

    /// <summary>Builds the template; adds errors and warnings to <paramref name="diagnostics"/>.</summary>
    public static Result Build(Experiment experiment, Topology.Topology topology, string account, string region, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (experiment.StopConditions.Count > 5)
        {
            var (message, fix) = FisErrors.TooManyStopConditions(experiment.StopConditions.Count);
            diagnostics.Add(Diagnostic.Error(experiment.StopConditions[5].Location, message, fix));
        }

        var resources = new JsonObject();
        var outputs = new JsonObject();
        var arns = new List<string>();
        foreach (var stop in experiment.StopConditions)
        {
            if (Alarm(stop, topology, region, diagnostics) is not { } alarm)
            {
                continue;
            }

            var id = FisNames.LogicalId("Stop", stop.Name);
            resources[id] = alarm;
            var name = FisNames.AlarmName(topology.Name, stop.Name);
            outputs[id + "Arn"] = new JsonObject { ["Description"] = $"stop condition '{stop.Name}'", ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, "Arn") } };
            arns.Add(FisNames.AlarmArn(account, region, name));
        }

        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Faultline stop conditions of the {topology.Name} experiment as CloudWatch alarms (deploy in {region}, the experiment's region)",
            ["Resources"] = resources.Count > 0 ? resources : Placeholder(),
        };
        if (outputs.Count > 0)
        {
            template["Outputs"] = outputs;
        }

        return new Result(BundleJson.Write(template), arns);
    }

    /// <summary>The experiment's YAML name of a metric.</summary>
    public static string? MetricName(TrafficMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind switch
        {
            TrafficMetricKind.SuccessRate => "successRate",
            TrafficMetricKind.Status2xxRate => "status2xxRate",
            TrafficMetricKind.Status4xxRate => "status4xxRate",
            TrafficMetricKind.Status5xxRate => "status5xxRate",
            TrafficMetricKind.ErrorRate => "errorRate",
            TrafficMetricKind.Requests => "requests",
            TrafficMetricKind.LatencyPercentile => $"p{metric.Percentile?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}",
            _ => null,
        };
    }

    private static JsonObject? Alarm(StopConditionDefinition stop, Topology.Topology topology, string region, List<Diagnostic> diagnostics)
    {
        var metricName = MetricName(stop.Metric);
        var expression = stop.Metric.Kind switch
        {
            TrafficMetricKind.SuccessRate or TrafficMetricKind.Status2xxRate => "100*s2xx/requests",
            TrafficMetricKind.Status4xxRate => "100*s4xx/requests",
            TrafficMetricKind.Status5xxRate => "100*s5xx/requests",
            TrafficMetricKind.ErrorRate => "100*(requests-s2xx-s3xx-s4xx-s5xx)/requests",
            TrafficMetricKind.Requests => "requests",
            _ => null,
        };
        if (metricName is null || expression is null)
        {
            var (message, fix) = FisErrors.StopMetric(stop.Name, metricName ?? stop.Metric.ToString());
            diagnostics.Add(Diagnostic.Error(stop.Location, message, fix));
            return null;
        }

        // faultline load publishes per API (dimension SiteName = the URL) in the region it runs in, and an alarm sees
        // only its own region's metrics: it sums the watched clients that send from the experiment's region.
        var watched = topology.Clients.Where(c => stop.Clients.Includes(c.Name)).ToList();
        var local = watched.Where(c => string.Equals(c.Location, region, StringComparison.Ordinal)).ToList();
        if (local.Count == 0)
        {
            var (message, fix) = FisErrors.StopNoLocalClients(stop.Name, region, watched.Select(c => $"{c.Name} ({c.Location})"));
            diagnostics.Add(Diagnostic.Error(stop.Location, message, fix));
            return null;
        }

        if (local.Count < watched.Count)
        {
            var (message, fix) = FisErrors.StopClients(stop.Name, region, local.Select(c => c.Name), watched.Except(local).Select(c => $"{c.Name} ({c.Location})"));
            diagnostics.Add(Diagnostic.Warning(stop.Location, message, fix));
        }

        var urls = local.Select(c => c.Url.ToString()).Distinct(StringComparer.Ordinal).ToList();

        var minutes = (int)Math.Max(1, Math.Ceiling(stop.For.TotalMinutes));
        if (stop.For != TimeSpan.FromMinutes(minutes))
        {
            var (message, fix) = FisErrors.StopPeriod(stop.Name, stop.For, minutes);
            diagnostics.Add(Diagnostic.Warning(stop.Location, message, fix));
        }

        var below = stop.AlarmWhen.Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual;
        var metadata = new JsonObject
        {
            ["name"] = stop.Name,
            ["metric"] = metricName,
            ["clients"] = stop.Clients.IsAll ? "all" : string.Join(",", stop.Clients.Names),
            [below ? "below" : "above"] = stop.AlarmWhen.Format(stop.AlarmWhen.Value),
            ["for"] = Durations.Format(stop.For),
        };
        if (stop.TreatMissingData is { } written)
        {
            metadata["treatMissingData"] = MissingData(written);
        }

        var metrics = new JsonArray();
        foreach (var (id, metric) in new[] { ("requests", AwsLoadMetrics.Requests), ("s2xx", AwsLoadMetrics.Status2xx), ("s3xx", AwsLoadMetrics.Status3xx), ("s4xx", AwsLoadMetrics.Status4xx), ("s5xx", AwsLoadMetrics.Status5xx) })
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(expression, $@"\b{id}\b"))
            {
                continue;
            }

            var ids = new List<string>();
            for (var u = 0; u < urls.Count; u++)
            {
                ids.Add($"{id}{u}");
                metrics.Add(new JsonObject
                {
                    ["Id"] = $"{id}{u}",
                    ["MetricStat"] = new JsonObject
                    {
                        ["Metric"] = new JsonObject
                        {
                            ["Namespace"] = AwsLoadMetrics.Namespace,
                            ["MetricName"] = metric,
                            ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = AwsLoadMetrics.ApiDimension, ["Value"] = urls[u] }),
                        },
                        ["Period"] = 60,
                        ["Stat"] = "Sum",
                    },
                    ["ReturnData"] = false,
                });
            }

            expression = System.Text.RegularExpressions.Regex.Replace(expression, $@"\b{id}\b", $"({string.Join("+", ids)})");
        }

        metrics.Add(new JsonObject { ["Id"] = "value", ["Expression"] = expression, ["Label"] = stop.Metric.ToString(), ["ReturnData"] = true });
        return new JsonObject
        {
            ["Type"] = "AWS::CloudWatch::Alarm",
            ["Metadata"] = new JsonObject { [MetadataKey] = metadata },
            ["Properties"] = new JsonObject
            {
                ["AlarmName"] = FisNames.AlarmName(topology.Name, stop.Name),
                ["AlarmDescription"] = $"Faultline stop condition '{stop.Name}': {stop.Metric} {stop.AlarmWhen} for {Durations.Format(stop.For)}",
                ["ComparisonOperator"] = stop.AlarmWhen.Operator switch
                {
                    ComparisonOperator.Less => "LessThanThreshold",
                    ComparisonOperator.LessOrEqual => "LessThanOrEqualToThreshold",
                    ComparisonOperator.Greater => "GreaterThanThreshold",
                    _ => "GreaterThanOrEqualToThreshold",
                },
                ["Threshold"] = stop.AlarmWhen.Value,
                ["EvaluationPeriods"] = minutes,
                ["DatapointsToAlarm"] = minutes,
                ["TreatMissingData"] = MissingData(stop.MissingData),
                ["Metrics"] = metrics,
            },
        };
    }

    private static string MissingData(MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.Breaching => "breaching",
        MissingDataTreatment.NotBreaching => "notBreaching",
        MissingDataTreatment.Ignore => "ignore",
        _ => "missing",
    };

    // CloudFormation needs at least one resource; without stop conditions the stack holds only a marker.
    private static JsonObject Placeholder() => new()
    {
        ["NoStopConditions"] = new JsonObject
        {
            ["Type"] = "AWS::CloudFormation::WaitConditionHandle",
            ["Metadata"] = new JsonObject { ["Comment"] = "the experiment has no stop conditions; the FIS template uses source none" },
        },
    };
}
