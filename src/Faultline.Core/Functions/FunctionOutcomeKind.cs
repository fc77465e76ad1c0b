namespace Faultline.Core.Functions;

/// <summary>How an invocation ended.</summary>
public enum FunctionOutcomeKind
{
    /// <summary>The function returned a result (possibly replaced by a fault).</summary>
    Succeeded,

    /// <summary>The function failed (its code threw, or an <c>error</c> fault).</summary>
    FunctionError,

    /// <summary>The function ran past its timeout (injected latency counts).</summary>
    Timeout,

    /// <summary>The invocation was rejected: concurrency exhausted or throttled by a fault.</summary>
    Throttled,
}
