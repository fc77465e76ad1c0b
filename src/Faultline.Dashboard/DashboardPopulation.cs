namespace Faultline.Dashboard;

/// <summary>A population's last lab second.</summary>
/// <param name="Name">The population.</param>
/// <param name="Attempts">Requests with an outcome in that second.</param>
/// <param name="SuccessRate">Share of them with a 2xx (0–100), when there were any.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P99Ms">99th percentile latency, ms.</param>
/// <param name="Regions">Responses per serving region.</param>
public sealed record DashboardPopulation(string Name, long Attempts, double? SuccessRate, double? P50Ms, double? P99Ms, IReadOnlyDictionary<string, long> Regions);
