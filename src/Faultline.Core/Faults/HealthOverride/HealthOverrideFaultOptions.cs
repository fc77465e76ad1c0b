namespace Faultline.Core.Faults.HealthOverride;

/// <summary><c>health-override</c>: forces a health check's status, to test DNS failover alone.</summary>
public sealed record HealthOverrideFaultOptions : FaultOptions
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.HealthOverride;

    /// <summary>The forced status. Default <see cref="HealthOverrideStatus.Unhealthy"/>.</summary>
    public HealthOverrideStatus Status { get; init; } = HealthOverrideStatus.Unhealthy;
}
