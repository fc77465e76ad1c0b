namespace Faultline.Core.Routing;

/// <summary>What the zone answers to a query.</summary>
public enum DnsOutcomeKind
{
    /// <summary>NOERROR with addresses.</summary>
    Answer,

    /// <summary>NOERROR without answers: the name exists, but not with the asked type.</summary>
    NoData,

    /// <summary>NXDOMAIN: the name is in the zone but does not exist (or a <c>dns</c> fault says so).</summary>
    NxDomain,

    /// <summary>SERVFAIL, from a <c>dns</c> fault.</summary>
    ServFail,

    /// <summary>REFUSED: the name is outside the zone.</summary>
    Refused,
}
