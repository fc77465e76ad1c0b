namespace Faultline.Core.Faults;

/// <summary>
/// What a fault acts on. Function kinds select functions by region, function name, route and tags (all
/// given filters must match). <c>network</c> selects a region's gateway (optionally only from some
/// locations), <c>dns</c> a record, <c>health-override</c> a health check.
/// </summary>
public sealed record FaultTarget
{
    /// <summary>A region name.</summary>
    public string? Region { get; init; }

    /// <summary>A function name (within the region, or in every region when no region is given).</summary>
    public string? Function { get; init; }

    /// <summary>A route key such as <c>GET /api/hello</c>, or just its path.</summary>
    public string? Route { get; init; }

    /// <summary>Tags that must all match.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A DNS record name, for <c>dns</c>.</summary>
    public string? Record { get; init; }

    /// <summary>A health check id, for <c>health-override</c>.</summary>
    public string? HealthCheck { get; init; }

    /// <summary>For <c>network</c>: only callers from these locations are affected; empty means all.</summary>
    public IReadOnlyList<string> FromLocations { get; init; } = [];

    /// <summary>How many of the matching resources are selected.</summary>
    public SelectionMode Selection { get; init; } = SelectionMode.All;
}
