using System.Text.Json.Nodes;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// The seed's CloudWatch dashboard: <c>HealthCheckStatus</c> of every health check (AWS/Route53, us-east-1), and per
/// API the load generator calls from each location, its <c>status_2xx/4xx/5xx</c> and <c>region_{region}</c> counters.
/// </summary>
internal static class DashboardBuilder
{
    private const int Width = 12;
    private const int Height = 6;

    /// <summary>
    /// The dashboard body (what <c>aws cloudwatch put-dashboard --dashboard-body</c> takes). Health check ids are
    /// placeholders <c>${HealthCheck…}</c> named after the checks' logical ids in the global stack.
    /// </summary>
    public static string Body(ExportContext context, IReadOnlyList<ClientConfig> clients)
    {
        var widgets = new JsonArray();
        var y = 0;
        if (context.Topology.HealthChecks.Count > 0)
        {
            var metrics = new JsonArray();
            foreach (var check in context.Topology.HealthChecks)
            {
                metrics.Add(new JsonArray("AWS/Route53", "HealthCheckStatus", "HealthCheckId", Placeholder(context, check.Id), new JsonObject { ["label"] = check.Id }));
            }

            widgets.Add(Widget(0, y, 24, "Route 53 health checks (1 = healthy)", "us-east-1", "Minimum", metrics, new JsonObject
            {
                ["left"] = new JsonObject { ["min"] = 0, ["max"] = 1 },
            }));
            y += Height;
        }

        // One API per location and URL: CloudWatch metrics stay in the region they are published in.
        foreach (var api in clients.GroupBy(c => (c.Location, Url: c.Url.ToString())))
        {
            var (location, url) = api.Key;
            var who = string.Join(", ", api.Select(c => c.Name));
            var status = new JsonArray();
            foreach (var name in new[] { AwsLoadMetrics.Status2xx, AwsLoadMetrics.Status4xx, AwsLoadMetrics.Status5xx })
            {
                status.Add(new JsonArray(AwsLoadMetrics.Namespace, name, AwsLoadMetrics.ApiDimension, url));
            }

            var regions = new JsonArray();
            foreach (var region in context.Topology.Regions)
            {
                regions.Add(new JsonArray(AwsLoadMetrics.Namespace, AwsLoadMetrics.Region(region.Name), AwsLoadMetrics.ApiDimension, url));
            }

            widgets.Add(Widget(0, y, Width, $"{who} ({location}): responses by status", location, "Sum", status, null));
            widgets.Add(Widget(Width, y, Width, $"{who} ({location}): responses by region", location, "Sum", regions, null));
            y += Height;
        }

        return Cfn.WriteCompact(new JsonObject { ["start"] = "-PT1H", ["periodOverride"] = "inherit", ["widgets"] = widgets });
    }

    /// <summary>The placeholder standing for a health check's Route 53 id in the body.</summary>
    public static string Placeholder(ExportContext context, string checkId) => "${" + context.Names.HealthCheckResource(checkId) + "}";

    private static JsonObject Widget(int x, int y, int width, string title, string region, string stat, JsonArray metrics, JsonObject? yAxis)
    {
        var properties = new JsonObject
        {
            ["title"] = title,
            ["view"] = "timeSeries",
            ["stacked"] = false,
            ["region"] = region,
            ["stat"] = stat,
            ["period"] = 60,
            ["metrics"] = metrics,
        };
        if (yAxis is not null)
        {
            properties["yAxis"] = yAxis;
        }

        return new JsonObject
        {
            ["type"] = "metric",
            ["x"] = x,
            ["y"] = y,
            ["width"] = width,
            ["height"] = Height,
            ["properties"] = properties,
        };
    }
}
