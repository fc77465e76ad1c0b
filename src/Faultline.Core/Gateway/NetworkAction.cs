namespace Faultline.Core.Gateway;

/// <summary>What the network does to one request.</summary>
public enum NetworkAction
{
    /// <summary>Delivered (possibly late).</summary>
    Deliver,

    /// <summary>Held unanswered until the caller gives up.</summary>
    Blackhole,

    /// <summary>The connection is reset.</summary>
    Reset,
}
