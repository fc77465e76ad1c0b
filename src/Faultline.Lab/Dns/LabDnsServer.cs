using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Faultline.Core.Addressing;
using Faultline.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Dns;

/// <summary>
/// The lab's authoritative DNS server (UDP and TCP on one port of <c>127.0.0.1</c>): every query is
/// decided by the Core <see cref="ZoneAnswerer"/>, for the location of the querier — from an EDNS
/// client-subnet option when it names a lab location, else from the source address, else the first
/// location. Message parsing and encoding are ARSoft.Tools.Net's.
/// </summary>
public sealed class LabDnsServer : IAsyncDisposable
{
    private const int MaxPortAttempts = 20;
    private const int TransportTimeoutMs = 5000;
    private const int SoaTtlSeconds = 900;
    private const int NegativeTtlSeconds = 60;

    private readonly ZoneAnswerer _answerer;
    private readonly AddressPlan _plan;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LabDnsServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly DomainName _zone;
    private DnsServer? _server;
    private IPEndPoint? _endPoint;

    /// <summary>Creates a server; call <see cref="StartAsync"/> to listen.</summary>
    public LabDnsServer(ZoneAnswerer answerer, AddressPlan plan, TimeProvider timeProvider, ILogger<LabDnsServer>? logger = null, LabDnsServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _answerer = answerer;
        _plan = plan;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _options = options ?? new LabDnsServerOptions();
        _zone = DomainName.Parse(answerer.Zone);
    }

    /// <summary>Raised after every answer (on a thread-pool thread; handlers must not throw).</summary>
    public event EventHandler<DnsAnswerEvent>? Answered;

    /// <summary>The bound endpoint (UDP and TCP share it). Only valid after <see cref="StartAsync"/>.</summary>
    public IPEndPoint EndPoint => _endPoint ?? throw new InvalidOperationException("The lab DNS server has not been started.");

    /// <summary>Binds UDP and TCP on the configured port (0: a free one, the same for both) and starts answering.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The lab DNS server is already started.");
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var port = _options.Port != 0 ? _options.Port : FindFreePort(_options.Address);
            var endPoint = new IPEndPoint(_options.Address, port);
            var server = new DnsServer(
                new UdpServerTransport(endPoint, TransportTimeoutMs),
                new TcpServerTransport(endPoint, TransportTimeoutMs, TransportTimeoutMs));
            server.QueryReceived += OnQueryReceivedAsync;
            server.ExceptionThrown += OnExceptionThrownAsync;
            try
            {
                server.Start();
            }
            catch (SocketException) when (_options.Port == 0 && attempt < MaxPortAttempts)
            {
                // Another process took the probed port in the meantime: try another.
                DnsLog.PortTaken(_logger, port);
                StopQuietly(server);
                continue;
            }

