namespace Faultline.Core.Functions;

/// <summary>
/// Thrown by a handler whose code answered with something other than a proxy result: a function error, or output
/// API Gateway cannot read. <see cref="FunctionRuntime"/> returns <see cref="Outcome"/> as the invocation's outcome.
/// </summary>
public sealed class FunctionReplyException : Exception
{
    /// <summary>Creates the exception for a <see cref="FunctionOutcomeKind.FunctionError"/> or raw-payload outcome.</summary>
    public FunctionReplyException(FunctionOutcome outcome)
        : base(outcome?.Error ?? outcome?.RawPayload ?? "function reply")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Outcome = outcome;
    }

    /// <summary>Creates the exception with a message (a function error).</summary>
    public FunctionReplyException(string message)
        : this(new FunctionOutcome { Kind = FunctionOutcomeKind.FunctionError, Error = message })
    {
    }

    /// <summary>Creates the exception with no detail (a function error).</summary>
    public FunctionReplyException()
        : this("function error")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (a function error).</summary>
    public FunctionReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Outcome = new FunctionOutcome { Kind = FunctionOutcomeKind.FunctionError, Error = message };
    }

    /// <summary>The invocation's outcome.</summary>
    public FunctionOutcome Outcome { get; }
}
