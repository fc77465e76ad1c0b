using Faultline.Core.Functions;

namespace Faultline.Core.Faults.Injection;

/// <summary>
/// What a function fault does to one invocation before its handler: fail it (<see cref="Error"/>) or replace its result
/// (<see cref="Result"/>), at once or after the handler ran (<see cref="PreventExecution"/>). The function runtime
/// combines the effects of several faults: a failure that prevents execution ends the invocation; a replacement that
/// prevents execution ends it unless a failure is pending; otherwise the first failure, else the first replacement, wins
/// after the handler.
/// </summary>
public sealed record InvocationFaultEffect
{
    private InvocationFaultEffect(string? error, LambdaProxyResult? result, bool preventExecution)
    {
        Error = error;
        Result = result;
        PreventExecution = preventExecution;
    }

    /// <summary>The error the invocation fails with, or <c>null</c> when the effect replaces the result.</summary>
    public string? Error { get; }

    /// <summary>The result that replaces the handler's, or <c>null</c> when the effect fails the invocation.</summary>
    public LambdaProxyResult? Result { get; }

    /// <summary>Whether the handler is skipped.</summary>
    public bool PreventExecution { get; }

    /// <summary>The invocation fails with <paramref name="error"/>.</summary>
    public static InvocationFaultEffect Fail(string error, bool preventExecution) => new(error, null, preventExecution);

    /// <summary>The invocation's result is <paramref name="result"/>.</summary>
    public static InvocationFaultEffect Replace(LambdaProxyResult result, bool preventExecution) => new(null, result, preventExecution);
}
