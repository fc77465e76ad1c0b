using System.Text;
using Faultline.Core.Topology;

namespace Faultline.Core.Health;

/// <summary>
/// What makes one Route 53 health-check probe pass, the rule both engines use: a TCP check passes when the
/// connection opens within <see cref="TcpConnectTimeout"/>; an HTTP(S) check when it connects within
/// <see cref="HttpConnectTimeout"/> and the status (2xx or 3xx) arrives within <see cref="ResponseTimeout"/> after
/// that, and a string-match check also needs its search string in the first <see cref="SearchBytes"/> bytes of
/// the body (docs/fidelity.md, "Route 53 health checks").
/// </summary>
/// <remarks>
/// Source: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
/// ("establish a TCP connection with the endpoint within four seconds", "2xx or 3xx within two seconds after
/// connecting", TCP "within ten seconds", the string "must appear entirely in the first 5,120 bytes").
/// </remarks>
public static class HealthProbeRules
{
    /// <summary>Route 53: an HTTP(S) checker must connect within four seconds.</summary>
    public static readonly TimeSpan HttpConnectTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Route 53: after connecting, the response (status line; body for string matching) within two seconds.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Route 53: a TCP checker must connect within ten seconds.</summary>
    public static readonly TimeSpan TcpConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Route 53 searches the first 5,120 bytes of the body for the search string.</summary>
    public const int SearchBytes = 5120;

    /// <summary>The reason a probe whose name did not resolve failed.</summary>
    public static string DnsFailed(string status) => $"DNS resolution failed ({status})";

    /// <summary>The reason a connection that did not open in time failed.</summary>
    public const string ConnectTimedOut = "Failure: Connection timed out";

    /// <summary>The reason a response that did not come in time failed.</summary>
    public const string ResponseTimedOut = "Failure: HTTP response timed out";

    /// <summary>The reason a reset connection failed.</summary>
    public const string ConnectionReset = "Failure: connection reset";

    /// <summary>The connect limit of a check type: <see cref="TcpConnectTimeout"/> for TCP, <see cref="HttpConnectTimeout"/> otherwise.</summary>
    public static TimeSpan ConnectTimeout(HealthCheckType type) => type == HealthCheckType.Tcp ? TcpConnectTimeout : HttpConnectTimeout;

    /// <summary>
    /// Whether a checker connected in time: within <see cref="ConnectTimeout"/> of the check's type (at the limit
    /// counts as within); <c>null</c>, never connected, fails.
    /// </summary>
    public static bool ConnectedInTime(HealthCheckConfig check, TimeSpan? connectTime)
    {
        ArgumentNullException.ThrowIfNull(check);
        return connectTime is { } time && time <= ConnectTimeout(check.Type);
    }

    /// <summary>Whether a check's probes need the body (string matching).</summary>
    public static bool ReadsBody(HealthCheckConfig check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Type is HealthCheckType.HttpStrMatch or HealthCheckType.HttpsStrMatch;
    }

    /// <summary>
    /// Judges an HTTP(S) response that arrived in time: <c>null</c> when the probe passes, otherwise the reason
    /// (Route 53's wording where it has one).
    /// </summary>
    /// <param name="check">The health check.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="bodyPrefix">The body's first bytes (at most <see cref="SearchBytes"/>); only string-match checks look at it.</param>
    public static string? Judge(HealthCheckConfig check, int status, ReadOnlySpan<byte> bodyPrefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (status is < 200 or >= 400)
        {
            return $"Failure: HTTP Status Code {status}";
        }

        if (ReadsBody(check))
        {
            var prefix = bodyPrefix.Length > SearchBytes ? bodyPrefix[..SearchBytes] : bodyPrefix;
            var needle = Encoding.UTF8.GetBytes(check.SearchString ?? string.Empty);
            if (prefix.IndexOf(needle) < 0)
            {
                return "Failure: search string not found in the first 5,120 bytes";
            }
        }

        return null;
    }
}
