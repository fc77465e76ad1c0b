using Faultline.Core.Faults;

namespace Faultline.Core.Tests.Routing;

/// <summary>A settable fault state for tests.</summary>
internal sealed class FakeFaultState : IFaultState
{
    public List<ActiveFault> Faults { get; } = [];

    public IReadOnlyList<ActiveFault> Snapshot() => [.. Faults];

    public static ActiveFault Fault(FaultOptions options, string target, double percentage = 100) => new()
    {
        Id = "f-" + target,
        Owner = "test",
        Spec = new FaultSpec { Options = options, Target = new FaultTarget(), Percentage = percentage },
        Targets = [target],
        AppliedAt = DateTimeOffset.UnixEpoch,
        LeaseExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1),
    };
}
