using Faultline.Core.Faults;

namespace Faultline.Lab.Control;

/// <summary>The answer of <c>GET /v1/faults</c>: the active faults and the lab's clock, to compute lease left.</summary>
public sealed record FaultListResponse
{
    /// <summary>The lab time now.</summary>
    public required DateTimeOffset LabTime { get; init; }

    /// <summary>The active faults.</summary>
    public required IReadOnlyList<ActiveFault> Faults { get; init; }
}
