using System.Net;
using Faultline.Core.Runs;
using Faultline.Core.Addressing;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Host;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Host;
using Faultline.Lab.Load;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Runs.Labs;

/// <summary>
/// What both live engines share: lab time scaled from the wall clock, the host-timing monitor (every lab second
/// says how well this host kept time; docs/lab.md, "Host timing"), and the customers' load sent over real sockets
/// from this process through the lab's DNS to its gateways.
/// </summary>
public abstract class LiveRunLab : IRunLab
{
    private static readonly TimeSpan SteadyStateCatchUp = TimeSpan.FromSeconds(3);

    private readonly HostTimingMonitor _hostMonitor;
    private LoadGenerator? _load;

    /// <summary>Creates the shared parts for a run of <paramref name="topology"/>.</summary>
    protected LiveRunLab(Topology topology, RunOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Topology = topology;
        Options = options;
        Loggers = loggers;
        Clock = new ScaledTimeProvider(options.WallClock, options.TimeScale);
        Plan = AddressPlan.For(topology);
        HostBudget = HostBudget.For(topology, options.TimeScale);
        _hostMonitor = new HostTimingMonitor(Clock);
    }

    /// <inheritdoc />
    public RunEngine Engine => RunEngine.Live;

    /// <inheritdoc />
    public TimeProvider Time => Clock;

    /// <inheritdoc />
    public double TimeScale => Clock.Scale;

    /// <inheritdoc />
    public HostBudget? HostBudget { get; }

    /// <inheritdoc />
    public abstract Uri? ControlUrl { get; }


    /// <inheritdoc />
    public abstract bool IsOwn { get; }

    /// <inheritdoc />
    public virtual IReadOnlyDictionary<string, bool> InitialHealth { get; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>Lab time, scaled from the wall clock.</summary>
    protected ScaledTimeProvider Clock { get; }

    /// <summary>The topology.</summary>
    protected Topology Topology { get; }

    /// <summary>The run's options.</summary>
    protected RunOptions Options { get; }

    /// <summary>Loggers.</summary>
    protected ILoggerFactory Loggers { get; }

    /// <summary>The lab's addresses.</summary>
    protected AddressPlan Plan { get; }

    /// <summary>The run's sink, once started.</summary>
    protected IRunLabSink? Sink { get; private set; }

    /// <inheritdoc />
    public Task<T> DriveAsync<T>(Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run();
    }

    /// <inheritdoc />
    public async Task<IExperimentEffects> StartAsync(IRunLabSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Sink = sink;
        _hostMonitor.SecondCompleted += (_, second) => sink.OnHostSecond(second);
        _hostMonitor.Start();
        return await StartLabAsync(sink, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StartLoadAsync(IReadOnlyList<ClientConfig> populations, CancellationToken cancellationToken)
    {
        var sink = Sink ?? throw new InvalidOperationException("Start the lab before its load.");
        var (dnsPort, httpPort) = await PortsAsync(cancellationToken).ConfigureAwait(false);
        var resolver = new DnsStubResolver(new IPEndPoint(AddressPlan.DnsAddress, dnsPort), Clock);
        _load = new LoadGenerator(populations, Plan, resolver, httpPort, Clock, sink.Random.Derive(), logger: Loggers.CreateLogger<LoadGenerator>());
        _load.SecondCompleted += (_, second) => sink.OnSecond(second);
        _load.AnswerChanged += (_, change) => sink.Record(RunLabEvents.AnswerChanged(change, Plan));
        await _load.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Ramp(string population, double toRate, TimeSpan over) =>
        (_load ?? throw new InvalidOperationException("The load has not started."))[population].Ramp(toRate, over);

    /// <inheritdoc />
    public async Task<bool> CatchUpAsync(Func<bool> delivered, Func<Task> nextSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(nextSecond);

        // The baseline's last second is published a moment after it ends: wait for every population's, boundedly.
        using var catchUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        catchUp.CancelAfter(Clock.ToWall(SteadyStateCatchUp));
        try
        {
            while (!delivered())
            {
                await nextSecond().WaitAsync(catchUp.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task StopLoadAsync(CancellationToken cancellationToken)
    {
        if (_load is not null)
        {
            await _load.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask StopHostTimingAsync() => _hostMonitor.DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _hostMonitor.DisposeAsync().ConfigureAwait(false);
        if (_load is not null)
        {
            await _load.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeLabAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts or connects to the lab itself.</summary>
    protected abstract Task<IExperimentEffects> StartLabAsync(IRunLabSink sink, CancellationToken cancellationToken);

    /// <summary>The lab's DNS and gateway ports.</summary>
    protected abstract Task<(int DnsPort, int HttpPort)> PortsAsync(CancellationToken cancellationToken);

    /// <summary>Stops the lab's own parts.</summary>
    protected abstract ValueTask DisposeLabAsync();
}
