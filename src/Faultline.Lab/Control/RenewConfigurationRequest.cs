namespace Faultline.Lab.Control;

/// <summary>The body of <c>POST /v1/functions/renew</c>: extends the lease on an owner's configuration changes.</summary>
public sealed record RenewConfigurationRequest
{
    /// <summary>Whose changes (a run id).</summary>
    public required string Owner { get; init; }

    /// <summary>The new lease from now (lab time). Default 10 minutes.</summary>
    public TimeSpan Lease { get; init; } = FaultControlDefaults.Lease;
}
