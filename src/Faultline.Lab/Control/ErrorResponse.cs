namespace Faultline.Lab.Control;

/// <summary>The body of every error answer of the control API (4xx, and 500 for an unexpected failure).</summary>
public sealed record ErrorResponse
{
    /// <summary>What is wrong, and what to do.</summary>
    public required string Error { get; init; }
}
