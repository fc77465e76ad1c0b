
namespace Faultline.Core.Resolving;

/// <summary>A load request's host did not resolve through the lab DNS.</summary>
public sealed class DnsLookupException : Exception
{
    /// <summary>Creates the exception for a failed lookup.</summary>
    public DnsLookupException(string host, DnsResolutionStatus status)
        : base($"'{host}' did not resolve through the lab DNS: {status}.")
    {
        Host = host;
        Status = status;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DnsLookupException()
        : this(string.Empty, DnsResolutionStatus.Error)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DnsLookupException(string message)
        : base(message)
    {
        Host = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DnsLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = string.Empty;
    }

    /// <summary>The host looked up.</summary>
    public string Host { get; }

    /// <summary>How the lookup ended.</summary>
    public DnsResolutionStatus Status { get; }
}
