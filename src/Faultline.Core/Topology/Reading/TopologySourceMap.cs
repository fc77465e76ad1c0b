using Faultline.Core.Diagnostics;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// Where each part of a topology was written, so diagnostics found later (lint, run diagnosis) can point at
/// the line. Paths follow the file: <c>healthChecks/hc-us/fqdn</c>, <c>dns/records/api.example.test/sets/us</c>,
/// <c>regions/us-east-1/functions/hello/route</c>, <c>clients/us-customers</c>, <c>locations/eu-west-1</c>.
/// </summary>
public sealed class TopologySourceMap
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    /// <summary>Creates a map from recorded paths.</summary>
    public TopologySourceMap(IReadOnlyDictionary<string, SourceLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        _locations = locations;
    }

    /// <summary>A map that knows no locations (for topologies built in code).</summary>
    public static TopologySourceMap Empty { get; } = new(new Dictionary<string, SourceLocation>());

    /// <summary>The location recorded for a path, or <c>null</c>.</summary>
    public SourceLocation? Find(string path) => _locations.GetValueOrDefault(path);

    /// <summary>Where a location is listed in <c>locations</c>.</summary>
    public SourceLocation? Location(string name) => Find($"locations/{name}");

    /// <summary>Where a region is defined.</summary>
    public SourceLocation? Region(string name) => Find($"regions/{name}");

    /// <summary>Where a function is defined; with <paramref name="key"/>, where that key's value is (else the function).</summary>
    public SourceLocation? Function(string region, string name, string? key = null) =>
        KeyOr($"regions/{region}/functions/{name}", key);

    /// <summary>Where a health check is defined; with <paramref name="key"/>, where that key's value is (else the check).</summary>
    public SourceLocation? HealthCheck(string id, string? key = null) => KeyOr($"healthChecks/{id}", key);

    /// <summary>Where a DNS record is defined (by normalized name); with <paramref name="key"/>, that key's value.</summary>
    public SourceLocation? Record(string name, string? key = null) => KeyOr($"dns/records/{name}", key);

    /// <summary>Where a record set is defined; with <paramref name="key"/>, that key's value. Falls back to the record.</summary>
    public SourceLocation? Set(string recordName, string setId, string? key = null) =>
        KeyOr($"dns/records/{recordName}/sets/{setId}", key) ?? Record(recordName, key);

    /// <summary>Where a client population is defined; with <paramref name="key"/>, that key's value.</summary>
    public SourceLocation? Client(string name, string? key = null) => KeyOr($"clients/{name}", key);

    private SourceLocation? KeyOr(string path, string? key) =>
        key is not null && Find($"{path}/{key}") is { } located ? located : Find(path);
}
