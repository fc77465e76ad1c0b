namespace Faultline.Core.Topology;

/// <summary>The hosted zone the lab's DNS server answers for.</summary>
public sealed record DnsConfig
{
    /// <summary>The zone apex, e.g. <c>example.test</c>, without a trailing dot.</summary>
    public required string Zone { get; init; }

    /// <summary>The records, in file order.</summary>
    public required IReadOnlyList<DnsRecord> Records { get; init; }

    /// <summary>
    /// How long a change in health takes to show in answers (Route 53 propagates within 60 s).
    /// Default zero: changes are visible at once.
    /// </summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Finds a record by name (case-insensitive, trailing dot ignored).</summary>
    public DnsRecord? FindRecord(string name)
    {
        var normalized = DnsName.Normalize(name);
        return Records.FirstOrDefault(r => string.Equals(r.Name, normalized, StringComparison.Ordinal));
    }
}
