using Faultline.Core.Topology;

namespace Faultline.Core.Gateway;

/// <summary>
/// The custom-domain rule both engines, the linter and the diagnosis use: a region's gateway answers a Host only when
/// it is one of the region's custom domains, and then only paths under one of that domain's base path mappings (the
/// longest wins, and is removed before routing). A region that declares no custom domains answers every Host at
/// <c>/</c> (docs/topology.md, "Custom domains").
/// </summary>
/// <remarks>
/// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html,
/// https://repost.aws/knowledge-center/api-gateway-403-custom-domain.
/// </remarks>
public static class CustomDomainRouting
{
    /// <summary>The host name of a <c>Host</c> header value: the port and a trailing dot removed, lower case; <c>null</c> when absent.</summary>
    public static string? HostName(string? hostHeader)
    {
        if (string.IsNullOrWhiteSpace(hostHeader))
        {
            return null;
        }

        var host = hostHeader.Trim();
        if (host.StartsWith('['))
        {
            // An IPv6 literal: [::1]:8080.
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? host[..(close + 1)] : host;
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        return DnsName.Normalize(host);
    }

    /// <summary>Whether <paramref name="gateway"/> serves <paramref name="host"/> (a host name, see <see cref="HostName"/>) and <paramref name="path"/>.</summary>
    public static CustomDomainMatch Match(GatewayConfig gateway, string? host, string path)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(path);
        if (gateway.CustomDomains.Count == 0)
        {
            return new CustomDomainMatch(CustomDomainMatchKind.Served, path);
        }

        var domain = host is null ? null : gateway.CustomDomains.FirstOrDefault(d => string.Equals(d.Name, host, StringComparison.Ordinal));
        if (domain is null)
        {
            return new CustomDomainMatch(CustomDomainMatchKind.NoDomain, path);
        }

        string? best = null;
        foreach (var basePath in domain.BasePaths)
        {
            if (Covers(basePath, path) && (best is null || basePath.Length > best.Length))
            {
                best = basePath;
            }
        }

        if (best is null)
        {
            return new CustomDomainMatch(CustomDomainMatchKind.NoMapping, path);
        }

        var routed = best == "/" ? path : path[best.Length..];
        return new CustomDomainMatch(CustomDomainMatchKind.Served, routed.Length == 0 ? "/" : routed);
    }

    /// <summary>Whether the region declares custom domains and <paramref name="host"/> is not one of them.</summary>
    public static bool LacksDomain(GatewayConfig gateway, string host)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var name = DnsName.Normalize(host);
        return gateway.CustomDomains.Count > 0 && !gateway.CustomDomains.Any(d => string.Equals(d.Name, name, StringComparison.Ordinal));
    }

    private static bool Covers(string basePath, string path) =>
        basePath == "/"
        || (path.StartsWith(basePath, StringComparison.Ordinal) && (path.Length == basePath.Length || path[basePath.Length] == '/'));
}
