namespace Faultline.Lab.Control;

/// <summary>The body of <c>POST /v1/faults/{id}/renew</c>.</summary>
public sealed record RenewFaultRequest
{
    /// <summary>The new lease from now (lab time). Default 10 minutes.</summary>
    public TimeSpan Lease { get; init; } = FaultControlDefaults.Lease;
}
