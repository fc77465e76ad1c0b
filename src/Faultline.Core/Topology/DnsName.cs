namespace Faultline.Core.Topology;

/// <summary>DNS name normalization: lower case, no trailing dot.</summary>
public static class DnsName
{
    /// <summary>Lower-cases a name and drops a trailing dot.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.TrimEnd('.').ToLowerInvariant();
    }
}
