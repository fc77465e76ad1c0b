namespace Faultline.Core.Topology;

/// <summary>One deployment of the API: its gateway and its functions.</summary>
public sealed record Region
{
    /// <summary>The region id, e.g. <c>us-east-1</c>. Also a location.</summary>
    public required string Name { get; init; }

    /// <summary>The region's API Gateway settings.</summary>
    public required GatewayConfig Gateway { get; init; }

    /// <summary>The region's functions, in file order.</summary>
    public required IReadOnlyList<FunctionConfig> Functions { get; init; }
}
