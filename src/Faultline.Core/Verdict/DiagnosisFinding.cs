namespace Faultline.Core.Verdict;

/// <summary>
/// One reason a hypothesis was refuted: a stable <see cref="Code"/> (see <see cref="DiagnosisCodes"/>), a headline
/// that names what went wrong, the evidence it rests on, and the fix when one is known.
/// </summary>
public sealed record DiagnosisFinding
{
    /// <summary>The rule that found it, e.g. <c>health-check-probes-other-region</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The reason in one sentence.</summary>
    public required string Headline { get; init; }

    /// <summary>What was observed that shows it, one line each.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>What to change, or <c>null</c>.</summary>
    public string? Fix { get; init; }

    /// <summary>The health check concerned, if any.</summary>
    public string? HealthCheck { get; init; }

    /// <summary>The population concerned, if any.</summary>
    public string? Population { get; init; }

    /// <summary>The region concerned (the one guarded, or the one clients were stuck on), if any.</summary>
    public string? Region { get; init; }
}