            _server = server;
            _endPoint = endPoint;
            DnsLog.Listening(_logger, _answerer.Zone, endPoint);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_server is not null)
        {
            StopQuietly(_server);
            _server = null;
        }

        _stopping.Dispose();
    }

    private static void StopQuietly(DnsServer server)
    {
        try
        {
            server.Stop();
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is OperationCanceledException or ObjectDisposedException))
        {
            // ARSoft's Stop surfaces its own cancelled receive loops.
        }
        catch (ObjectDisposedException)
        {
            // Stopping a server whose transports failed to bind: nothing left to release.
        }
        catch (NullReferenceException)
        {
            // ARSoft's Stop assumes a fully started server.
        }
    }

    private static int FindFreePort(IPAddress address)
    {
        // ARSoft's transports do not publish the port they bound, so a free one is probed for UDP and TCP
        // together and bound right after; StartAsync retries if someone takes it in between. A UDP port
        // that is free can still be taken for TCP, so the probe itself tries several.
        for (var attempt = 1; ; attempt++)
        {
            using var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException) when (attempt < MaxPortAttempts)
            {
                // Taken for TCP: probe another.
            }
        }
    }

    private Task OnExceptionThrownAsync(object sender, ExceptionEventArgs e)
    {
        DnsLog.QueryFailed(_logger, e.Exception);
        return Task.CompletedTask;
    }

    private async Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return;
        }

        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        response.IsRecursionAllowed = false;
        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            e.Response = response;
            return;
        }

        var question = query.Questions[0];
        var type = question.RecordType.ToString().ToUpperInvariant();
        var outcome = _answerer.Answer(new Core.Routing.DnsQuery(question.Name.ToString(), type, LocationOf(query, e.RemoteEndpoint)));
        if (outcome.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(outcome.Delay, _timeProvider, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        Fill(response, question, outcome);
        EchoClientSubnet(query, response);
        e.Response = response;

        DnsLog.Answered(_logger, type, outcome.Name, e.RemoteEndpoint, outcome.Location, outcome.Kind, outcome.Addresses);
        Answered?.Invoke(this, new DnsAnswerEvent
        {
            At = _timeProvider.GetUtcNow(),
            Source = e.RemoteEndpoint,
            Transport = e.TransportProtocol == TransportProtocol.Tcp ? "tcp" : "udp",
            Type = type,
            Outcome = outcome,
        });
    }

    private string? LocationOf(DnsMessage query, IPEndPoint remote)
    {
        var subnet = query.EDnsOptions?.Options.OfType<ClientSubnetOption>().FirstOrDefault();
        if (subnet is not null && _plan.LocationOf(subnet.Address) is { } fromSubnet)
        {
            return fromSubnet;
        }

        return _plan.LocationOf(remote.Address);
    }

    private static void EchoClientSubnet(DnsMessage query, DnsMessage response)
    {
        // RFC 7871: echo the option with a scope; answers differ per location, i.e. per /24.
        var subnet = query.EDnsOptions?.Options.OfType<ClientSubnetOption>().FirstOrDefault();
        if (subnet is null)
        {
            return;
        }

        response.EDnsOptions ??= new OptRecord(query.EDnsOptions!.UdpPayloadSize);
        response.EDnsOptions.Options.RemoveAll(o => o is ClientSubnetOption);
        response.EDnsOptions.Options.Add(new ClientSubnetOption(subnet.SourceNetmask, 24, subnet.Address));
    }

    private void Fill(DnsMessage response, DnsQuestion question, DnsOutcome outcome)
    {
        var ttl = (int)Math.Min(int.MaxValue, Math.Max(0, outcome.Ttl.TotalSeconds));
        switch (outcome.Kind)
        {
            case DnsOutcomeKind.Answer:
                response.ReturnCode = ReturnCode.NoError;
                foreach (var address in outcome.Addresses)
                {
                    response.AnswerRecords.Add(new ARecord(question.Name, ttl, address));
                }

                break;
            case DnsOutcomeKind.NoData when question.Name.Equals(_zone) && question.RecordType == RecordType.Soa:
                response.ReturnCode = ReturnCode.NoError;
                response.AnswerRecords.Add(Soa());
                break;
            case DnsOutcomeKind.NoData when question.Name.Equals(_zone) && question.RecordType == RecordType.Ns:
                response.ReturnCode = ReturnCode.NoError;
                response.AnswerRecords.Add(new NsRecord(_zone, SoaTtlSeconds, NameServer()));
                break;
            case DnsOutcomeKind.NoData:
                response.ReturnCode = ReturnCode.NoError;
                response.AuthorityRecords.Add(Soa());
                break;
            case DnsOutcomeKind.NxDomain:
                response.ReturnCode = ReturnCode.NxDomain;
                response.AuthorityRecords.Add(Soa());
                break;
            case DnsOutcomeKind.ServFail:
                response.IsAuthoritiveAnswer = false;
                response.ReturnCode = ReturnCode.ServerFailure;
                break;
            default:
                response.IsAuthoritiveAnswer = false;
                response.ReturnCode = ReturnCode.Refused;
                break;
        }
    }

    private DomainName NameServer() => DomainName.Parse("ns1." + _answerer.Zone);

    // Route 53's SOA defaults: refresh 7200, retry 900, expire 1209600, negative-caching TTL 86400 (the
    // lab uses 60 so negative answers do not stick through a short run).
    private SoaRecord Soa() => new(
        _zone,
        SoaTtlSeconds,
        NameServer(),
        DomainName.Parse("hostmaster." + _answerer.Zone),
        1,
        7200,
        900,
        1209600,
        NegativeTtlSeconds);
}
