using System.Net;
using Faultline.Core.Health;

namespace Faultline.Core.Addressing;

/// <summary>
/// The lab's loopback address plan: the k-th location (1-based) owns <c>127.0.k.0/24</c>; a region's
/// gateway listens on <c>127.0.k.1</c>, customers there send from <c>127.0.k.100</c> and health
/// checkers from <c>127.0.k.200</c>. A Route 53 checker region that is not a location of the topology probes from
/// <c>127.1.j.200</c>, j its 1-based number in <see cref="CheckerRegions.All"/>, so the lab DNS and the gateways know
/// where its probes come from. The DNS server listens on <c>127.0.0.1</c>.
/// </summary>
public sealed class AddressPlan
{
    /// <summary>At most this many locations fit the plan (third octet 1–254).</summary>
    public const int MaxLocations = 254;

    /// <summary>The DNS server's address.</summary>
    public static readonly IPAddress DnsAddress = IPAddress.Loopback;

    /// <summary>The second octet of the checker regions' own addresses: <c>127.1.j.0/24</c>.</summary>
    private const byte CheckerOctet = 1;

    private readonly Dictionary<string, int> _indexes;
    private readonly IReadOnlyList<string> _locations;

    /// <summary>Creates the plan for locations in order.</summary>
    public AddressPlan(IReadOnlyList<string> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        if (locations.Count > MaxLocations)
        {
            throw new ArgumentException($"At most {MaxLocations} locations fit the loopback address plan.", nameof(locations));
        }

        _locations = locations;
        _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < locations.Count; i++)
        {
            _indexes[locations[i]] = i + 1;
        }
    }

    /// <summary>Creates the plan of a topology.</summary>
    public static AddressPlan For(Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new AddressPlan(topology.Locations);
    }

    /// <summary>The locations in plan order.</summary>
    public IReadOnlyList<string> Locations => _locations;

    /// <summary>The 1-based index of a location.</summary>
    public int IndexOf(string location) =>
        _indexes.TryGetValue(location, out var index) ? index : throw new ArgumentException($"'{location}' is not a location of the topology.", nameof(location));

    /// <summary>The gateway address of a region: <c>127.0.k.1</c>.</summary>
    public IPAddress GatewayAddress(string region) => Address(IndexOf(region), 1);

    /// <summary>The address customers at a location send from: <c>127.0.k.100</c>.</summary>
    public IPAddress CustomerAddress(string location) => Address(IndexOf(location), 100);

    /// <summary>
    /// The address health checkers at a location send from: <c>127.0.k.200</c>; for a Route 53 checker region that is
    /// not a location, <c>127.1.j.200</c> (j its number in <see cref="CheckerRegions.All"/>).
    /// </summary>
    public IPAddress CheckerAddress(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!_indexes.ContainsKey(location) && CheckerRegions.NumberOf(location) is var number and > 0)
        {
            return new IPAddress([127, CheckerOctet, (byte)number, 200]);
        }

        return Address(IndexOf(location), 200);
    }

    /// <summary>
    /// The location an address belongs to (its <c>127.0.k.0/24</c>), the checker region of a <c>127.1.j.0/24</c>, or
    /// <c>null</c> when none does.
    /// </summary>
    public string? LocationOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes.Length == 4 && bytes[0] == 127 && bytes[1] == CheckerOctet)
        {
            return bytes[2] >= 1 && bytes[2] <= CheckerRegions.All.Count ? CheckerRegions.All[bytes[2] - 1] : null;
        }

        if (bytes.Length != 4 || bytes[0] != 127 || bytes[1] != 0)
        {
            return null;
        }

        var index = bytes[2];
        return index >= 1 && index <= _locations.Count ? _locations[index - 1] : null;
    }

    /// <summary>The region whose gateway listens on an address, or <c>null</c>.</summary>
    public string? RegionAt(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var location = LocationOf(address);
        var bytes = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).GetAddressBytes();
        return location is not null && bytes[1] == 0 && bytes[3] == 1 ? location : null;
    }

    private static IPAddress Address(int index, int host) => new([127, 0, (byte)index, (byte)host]);
}
