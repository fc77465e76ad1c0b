namespace Faultline.Lab.Control;

/// <summary>A region of a running lab.</summary>
public sealed record LabRegionDescription
{
    /// <summary>The region id.</summary>
    public required string Name { get; init; }

    /// <summary>The region's gateway URL, or <c>null</c> when the gateways are not running.</summary>
    public Uri? GatewayUrl { get; init; }
}
