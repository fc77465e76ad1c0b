namespace Faultline.Core.Faults.Injection;

/// <summary>What a fault on a health check (<see cref="FaultScope.HealthCheck"/>) does to the check's status, asked by the health registry.</summary>
public interface IHealthCheckFaultInjector : IFaultInjector
{
    /// <summary>The status the fault forces on its check (<c>true</c>: healthy); the most recently applied fault wins.</summary>
    bool ForcedStatus(ActiveFault fault);
}
