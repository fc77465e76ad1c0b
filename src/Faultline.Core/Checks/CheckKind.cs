using System.Text.Json.Serialization;

namespace Faultline.Core.Checks;

/// <summary>The kind of a hypothesis check, as reports name it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckKind>))]
public enum CheckKind
{
    /// <summary>A measure over customer traffic (success rate, status-class rates, latency, region share, requests).</summary>
    Traffic,
    /// <summary>A health check must turn healthy or unhealthy within a time.</summary>
    HealthTransition,
    /// <summary>A location's DNS answer for a name must point to a region within a time.</summary>
    DnsAnswer,
}
