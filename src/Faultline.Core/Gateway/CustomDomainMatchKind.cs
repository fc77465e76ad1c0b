namespace Faultline.Core.Gateway;

/// <summary>Whether a region's gateway serves a request's Host and path (<see cref="CustomDomainRouting"/>).</summary>
public enum CustomDomainMatchKind
{
    /// <summary>Served: the Host is a custom domain of the region (or the region declares none) and a base path mapping covers the path.</summary>
    Served,

    /// <summary>The Host is no custom domain of the region: 403 Forbidden.</summary>
    NoDomain,

    /// <summary>The Host is a custom domain of the region, but no base path mapping covers the path: 403 Forbidden.</summary>
    NoMapping,
}
