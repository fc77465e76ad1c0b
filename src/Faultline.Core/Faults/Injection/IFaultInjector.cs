namespace Faultline.Core.Faults.Injection;

/// <summary>
/// What a fault kind does in the lab, kept in the kind's folder. A stage of the lab does not switch on option types:
/// it asks each active fault's injector for the interface it serves (<see cref="IFunctionFaultInjector"/>,
/// <see cref="INetworkFaultInjector"/>, <see cref="IDnsFaultInjector"/>, <see cref="IHealthCheckFaultInjector"/>),
/// matching the kind's <see cref="IFaultKind.ActsOn"/> (docs/architecture.md, "Fault kinds").
/// </summary>
public interface IFaultInjector;
