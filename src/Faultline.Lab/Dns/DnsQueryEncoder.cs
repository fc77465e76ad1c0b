using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Faultline.Lab.Dns;

/// <summary>Encodes a one-question query (ARSoft.Tools.Net parses messages but keeps its encoder internal).</summary>
internal static class DnsQueryEncoder
{
    private const ushort TypeA = 1;
    private const ushort TypeOpt = 41;
    private const ushort ClassIn = 1;
    private const ushort OptionClientSubnet = 8;
    private const ushort UdpPayloadSize = 1232;

    /// <summary>The query bytes: header, question, and an OPT record with a client-subnet option when <paramref name="clientSubnet"/> is given.</summary>
    public static byte[] Encode(ushort id, string name, IPAddress? clientSubnet, ushort type = TypeA)
    {
        var buffer = new List<byte>(64);
        AddUShort(buffer, id);
        AddUShort(buffer, 0x0100); // RD set, as stub resolvers do; the lab server is authoritative either way.
        AddUShort(buffer, 1);
        AddUShort(buffer, 0);
        AddUShort(buffer, 0);
        AddUShort(buffer, (ushort)(clientSubnet is null ? 0 : 1));
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length > 63)
            {
                throw new ArgumentException($"'{name}' has a label longer than 63 characters.", nameof(name));
            }

            buffer.Add((byte)bytes.Length);
            buffer.AddRange(bytes);
        }

        buffer.Add(0);
        AddUShort(buffer, type);
        AddUShort(buffer, ClassIn);

        if (clientSubnet is not null)
        {
            var address = clientSubnet.MapToIPv4().GetAddressBytes();
            buffer.Add(0); // root name
            AddUShort(buffer, TypeOpt);
            AddUShort(buffer, UdpPayloadSize);
            buffer.AddRange([0, 0, 0, 0]); // extended rcode, version, flags
            AddUShort(buffer, (ushort)(4 + 4 + address.Length));
            AddUShort(buffer, OptionClientSubnet);
            AddUShort(buffer, (ushort)(4 + address.Length));
            AddUShort(buffer, 1); // family IPv4
            buffer.Add(32); // source prefix length
            buffer.Add(0); // scope prefix length
            buffer.AddRange(address);
        }

        return [.. buffer];
    }

    private static void AddUShort(List<byte> buffer, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        buffer.Add(bytes[0]);
        buffer.Add(bytes[1]);
    }
}
