namespace Faultline.Reports.Charts;

/// <summary>
/// Gives series that stand for something in a region that region's colour (<see cref="ChartColors.Region"/>): a health
/// check the colour of the region whose record set it guards, a population the colour of its location.
/// </summary>
internal sealed class SeriesColors
{
    private readonly Dictionary<string, string> _guarded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);

    public SeriesColors(Core.Topology.Topology? topology)
    {
        if (topology is null)
        {
            return;
        }

        foreach (var set in topology.Dns.Records.SelectMany(r => r.Sets).Where(s => s.HealthCheck is not null))
        {
            _guarded.TryAdd(set.HealthCheck!, set.Region);
        }

        foreach (var client in topology.Clients)
        {
            _locations.TryAdd(client.Name, client.Location);
        }
    }

    /// <summary>The colour of a health check: its guarded region's, else its own name's place in the palette.</summary>
    public string HealthCheck(string id) => ChartColors.Region(_guarded.GetValueOrDefault(id, id));

    /// <summary>" (guards us-east-1)" for a check that guards a region's record set, else nothing.</summary>
    public string Guards(string id) => _guarded.TryGetValue(id, out var region) ? $" (guards {region})" : string.Empty;

    /// <summary>The colour of a population: its location's, else its own name's place in the palette.</summary>
    public string Population(string name) => ChartColors.Region(_locations.GetValueOrDefault(name, name));
}
