namespace Faultline.Lab.Control;

/// <summary>The answer of <c>GET /v1/functions</c>.</summary>
public sealed record FunctionListResponse
{
    /// <summary>Every function of the lab, in topology order.</summary>
    public required IReadOnlyList<FunctionDescription> Functions { get; init; }
}
