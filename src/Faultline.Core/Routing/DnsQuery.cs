namespace Faultline.Core.Routing;

/// <summary>A DNS question and who asks it.</summary>
/// <param name="Name">The queried name (case and trailing dot ignored).</param>
/// <param name="Type">The record type mnemonic, e.g. <c>A</c>, <c>AAAA</c>, <c>SOA</c>.</param>
/// <param name="Location">The querier's location, or <c>null</c> when unknown (answered as the first location).</param>
public sealed record DnsQuery(string Name, string Type, string? Location);
