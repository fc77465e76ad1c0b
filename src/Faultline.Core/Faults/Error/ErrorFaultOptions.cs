namespace Faultline.Core.Faults.Error;

/// <summary><c>error</c>: the invocation fails, as FIS <c>aws:lambda:invocation-error</c>.</summary>
public sealed record ErrorFaultOptions : FaultOptions
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Error;

    /// <summary>Whether the handler is skipped (default <c>true</c>); otherwise it runs and its result is discarded.</summary>
    public bool PreventExecution { get; init; } = true;
}
