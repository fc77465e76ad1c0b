using System.Globalization;
using Faultline.Core.Diagnostics;

namespace Faultline.Lab.Limits;

/// <summary>The descriptor check's messages, in one place: the wording is API and pinned by tests.</summary>
public static class DescriptorErrors
{
    /// <summary>The need is above what the process may open, even after trying to raise the soft limit.</summary>
    /// <param name="result">A <see cref="DescriptorCheckOutcome.Refused"/> result.</param>
    /// <param name="topologyPath">The topology file, named in the fix.</param>
    public static Diagnostic TooFew(DescriptorCheckResult result, string topologyPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var need = result.Need;
        var limit = result.Before ?? new DescriptorLimit(0, 0);
        return Diagnostic.Error(
            null,
            $"this needs up to {N(need.Total)} open file descriptors ({Parts(need)}), but the process may open only {N(limit.Soft)} (ulimit -n; hard limit {N(limit.Hard)})",
            $"raise the limit with 'ulimit -n {N(need.Total, grouped: false)}' (above the hard limit needs root or /etc/security/limits.conf) and run again, or lower the clients' rate or set a smaller maxConnections in {topologyPath}");
    }

    /// <summary>The line printed when the soft limit was raised.</summary>
    public static string Raised(DescriptorCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"raised the open-file limit from {N(result.Before?.Soft ?? 0)} to {N(result.Soft ?? 0)}: this needs up to {N(result.Need.Total)} ({Parts(result.Need)})";
    }

    private static string Parts(DescriptorNeed need)
    {
        var parts = new List<string>();
        Add(parts, need.LoadConnections, "load connections");
        Add(parts, need.GatewayConnections, "gateway connections");
        Add(parts, need.UpstreamConnections, "upstream connections");
        Add(parts, need.HealthCheckConnections, "health probes");
        parts.Add($"{N(DescriptorNeed.Reserve)} reserved");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, long count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{N(count)} {what}");
        }
    }

    private static string N(long value, bool grouped = true) =>
        value == long.MaxValue ? "unlimited" : value.ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture);
}
