using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Faultline.Core.Resolving;

namespace Faultline.Lab.Dns;

/// <summary>
/// The lab's own stub resolver (load generator, health checkers): asks the lab DNS server for A records
/// over UDP from a chosen source address — the lab routes by it — retries on timeout, and repeats the
/// query over TCP when the UDP answer is truncated. Timeouts are lab time. Thread-safe.
/// </summary>
public sealed class DnsStubResolver
{
    private const int MaxUdpMessage = 4096;

    private readonly IPEndPoint _server;
    private readonly TimeProvider _timeProvider;
    private readonly DnsStubResolverOptions _options;
    private int _nextId;

    /// <summary>Creates a resolver that asks <paramref name="server"/> (the lab DNS server's bound endpoint).</summary>
    public DnsStubResolver(IPEndPoint server, TimeProvider timeProvider, DnsStubResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _server = server;
        _timeProvider = timeProvider;
        _options = options ?? new DnsStubResolverOptions();
        _nextId = (int)(timeProvider.GetTimestamp() & 0xFFFF);
    }

    /// <summary>Resolves <paramref name="host"/> to IPv4 addresses, asking from <paramref name="source"/>. An IP literal resolves to itself.</summary>
    public Task<DnsResolution> ResolveAsync(string host, IPAddress source, CancellationToken cancellationToken) =>
        ResolveAsync(host, source, clientSubnet: null, cancellationToken);

    /// <summary>
    /// Resolves <paramref name="host"/>, asking from <paramref name="source"/>, with an EDNS client-subnet
    /// option naming <paramref name="clientSubnet"/> when given (the server then answers for that subnet's location).
    /// </summary>
    public async Task<DnsResolution> ResolveAsync(string host, IPAddress source, IPAddress? clientSubnet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(source);
        if (IPAddress.TryParse(host, out var literal))
        {
            return new DnsResolution { Status = DnsResolutionStatus.Success, Addresses = [literal], Ttl = TimeSpan.MaxValue, ReturnCode = 0 };
        }

        var id = (ushort)Interlocked.Increment(ref _nextId);
        var query = DnsQueryEncoder.Encode(id, host, clientSubnet);
        for (var attempt = 0; attempt < Math.Max(1, _options.Attempts); attempt++)
        {
            var response = await ExchangeUdpAsync(query, id, source, cancellationToken);
            if (response is null)
            {
                continue;
            }

            if (response.IsTruncated)
            {
                response = await ExchangeTcpAsync(query, id, source, cancellationToken);
                if (response is null)
                {
                    continue;
                }
            }

            return ToResolution(response);
        }

        return new DnsResolution { Status = DnsResolutionStatus.Timeout };
    }

    private static DnsResolution ToResolution(DnsMessage response)
    {
        var addresses = response.AnswerRecords.OfType<ARecord>().ToArray();
        var status = response.ReturnCode switch
        {
            ReturnCode.NoError => addresses.Length > 0 ? DnsResolutionStatus.Success : DnsResolutionStatus.NoData,
            ReturnCode.NxDomain => DnsResolutionStatus.NxDomain,
            ReturnCode.ServerFailure => DnsResolutionStatus.ServFail,
            ReturnCode.Refused => DnsResolutionStatus.Refused,
            _ => DnsResolutionStatus.Error,
        };
        return new DnsResolution
        {
            Status = status,
            Addresses = addresses.Select(a => a.Address).ToArray(),
            Ttl = addresses.Length > 0 ? TimeSpan.FromSeconds(addresses.Min(a => a.TimeToLive)) : TimeSpan.Zero,
            ReturnCode = (int)response.ReturnCode,
        };
    }

    private async Task<DnsMessage?> ExchangeUdpAsync(byte[] query, ushort id, IPAddress source, CancellationToken cancellationToken)
    {
        using var socket = new Socket(_server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(source, 0));
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var buffer = new byte[MaxUdpMessage];
        try
        {
            await socket.SendToAsync(query, SocketFlags.None, _server, linked.Token);
            while (true)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), linked.Token);
                if (!_server.Equals(received.RemoteEndPoint) || received.ReceivedBytes < 12)
                {
                    continue;
                }

                var message = TryParse(new ArraySegment<byte>(buffer, 0, received.ReceivedBytes));
                if (message is not null && message.TransactionID == id)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // ICMP port unreachable and friends: the server is not there, which a resolver sees as a timeout.
            return null;
        }
    }

    private async Task<DnsMessage?> ExchangeTcpAsync(byte[] query, ushort id, IPAddress source, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var socket = new Socket(_server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(_server, linked.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var framed = new byte[query.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
            query.CopyTo(framed, 2);
            await stream.WriteAsync(framed, linked.Token);
            var lengthBytes = new byte[2];
            await stream.ReadExactlyAsync(lengthBytes, linked.Token);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthBytes)];
            await stream.ReadExactlyAsync(message, linked.Token);
            var parsed = TryParse(new ArraySegment<byte>(message));
            return parsed is not null && parsed.TransactionID == id ? parsed : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return null;
        }
    }

    private static DnsMessage? TryParse(ArraySegment<byte> bytes)
    {
        try
        {
            return DnsMessage.Parse(bytes);
        }
#pragma warning disable CA1031 // A malformed datagram is ignored like any stray packet; ARSoft throws several exception types.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
