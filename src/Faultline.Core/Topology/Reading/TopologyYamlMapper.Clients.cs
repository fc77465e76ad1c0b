using System.Globalization;
using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// The Clients part of the topology file; see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private List<ClientConfig> ReadClients(MappingReader root)
    {
        var result = new List<ClientConfig>();
        var clients = root.Mapping("clients", "clients");
        foreach (var (name, node) in clients.NamedEntries())
        {
            var what = $"client '{Echo.Value(name.Value)}'";
            var reader = MappingReader.Create(node, what, clients.ChildPath(name.Value), _context);
            var location = reader.RequiredString("location", "us-east-1") ?? string.Empty;
            var urlText = reader.RequiredString("url", "https://api.example.test/api/hello");
            Uri? url = null;
            if (urlText is not null)
            {
                if (Uri.TryCreate(urlText, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    url = uri;
                }
                else
                {
                    _context.Add(TopologyErrors.BadUrl(reader.LocationOf("url"), what, urlText));
                }
            }

            var rate = ReadRate(reader);
            var reuse = reader.Enum("connectionReuse", ConnectionReuseNames) ?? ConnectionReuse.KeepAlive;
            var maxConnections = reader.WholeNumber("maxConnections", 1, ClientConfig.MaxMaxConnections);
            if (maxConnections is < 1 or > ClientConfig.MaxMaxConnections)
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("maxConnections"), what, "maxConnections", maxConnections.Value.ToString(CultureInfo.InvariantCulture), "1", ClientConfig.MaxMaxConnections.ToString("N0", CultureInfo.InvariantCulture), "the lab's"));
                maxConnections = null;
            }

            reader.Complete();
            if (url is not null)
            {
                result.Add(new ClientConfig { Name = name.Value, Location = location, Url = url, RatePerSecond = rate ?? 0, ConnectionReuse = reuse, MaxConnections = maxConnections });
            }
        }

        return result;
    }

    private double? ReadRate(MappingReader reader)
    {
        var node = reader.Required("rate", "20/s");
        if (node is null || YamlValues.Scalar(node, reader.What, "rate", _context) is not { } scalar)
        {
            return null;
        }

        var outcome = Rates.Parse(scalar.Value, out var rate);
        if (outcome == ParseOutcome.OutOfRange)
        {
            _context.Error(scalar.Location, YamlErrors.OutOfRange(reader.What, "rate", scalar.Value), YamlErrors.OutOfRangeFix(Rates.Range));
            return null;
        }

        if (outcome != ParseOutcome.Valid)
        {
            _context.Add(TopologyErrors.BadRate(scalar.Location, reader.What, scalar.Value));
            return null;
        }

        if (rate <= 0)
        {
            _context.Add(TopologyErrors.RateNotPositive(scalar.Location, reader.What, scalar.Value));
            return null;
        }

        return rate;
    }
}
