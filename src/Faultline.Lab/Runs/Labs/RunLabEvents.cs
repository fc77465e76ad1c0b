using System.Net;
using Faultline.Core.Addressing;
using Faultline.Core.Health;
using Faultline.Core.Resolving;
using Faultline.Core.Runs;
using Faultline.Core.Topology;

namespace Faultline.Lab.Runs.Labs;

/// <summary>The run events every engine reports the same way.</summary>
public static class RunLabEvents
{
    /// <summary>A population's cached answer changed.</summary>
    public static DnsAnswerChanged AnswerChanged(DnsAnswerChange change, AddressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(plan);
        return new DnsAnswerChanged
        {
            At = change.At,
            Location = change.Location,
            Name = change.Host,
            Addresses = change.Current.Select(a => a.ToString()).ToArray(),
            Regions = change.Current.Select(plan.RegionAt).OfType<string>().ToArray(),
        };
    }

    /// <summary>A health check flipped.</summary>
    public static HealthChanged HealthChanged(HealthTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new HealthChanged { At = transition.At, HealthCheck = transition.CheckId, Healthy = transition.Healthy, PercentageHealthy = transition.PercentageHealthy };
    }

    /// <summary>The share of checkers that see a health check healthy changed.</summary>
    public static HealthShareChanged ShareChanged(HealthShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return new HealthShareChanged { At = share.At, HealthCheck = share.CheckId, PercentageHealthy = share.PercentageHealthy };
    }

    /// <summary>The address a checker's probes reach, as an event.</summary>
    public static HealthProbeTargetChanged ProbeTarget(DateTimeOffset at, string checkId, string location, IPAddress? address, Topology topology, AddressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(plan);
        return new HealthProbeTargetChanged
        {
            At = at,
            HealthCheck = checkId,
            Fqdn = topology.FindHealthCheck(checkId)?.Fqdn ?? string.Empty,
            Location = location,
            Address = address?.ToString(),
            Region = address is null ? null : plan.RegionAt(address),
        };
    }
}
