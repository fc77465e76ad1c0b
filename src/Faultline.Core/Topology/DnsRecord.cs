namespace Faultline.Core.Topology;

/// <summary>A DNS name with its routing policy and record sets.</summary>
public sealed record DnsRecord
{
    /// <summary>Route 53's recommended TTL for records with health checks: 60 s.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(60);

    /// <summary>The fully qualified name, normalized (lower case, no trailing dot).</summary>
    public required string Name { get; init; }

    /// <summary>The record type. Only <c>A</c> is answered today.</summary>
    public string Type { get; init; } = "A";

    /// <summary>The routing policy.</summary>
    public RoutingPolicy Routing { get; init; } = RoutingPolicy.Simple;

    /// <summary>TTL carried on answers of its plain (non-alias) sets. Default 60 s.</summary>
    public TimeSpan Ttl { get; init; } = DefaultTtl;

    /// <summary>The record sets. A simple record has exactly one.</summary>
    public required IReadOnlyList<RecordSet> Sets { get; init; }

    /// <summary>
    /// The longest TTL an answer of this record carries: <see cref="Ttl"/> for plain sets,
    /// <see cref="AliasTarget.TargetTtl"/> for alias sets (an alias has no TTL of its own). How long a client may
    /// keep an answer after it changes.
    /// </summary>
    public TimeSpan LongestAnswerTtl => Sets.Count == 0 ? Ttl : Sets.Max(AnswerTtl);

    /// <summary>The TTL an answer with <paramref name="set"/> carries: the alias target's for an alias, else <see cref="Ttl"/>.</summary>
    public TimeSpan AnswerTtl(RecordSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Alias is null ? Ttl : AliasTarget.TargetTtl;
    }
}
