namespace Faultline.Core.Load;

/// <summary>How one load request ended.</summary>
public enum LoadOutcomeKind
{
    /// <summary>An HTTP response arrived (any status code).</summary>
    Response,

    /// <summary>The TCP connection could not be opened (refused, unreachable, connect timeout): the seed's <c>error_connect</c>.</summary>
    ConnectError,

    /// <summary>The URL's host did not resolve through the lab DNS (SERVFAIL, NXDOMAIN, no answer).</summary>
    DnsError,

    /// <summary>No response within the request timeout (lab time).</summary>
    Timeout,

    /// <summary>Anything else after connecting: a reset or a truncated response (the seed's <c>error_read</c>).</summary>
    OtherError,
}
