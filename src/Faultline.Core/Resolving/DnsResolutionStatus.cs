namespace Faultline.Core.Resolving;

/// <summary>How a lookup through the lab DNS ended.</summary>
public enum DnsResolutionStatus
{
    /// <summary>NOERROR with at least one address.</summary>
    Success,

    /// <summary>NOERROR without addresses.</summary>
    NoData,

    /// <summary>NXDOMAIN.</summary>
    NxDomain,

    /// <summary>SERVFAIL.</summary>
    ServFail,

    /// <summary>REFUSED.</summary>
    Refused,

    /// <summary>Another rcode, or an unreadable answer.</summary>
    Error,

    /// <summary>No answer within the timeout, over every attempt.</summary>
    Timeout,
}
