namespace Faultline.Core.Faults.Dns;

/// <summary>What a <c>dns</c> fault does to queries for a record.</summary>
public enum DnsFaultMode
{
    /// <summary>Answer SERVFAIL.</summary>
    Servfail,

    /// <summary>Answer NXDOMAIN.</summary>
    Nxdomain,

    /// <summary>Answer correctly, late.</summary>
    Delay,
}
