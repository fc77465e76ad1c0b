using Faultline.Core.Time;

namespace Faultline.Lab.Hosting;

/// <summary>How a lab is started: its ports, clock and seed.</summary>
public sealed record LabOptions
{
    /// <summary>The DNS server's port on 127.0.0.1 (UDP and TCP). 0 picks a free one. Default 0.</summary>
    public int DnsPort { get; init; }

    /// <summary>The port every region's gateway listens on. 0 picks a free one. Default 0.</summary>
    public int HttpPort { get; init; }

    /// <summary>The fault control API's port on 127.0.0.1. 0 picks a free one. Default 0.</summary>
    public int ControlPort { get; init; }

    /// <summary>Lab seconds per wall second. Default 1.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>The seed of the lab's one random source. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where the token and descriptor files go; <c>null</c> means <c>$FAULTLINE_HOME</c> or <c>~/.faultline</c>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The wall clock the lab's scaled clock runs from. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most connections the gateways keep open together (Kestrel closes any beyond at once). Default <c>null</c>:
    /// <see cref="Limits.DescriptorNeed.GatewayLimit(Faultline.Core.Topology.Topology)"/>, the connection bounds of
    /// the topology's clients at their rates, plus the health checkers, plus 64.
    /// </summary>
    public long? GatewayMaxConnections { get; init; }

    /// <summary>The lab clock to use as is (its scale wins over <see cref="TimeScale"/>); <c>null</c> makes one from <see cref="WallClock"/>.</summary>
    public ScaledTimeProvider? Clock { get; init; }
}
