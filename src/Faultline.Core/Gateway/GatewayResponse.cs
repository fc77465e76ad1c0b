namespace Faultline.Core.Gateway;

/// <summary>The HTTP response a region's gateway sends.</summary>
public sealed record GatewayResponse
{
    /// <summary>The status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Headers, in order (always including <see cref="GatewayResponses.RegionHeader"/>).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body bytes.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The first value of a header (case-insensitive), or <c>null</c>.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
