using Faultline.Core.Experiments.Execution;

namespace Faultline.Lab.Control;

/// <summary>The answer of <c>POST /v1/functions/restore</c>: each function put back, before and after.</summary>
public sealed record RestoreFunctionsResponse
{
    /// <summary>The functions restored (only those that had changed).</summary>
    public required IReadOnlyList<ConfigurationChange> Restored { get; init; }
}
