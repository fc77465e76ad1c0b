using Faultline.Core.Simulation;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Tests.Sweeps;

/// <summary>Sweep points built from hand-made run measures, so tests know every number behind a summary.</summary>
internal static class SweepPoints
{
    /// <summary>One run: its verdict, hc-us's time to unhealthy, us and eu customers' outage (seconds), and whether "us moved" passed.</summary>
    public sealed record Run(VerdictKind Verdict, double? Unhealthy, double UsOutage, double EuOutage = 0, bool Moved = true);

    /// <summary>A point over <paramref name="runs"/> (seeds 42, 43, …), swept to <paramref name="settings"/>.</summary>
    public static SimulationSummary Point(IReadOnlyList<KeyValuePair<string, string>> settings, params Run[] runs)
    {
        var measures = runs.Select(r => new RunMeasures
        {
            Verdict = r.Verdict,
            Checks = new Dictionary<string, bool?>(StringComparer.Ordinal) { ["steady state"] = true, ["us customers moved to eu"] = r.Moved },
            TimeToUnhealthy = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal) { ["hc-us"] = r.Unhealthy is { } u ? TimeSpan.FromSeconds(u) : null },
            TimeToDnsMove = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal) { ["us-east-1 → api.example.test"] = r.Unhealthy is { } m ? TimeSpan.FromSeconds(m + 30) : null },
            Outage = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["us-customers"] = TimeSpan.FromSeconds(r.UsOutage), ["eu-customers"] = TimeSpan.FromSeconds(r.EuOutage) },
        }).ToList();
        var label = string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
        return SimulationSummary.Of(label, settings, Enumerable.Range(42, runs.Length).ToArray(), measures);
    }

    /// <summary>A sweep point's settings: <c>healthChecks.hc-us.interval</c> and <c>healthChecks.hc-us.failureThreshold</c>.</summary>
    public static KeyValuePair<string, string>[] At(string interval, string threshold) =>
        [new("healthChecks.hc-us.interval", interval), new("healthChecks.hc-us.failureThreshold", threshold)];

    /// <summary>A report of <paramref name="points"/> with plain metadata.</summary>
    public static Reports.Sweeps.SweepReport Report(params SimulationSummary[] points) => new()
    {
        Hypothesis = "Route 53 moves us customers to eu",
        ExperimentPath = "/samples/seed/experiment.yaml",
        TopologyName = "hello-api",
        TopologyPath = "/samples/seed/topology.yaml",
        Seeds = points[0].Seeds,
        WallTime = TimeSpan.FromSeconds(7.6),
        ToolVersion = "1.2.3",
        Points = points,
    };
}
