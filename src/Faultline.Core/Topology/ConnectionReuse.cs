namespace Faultline.Core.Topology;

/// <summary>How a client population reuses connections.</summary>
public enum ConnectionReuse
{
    /// <summary>Connections are kept alive and reused until closed.</summary>
    KeepAlive,

    /// <summary>Every request opens a new connection (and so honours the latest DNS answer).</summary>
    PerRequest,
}
