namespace Faultline.Lab.Control;

/// <summary>The body of every 4xx answer of the control API.</summary>
public sealed record ErrorResponse
{
    /// <summary>What is wrong, and what to do.</summary>
    public required string Error { get; init; }
}
