namespace Faultline.Core.Functions;

/// <summary>The outcome of one invocation; the hot path returns outcomes instead of throwing.</summary>
public sealed record FunctionOutcome
{
    /// <summary>How the invocation ended.</summary>
    public required FunctionOutcomeKind Kind { get; init; }

    /// <summary>For <see cref="FunctionOutcomeKind.Succeeded"/>: the result when it is a well-formed proxy result.</summary>
    public LambdaProxyResult? Result { get; init; }

    /// <summary>
    /// For <see cref="FunctionOutcomeKind.Succeeded"/>: the raw output when the result was replaced by JSON text
    /// (the chaos extension's <c>DEFAULT_RESPONSE</c>) that is not a well-formed proxy result.
    /// </summary>
    public string? RawPayload { get; init; }

    /// <summary>For errors: what went wrong.</summary>
    public string? Error { get; init; }

    /// <summary>Whether a new execution environment was started (cold start).</summary>
    public bool ColdStart { get; init; }

    /// <summary>Latency injected by faults or the chaos extension's variables.</summary>
    public TimeSpan InjectedLatency { get; init; }

    /// <summary>Ids of the faults that acted on this invocation (the chaos extension shows as <c>chaos-extension</c>).</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];
}
