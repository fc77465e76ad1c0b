using Faultline.Core.Faults;

namespace Faultline.Lab.Tests.Dns;

/// <summary>A fault state tests can change.</summary>
internal sealed class SettableFaultState : IFaultState
{
    private volatile ActiveFault[] _faults = [];

    public void Set(params ActiveFault[] faults) => _faults = faults;

    public IReadOnlyList<ActiveFault> Snapshot() => _faults;

    public static ActiveFault Fault(FaultOptions options, string target) => new()
    {
        Id = "f-" + target,
        Owner = "test",
        Spec = new FaultSpec { Options = options, Target = new FaultTarget() },
        Targets = [target],
        AppliedAt = DateTimeOffset.UnixEpoch,
        LeaseExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1),
    };
}
