namespace Faultline.Core.Topology;

/// <summary>Route 53 health check types the lab implements.</summary>
public enum HealthCheckType
{
    /// <summary>HTTP: connect within 4 s, then 2xx/3xx within 2 s.</summary>
    Http,

    /// <summary>HTTPS: as HTTP (certificates are not validated; the lab speaks plain HTTP).</summary>
    Https,

    /// <summary>HTTP plus a search string in the first 5,120 bytes of the body.</summary>
    HttpStrMatch,

    /// <summary>HTTPS plus a search string in the first 5,120 bytes of the body.</summary>
    HttpsStrMatch,

    /// <summary>TCP: connect within 10 s.</summary>
    Tcp,
}
