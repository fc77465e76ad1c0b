using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Faultline.Core.Addressing;
using Faultline.Core.Faults;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Core.Time;
using Faultline.Lab.Control;
using Faultline.Lab.Dns;
using Faultline.Lab.Gateway;
using Faultline.Lab.Health;
using Faultline.Lab.Host;
using Faultline.Lab.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Topology = Faultline.Core.Topology.Topology;

namespace Faultline.Lab.Hosting;

/// <summary>
/// The local lab of one topology: gateways with their functions, the DNS server, the health checkers and
/// the fault control API, all on loopback, all on one scaled clock and one seeded random source.
/// Start it with <see cref="StartAsync"/>; disposing it reverts every fault, then stops everything.
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly ILogger<LabHost> _logger;
    private readonly ConcurrentDictionary<(string Location, string Name), string> _lastAnswers = new();
    private readonly HttpClient _upstreamClient;
    private readonly LabDnsServer _dns;
    private readonly GatewayServer _gateways;
    private readonly FaultControlServer _control;
    private readonly HostTimingMonitor _hostTiming;
    private bool _disposed;

    private LabHost(Topology topology, LabOptions options, ILoggerFactory loggerFactory)
    {
        Topology = topology;
        Options = options;
        _logger = loggerFactory.CreateLogger<LabHost>();
        Time = options.Clock ?? new ScaledTimeProvider(options.WallClock, options.TimeScale);
        Random = new RandomSource(options.Seed);
        Plan = AddressPlan.For(topology);
        _hostTiming = new HostTimingMonitor(Time);

        Faults = new FaultStore(topology, Time, Random.Derive());
        Health = new HealthRegistry(topology, Time, Faults);
        _upstreamClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Functions = new FunctionFleet(topology, Faults, Time, Random.Derive(), UpstreamHandler.Factory(_upstreamClient, Time, f => ProxyEvents.FormatFor(topology, f)));
        Gateway = new ApiGateway(topology, Functions, Time);
        GatewayMaxConnections = options.GatewayMaxConnections ?? DescriptorNeed.GatewayLimit(topology);
        _gateways = new GatewayServer(
            topology,
            Gateway,
            new NetworkPolicy(topology, Faults, Random.Derive()),
            Time,
            new GatewayServerOptions { MaxConnections = GatewayMaxConnections },
            loggerFactory.CreateLogger<GatewayServer>());
        var answerer = new ZoneAnswerer(topology, Health, Faults, Random.Derive());
        _dns = new LabDnsServer(answerer, Plan, Time, loggerFactory.CreateLogger<LabDnsServer>(), new LabDnsServerOptions { Port = options.DnsPort });
        _control = new FaultControlServer(
            Faults,
            new FaultControlOptions { Port = options.ControlPort, StateDirectory = options.StateDirectory },
            Time,
            Describe,
            loggerFactory.CreateLogger<FaultControlServer>(),
            Functions);
        CheckerRandom = Random.Derive();
        LoggerFactory = loggerFactory;
    }

    /// <summary>The topology the lab runs.</summary>
    public Topology Topology { get; }

    /// <summary>How the lab was started.</summary>
    public LabOptions Options { get; }

    /// <summary>Lab time.</summary>
    public ScaledTimeProvider Time { get; }

    /// <summary>The lab's seeded random source.</summary>
    public RandomSource Random { get; }

    /// <summary>The loopback address plan.</summary>
    public AddressPlan Plan { get; }

    /// <summary>The most connections the gateways keep open together (see <see cref="LabOptions.GatewayMaxConnections"/>).</summary>
    public long GatewayMaxConnections { get; }

    /// <summary>The faults active in the lab.</summary>
    public FaultStore Faults { get; }

    /// <summary>Health check status as Route 53 would see it.</summary>
    public HealthRegistry Health { get; }

    /// <summary>Every function's runtime (environment variables can be changed while running).</summary>
    public FunctionFleet Functions { get; }

    /// <summary>The API Gateway rules of every region.</summary>
    public ApiGateway Gateway { get; }

    /// <summary>The DNS server's endpoint (127.0.0.1, UDP and TCP).</summary>
    public IPEndPoint DnsEndPoint => _dns.EndPoint;

    /// <summary>The port every region's gateway listens on.</summary>
    public int HttpPort => _gateways.Port;

    /// <summary>The fault control API's URL.</summary>
    public Uri ControlUrl => _control.BaseAddress;

    /// <summary>The file holding the control API's token (owner-readable only).</summary>
    public string TokenFile => _control.TokenFile;

    /// <summary>The control API's token.</summary>
    public string Token => _control.Token;

    /// <summary>Raised on every DNS answer the lab's server gives.</summary>
    public event EventHandler<DnsAnswerEvent>? DnsAnswered
    {
        add => _dns.Answered += value;
        remove => _dns.Answered -= value;
    }

    /// <summary>Raised on every health probe.</summary>
    public event EventHandler<HealthProbeResult>? HealthProbed;

    private RandomSource CheckerRandom { get; }

    private ILoggerFactory LoggerFactory { get; }

    private HealthCheckerFleet? CheckerFleet { get; set; }

    /// <summary>The gateway URL of a region.</summary>
    public Uri GatewayUrl(string region) => _gateways.UrlOf(region);

    /// <summary>Starts every part of the lab; on failure, stops what had started and throws <see cref="LabStartException"/>.</summary>
    public static async Task<LabHost> StartAsync(Topology topology, LabOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        var host = new LabHost(topology, options, loggerFactory ?? NullLoggerFactory.Instance);
        try
        {
            await host.StartPartsAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Describes the lab as <c>GET /v1/lab</c> answers.</summary>
    public LabDescription Describe() => new()
    {
        Name = Topology.Name,
        Regions = Topology.Regions.Select(r => new LabRegionDescription { Name = r.Name, GatewayUrl = _gateways.Port == 0 ? null : _gateways.UrlOf(r.Name) }).ToArray(),
        DnsEndpoint = TryDnsEndpoint()?.ToString(),
        DnsPort = TryDnsEndpoint()?.Port,
        HttpPort = _gateways.Port == 0 ? null : _gateways.Port,
        TimeScale = Time.Scale,
        Seed = Random.Seed,
        Now = Time.GetUtcNow(),
        HealthChecks = Topology.HealthChecks.Select(h => new LabHealthCheckDescription
        {
            Id = h.Id,
            Healthy = Health.IsHealthy(h.Id),
            PercentageHealthy = Health.PercentageHealthy(h.Id),
            Fqdn = h.Fqdn,
        }).ToArray(),
        ControlUrl = _control.Port == 0 ? null : _control.BaseAddress,
    };

    /// <summary>Reverts every fault, then stops the health checkers, the DNS server, the gateways and the control API.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var active = Faults.All.Count;
        if (active > 0)
        {
            LabHostLog.RevertingOnStop(_logger, active);
        }

        Faults.Reset();
        Health.Transitioned -= OnHealthTransitioned;
        _dns.Answered -= OnDnsAnswered;
        if (CheckerFleet is not null)
        {
            CheckerFleet.Probed -= OnProbed;
            await CheckerFleet.DisposeAsync().ConfigureAwait(false);
        }

        await _dns.DisposeAsync().ConfigureAwait(false);
        await _gateways.DisposeAsync().ConfigureAwait(false);
        await _control.DisposeAsync().ConfigureAwait(false);
        await _hostTiming.DisposeAsync().ConfigureAwait(false);
        _upstreamClient.Dispose();
    }

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        Health.Transitioned += OnHealthTransitioned;
        _dns.Answered += OnDnsAnswered;

        // Overrides change health without a probe; make the change visible to DNS at once.
        Faults.Applied += (_, e) => RefreshOnOverride(e.Fault);
        Faults.Reverted += (_, e) => RefreshOnOverride(e.Fault);

        await BindAsync("gateways", "--http-port", Options.HttpPort, () => _gateways.StartAsync(Options.HttpPort, cancellationToken)).ConfigureAwait(false);
        await BindAsync("DNS server", "--dns-port", Options.DnsPort, () => _dns.StartAsync(cancellationToken)).ConfigureAwait(false);

        var resolver = new DnsStubResolver(_dns.EndPoint, Time);
        // The probes' limits leave out the time this host stalls (docs/lab.md, "Host timing").
        _hostTiming.Start();
        CheckerFleet = new HealthCheckerFleet(Topology, Health, resolver, _gateways.Port, Time, CheckerRandom, LoggerFactory.CreateLogger<HealthCheckerFleet>(), _hostTiming);
        CheckerFleet.Probed += OnProbed;
        await CheckerFleet.StartAsync(cancellationToken).ConfigureAwait(false);

        // Last: the control API writes the token and descriptor files, which tell clients the lab is ready.
        await BindAsync("fault control API", "--control-port", Options.ControlPort, () => _control.StartAsync(cancellationToken)).ConfigureAwait(false);
    }

    private static async Task BindAsync(string part, string option, int port, Func<Task> start)
    {
        try
        {
            await start().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsAddressInUse(ex))
        {
            throw new LabStartException($"the {part} could not listen on port {port}: it is in use; stop what uses it, or pass {option} 0 to pick a free port", ex);
        }
    }

    private static bool IsAddressInUse(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private IPEndPoint? TryDnsEndpoint()
    {
        try
        {
            return _dns.EndPoint;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void RefreshOnOverride(ActiveFault fault)
    {
        if (FaultKindRegistry.Get(fault.Spec.Kind).ActsOn == FaultScope.HealthCheck)
        {
            Health.Refresh();
        }
    }

    private void OnProbed(object? sender, HealthProbeResult e) => HealthProbed?.Invoke(this, e);

    private void OnHealthTransitioned(object? sender, HealthTransition e)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var checkers = Topology.HealthChecks.FirstOrDefault(c => string.Equals(c.Id, e.CheckId, StringComparison.Ordinal))?.Checkers ?? Core.Topology.HealthCheckConfig.DefaultCheckers;
        var healthy = HealthWords.HealthyCheckers(e.PercentageHealthy, checkers);
        var percent = HealthWords.Percent(e.PercentageHealthy);
        LabHostLog.HealthChanged(_logger, e.CheckId, e.Healthy ? "healthy" : "unhealthy", healthy, checkers, percent);
    }

    private void OnDnsAnswered(object? sender, DnsAnswerEvent e)
    {
        if (e.Outcome.Kind is DnsOutcomeKind.Refused)
        {
            return;
        }

        var answer = e.Outcome.Kind == DnsOutcomeKind.Answer
            ? $"{string.Join(", ", e.Addresses)} ({string.Join(", ", e.Outcome.Regions)})"
            : e.Outcome.Kind.ToString().ToUpperInvariant();
        var key = (e.Location, e.Name);
        var previous = _lastAnswers.GetValueOrDefault(key);
        if (!string.Equals(previous, answer, StringComparison.Ordinal))
        {
            _lastAnswers[key] = answer;

            // The first answer per location is the baseline, not a change worth a line.
            if (previous is not null)
            {
                LabHostLog.DnsAnswerChanged(_logger, e.Location, e.Name, answer);
            }
        }
    }
}
