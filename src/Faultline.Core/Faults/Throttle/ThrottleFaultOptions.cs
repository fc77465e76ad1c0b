namespace Faultline.Core.Faults.Throttle;

/// <summary><c>throttle</c>: limits concurrency, as setting Lambda reserved concurrency; 0 throttles every invocation.</summary>
public sealed record ThrottleFaultOptions : FaultOptions
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Throttle;

    /// <summary>Concurrent invocations allowed. Default 0.</summary>
    public int Concurrency { get; init; }
}
