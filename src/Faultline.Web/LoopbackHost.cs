using System.Net;
using Microsoft.AspNetCore.Http;

namespace Faultline.Web;

/// <summary>
/// The rule the loopback-only servers (fault control API, dashboard) apply to the <c>Host</c> header: they
/// answer only requests addressed to a loopback name, so a web page the user visits cannot reach them through
/// DNS rebinding (a hostile name that resolves to 127.0.0.1 still carries its own name). Others get 421.
/// </summary>
public static class LoopbackHost
{
    /// <summary>The names a request may be addressed to, for messages.</summary>
    public const string Names = "127.0.0.1, localhost and [::1]";

    /// <summary>Whether <paramref name="host"/> (a <c>Host</c> header's name, without the port) is a loopback name or address.</summary>
    public static bool IsLoopback(string? host) =>
        host is "localhost" or "[::1]" or "::1"
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Whether <paramref name="request"/> is addressed to a loopback name or address.</summary>
    public static bool IsAddressedToLoopback(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsLoopback(request.Host.Host);
    }
}
