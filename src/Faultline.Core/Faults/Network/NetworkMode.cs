namespace Faultline.Core.Faults.Network;

/// <summary>What a <c>network</c> fault does to a connection or request.</summary>
public enum NetworkMode
{
    /// <summary>Requests get no answer (the caller times out).</summary>
    Blackhole,

    /// <summary>The connection is reset.</summary>
    Reset,

    /// <summary>A delay is added in each direction.</summary>
    Latency,
}
