using System.Net;
using Faultline.Core.Addressing;
using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Host;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Runs;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Core.Verdict;
using Faultline.Lab.Control;
using Faultline.Lab.Dns;
using Faultline.Lab.Health;
using Faultline.Lab.Host;
using Faultline.Lab.Hosting;
using Faultline.Lab.Limits;
using Faultline.Lab.Load;
using Faultline.Lab.Runs.Effects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Runs;

/// <summary>
/// Runs one experiment end to end: a run folder and journal, the lab (its own, or a running one), the
/// customer load, the FIS-style schedule with its steady-state gate and stop conditions, and at the end the
/// checks, the verdict and <c>result.json</c>. Faults always revert: the scheduler reverts them, the lab
/// reverts whatever is left when it stops, and leases lapse if this process dies. A fault its own lab reverted
/// because the run's lease lapsed (this process was paused) is reported to the scheduler at once; a running lab
/// (<c>--lab</c>) that stops answering its health poll (<see cref="RunOptions.LabUnreachablePolls"/> failed polls in a
/// row over at least <see cref="RunOptions.LabUnreachableAfter"/> of wall time) ends the run as failed, logged once.
/// </summary>
public sealed class ExperimentRunner : IAsyncDisposable
{
    private static readonly TimeSpan SteadyStateCatchUp = TimeSpan.FromSeconds(3);

    private readonly Experiment _experiment;
    private readonly Topology _topology;
    private readonly RunOptions _options;
    private readonly IRunObserver? _observer;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ScaledTimeProvider _clock;
    private readonly RandomSource _random;
    private readonly AddressPlan _plan;
    private readonly List<RunEvent> _events = [];
    private readonly List<LoadSecond> _traffic = [];
    private readonly List<HostSecond> _host = [];
    private readonly HostBudget _hostBudget;
    private readonly HostTimingMonitor _hostMonitor;
    private readonly Dictionary<string, DateTimeOffset> _delivered = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Check, string Location), string?> _probeTargets = [];
    private readonly Dictionary<string, bool> _polledHealth = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<StopConditionMonitor> _monitors = [];
    private readonly HttpClient _http;
    private RunDirectory? _directory;
    private RunJournal? _journal;
    private LabHost? _lab;
    private LoadGenerator? _load;
    private ExperimentScheduler? _scheduler;
    private ITimer? _healthPoll;
    private FaultControlClient? _remote;
    private IReadOnlyList<CheckResult>? _steadyState;
    private TaskCompletionSource _trafficArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _polling;
    private int _pollFailures;
    private long _firstPollFailure;
    private DateTimeOffset _firstPollFailureAt;
    private int _labLost;

    private ExperimentRunner(Experiment experiment, Topology topology, RunOptions options, IRunObserver? observer, ILoggerFactory loggers)
    {
        _experiment = experiment;
        _topology = topology;
        _options = options;
        _observer = observer;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ExperimentRunner>();
        _clock = new ScaledTimeProvider(options.WallClock, options.TimeScale);
        _random = new RandomSource(options.Seed);
        _plan = AddressPlan.For(topology);
        _hostBudget = HostBudget.For(topology, options.TimeScale);
        _hostMonitor = new HostTimingMonitor(_clock);
        _hostMonitor.SecondCompleted += (_, second) => OnHostSecond(second);

        // Bounded: a lab that hangs must not hold a revert or a poll for HttpClient's default 100 s.
        _http = new HttpClient { Timeout = options.LabCallTimeout };
    }

    /// <summary>Runs the experiment; cancelling the token stops it in order (faults reverted, state <c>stopped</c>).</summary>
    public static async Task<RunOutcome> RunAsync(Experiment experiment, Topology topology, RunOptions options, IRunObserver? observer, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        await using var runner = new ExperimentRunner(experiment, topology, options, observer, loggers ?? NullLoggerFactory.Instance);
        return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the load and the lab if still running; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        await _hostMonitor.DisposeAsync().ConfigureAwait(false);
        if (_healthPoll is not null)
        {
            await _healthPoll.DisposeAsync().ConfigureAwait(false);
        }

        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync().ConfigureAwait(false);
        }

        if (_load is not null)
        {
            await _load.DisposeAsync().ConfigureAwait(false);
        }

        if (_lab is not null)
        {
            await _lab.DisposeAsync().ConfigureAwait(false);
        }

        _journal?.Dispose();
        _http.Dispose();
    }

    private static string? RegionOf(AddressPlan plan, string address) =>
        IPAddress.TryParse(address, out var ip) ? plan.RegionAt(ip) : null;

    private async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(_options.ExperimentPath) is { Length: > 0 } file && file != "experiment" ? $"{_topology.Name}-{file}" : _topology.Name;
        _directory = RunDirectory.Create(_options.RunsRoot, name, _clock, _random.Derive());
        _journal = RunJournal.Create(
            _directory.JournalPath,
            new RunHeader
            {
                RunId = _directory.RunId,
                ExperimentPath = _options.ExperimentPath,
                ExperimentText = _options.ExperimentText,
                TopologyPath = _options.TopologyPath,
                TopologyText = _options.TopologyText,
                Seed = _options.Seed,
                TimeScale = _options.TimeScale,
                StartedAt = _clock.GetUtcNow(),
                ToolVersion = _options.ToolVersion,
            },
            _clock,
            failure => RunLog.JournalWriteFailed(_logger, failure.Operation, failure.Audit, failure.Exception.Message));

        // From here on, every lab second says how well this host kept time: results that rest on seconds it did not
        // are host-impaired (docs/lab.md, "Host timing").
        _hostMonitor.Start();
        foreach (var condition in _experiment.StopConditions)
        {
            _monitors.Add(new StopConditionMonitor(condition, Populations().Select(p => p.Name)));
        }

        IExperimentEffects effects = _options.LabUrl is null ? await StartOwnLabAsync(cancellationToken).ConfigureAwait(false) : await ConnectToLabAsync(cancellationToken).ConfigureAwait(false);
        _scheduler = new ExperimentScheduler(_experiment, effects, _clock, new ExperimentSchedulerOptions { Owner = _directory.RunId, Lease = _options.EffectiveLease(_clock.Scale) }, Record);
        Notify(o => o.OnStarted(new RunStarted
        {
            RunId = _directory.RunId,
            Directory = _directory.FullPath,
            LabTime = _clock,
            TimeScale = _clock.Scale,
            Seed = _options.Seed,
            ControlUrl = _lab?.ControlUrl ?? _options.LabUrl!,
            ControlToken = _lab?.Token ?? _options.LabToken,
            Populations = Populations().Select(p => p.Name).ToArray(),
            OwnLab = _lab is not null,
            HostBudget = _hostBudget,
        }));

        var hooks = new ExperimentHooks
        {
            InitiateAsync = StartLoadAsync,
            SteadyStateAsync = SteadyStateAsync,
        };

        RunState finalState;
        try
        {
            finalState = await _scheduler.RunAsync(hooks, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (_load is not null)
            {
                await _load.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            // The run's evidence ends here; seconds measured while it winds down would only be noise.
            await _hostMonitor.DisposeAsync().ConfigureAwait(false);
        }

        var observations = Observe(finalState, RunEndPhases());

        // The steady state is what the gate saw before any fault; re-measured afterwards, the baseline's last
        // second would include requests the first fault already touched.
        var checks = CheckEvaluator.Evaluate(observations)
            .Select(c => c.IsSteadyState && _steadyState?.FirstOrDefault(s => s.Number == c.Number) is { } gate ? gate : c)
            .ToArray();
        var verdict = VerdictEngine.Decide(observations, checks);
        foreach (var check in checks)
        {
            Record(check.ToEvent(_clock.GetUtcNow()));
        }

        _journal.WritePhases(observations.Phases);
        _journal.WriteCheckResults("final", checks);
        _journal.WriteVerdict(verdict);
        _journal.Complete(finalState);
        ResultJson.Write(_directory.ResultPath, new RunResultDocument
        {
            RunId = _directory.RunId,
            Experiment = _options.ExperimentPath,
            Topology = _options.TopologyPath,
            Seed = _options.Seed,
            TimeScale = _clock.Scale,
            FinalState = finalState,
            Verdict = verdict,
        });

        return new RunOutcome
        {
            RunId = _directory.RunId,
            Directory = _directory.FullPath,
            Verdict = verdict,
            FinalState = finalState,
            FailedJournalWrites = _journal.FailedWrites,
        };
    }

    private IReadOnlyList<ClientConfig> Populations() => RunPopulations.Of(_experiment, _topology, LoadGeneratorOptions.DefaultRequestTimeout);


    private async Task<IExperimentEffects> StartOwnLabAsync(CancellationToken cancellationToken)
    {
        _lab = await LabHost.StartAsync(_topology, new LabOptions { Seed = _options.Seed, Clock = _clock, GatewayMaxConnections = DescriptorNeed.GatewayLimit(Populations(), _topology) }, _loggers, cancellationToken).ConfigureAwait(false);
        _lab.Health.Transitioned += (_, t) => Record(new HealthChanged { At = t.At, HealthCheck = t.CheckId, Healthy = t.Healthy, PercentageHealthy = t.PercentageHealthy });
        _lab.HealthProbed += OnProbed;
        _lab.Faults.Reverted += OnLabFaultReverted;
        return new LabExperimentEffects(_lab.Faults, _lab.Functions, _random.Derive());
    }

    private async Task<IExperimentEffects> ConnectToLabAsync(CancellationToken cancellationToken)
    {
        _remote = new FaultControlClient(_http, _options.LabUrl!, _options.LabToken ?? string.Empty);
        var lab = await _remote.GetLabAsync(cancellationToken).ConfigureAwait(false);
        var missing = _topology.Regions.Select(r => r.Name).Except(lab.Regions.Select(r => r.Name), StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || lab.DnsPort is null || lab.HttpPort is null)
        {
            throw new InvalidOperationException(
                $"the lab at {_options.LabUrl} runs topology '{lab.Name}' (regions {string.Join(", ", lab.Regions.Select(r => r.Name))}), which lacks {string.Join(", ", missing)} of the experiment's topology; start the lab with the experiment's topology or pass --topology");
        }

        foreach (var check in lab.HealthChecks)
        {
            _polledHealth[check.Id] = check.Healthy;
        }

        // A running lab's health is seen by polling its control API every lab second.
        _healthPoll = _clock.CreateTimer(_ => _ = PollHealthAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return new RemoteExperimentEffects(_remote, _topology, _random.Derive());
    }

    /// <summary>The own lab reverted a fault: one of this run's whose lease lapsed is reported to the scheduler at once.</summary>
    private void OnLabFaultReverted(object? sender, FaultRevertedEventArgs e)
    {
        if (e.Reason == FaultRevertReason.LeaseExpired && _directory is not null && string.Equals(e.Fault.Owner, _directory.RunId, StringComparison.Ordinal))
        {
            // The lease lapsed at its expiry (the fault stopped applying then), whenever the sweep got to it.
            _scheduler?.ReportLapsed(e.Fault.Id, e.Fault.LeaseExpiresAt);
        }
    }

    private async Task PollHealthAsync()
    {
        // One poll at a time: a lab that hangs is not asked again before its poll has timed out.
        if (Volatile.Read(ref _labLost) != 0 || Interlocked.Exchange(ref _polling, 1) != 0)
        {
            return;
        }

        var asked = _clock.GetUtcNow();
        var askedWall = _options.WallClock.GetTimestamp();
        try
        {
            var lab = await _remote!.GetLabAsync(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _pollFailures, 0);
            foreach (var check in lab.HealthChecks)
            {
                bool changed;
                lock (_lock)
                {
                    changed = !_polledHealth.TryGetValue(check.Id, out var was) || was != check.Healthy;
                    _polledHealth[check.Id] = check.Healthy;
                }

                if (changed)
                {
                    Record(new HealthChanged { At = _clock.GetUtcNow(), HealthCheck = check.Id, Healthy = check.Healthy, PercentageHealthy = check.PercentageHealthy });
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or FaultControlException or TaskCanceledException or IOException)
        {
            RunLog.HealthPollFailed(_logger, ex.Message);
            OnPollFailed(asked, askedWall, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    /// <summary>
    /// Counts a failed poll; after <see cref="RunOptions.LabUnreachablePolls"/> in a row spanning at least
    /// <see cref="RunOptions.LabUnreachableAfter"/> of wall time (so a pause of this process alone, after which the
    /// next poll succeeds, never counts), the lab is lost: one problem, one log line, and the run ends as failed.
    /// </summary>
    private void OnPollFailed(DateTimeOffset asked, long askedWall, string error)
    {
        int failures;
        long first;
        DateTimeOffset firstAt;
        lock (_lock)
        {
            failures = ++_pollFailures;
            if (failures == 1)
            {
                _firstPollFailure = askedWall;
                _firstPollFailureAt = asked;
            }

            first = _firstPollFailure;
            firstAt = _firstPollFailureAt;
        }

        if (failures < _options.LabUnreachablePolls || _options.WallClock.GetElapsedTime(first) < _options.LabUnreachableAfter
            || Interlocked.Exchange(ref _labLost, 1) != 0)
        {
            return;
        }

        var start = _scheduler?.Phases?.RunStart ?? _journal!.Header.StartedAt;
        var problem = RunProblems.LabUnreachable(firstAt, firstAt - start, _options.LabUrl!, error);
        RunLog.LabUnreachable(_logger, problem.Message);
        Record(problem);
        _ = _scheduler?.FailAsync(problem.Message);
    }

    private async Task StartLoadAsync(CancellationToken cancellationToken)
    {
        int dnsPort;
        int httpPort;
        if (_lab is not null)
        {
            dnsPort = _lab.DnsEndPoint.Port;
            httpPort = _lab.HttpPort;
        }
        else
        {
            var lab = await _remote!.GetLabAsync(cancellationToken).ConfigureAwait(false);
            dnsPort = lab.DnsPort!.Value;
            httpPort = lab.HttpPort!.Value;
        }

        var resolver = new DnsStubResolver(new IPEndPoint(AddressPlan.DnsAddress, dnsPort), _clock);
        _load = new LoadGenerator(Populations(), _plan, resolver, httpPort, _clock, _random.Derive(), logger: _loggers.CreateLogger<LoadGenerator>());
        _load.SecondCompleted += (_, second) => OnSecond(second);
        _load.AnswerChanged += (_, change) => Record(new DnsAnswerChanged
        {
            At = change.At,
            Location = change.Location,
            Name = change.Host,
            Addresses = change.Current.Select(a => a.ToString()).ToArray(),
            Regions = change.Current.Select(a => _plan.RegionAt(a)).OfType<string>().ToArray(),
        });
        await _load.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var population in _experiment.Load.Populations.Where(p => p.RampFromPerSecond is not null && p.RampOver is not null))
        {
            var target = population.RatePerSecond ?? _topology.Clients.First(c => c.Name == population.Client).RatePerSecond;
            _load[population.Client].Ramp(target, population.RampOver!.Value);
        }
    }

    private async Task<bool> SteadyStateAsync(CancellationToken cancellationToken)
    {
        var baselineEnd = _clock.GetUtcNow();

        // The baseline's last second is published a moment after it ends: wait for every population's.
        using var catchUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        catchUp.CancelAfter(_clock.ToWall(SteadyStateCatchUp));
        try
        {
            while (!AllDelivered(baselineEnd))
            {
                Task arrived;
                lock (_lock)
                {
                    arrived = _trafficArrived.Task;
                }

                await arrived.WaitAsync(catchUp.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            RunLog.SteadyStateEarly(_logger);
        }

        var phases = _scheduler!.Phases ?? new PhaseTimes { RunStart = baselineEnd };
        var observations = Observe(RunState.Running, phases);
        var results = HostImpairment.Mark(observations, CheckEvaluator.EvaluateSteadyState(observations, baselineEnd));
        _steadyState = results;
        _journal!.WriteCheckResults("steady-state", results);
        foreach (var result in results)
        {
            Record(result.ToEvent(baselineEnd));
        }

        return results.All(r => r.Passed == true);
    }

    private bool AllDelivered(DateTimeOffset until)
    {
        lock (_lock)
        {
            return Populations().All(p => _delivered.TryGetValue(p.Name, out var end) && end >= until - TimeSpan.FromMilliseconds(500));
        }
    }

    private PhaseTimes RunEndPhases()
    {
        var now = _clock.GetUtcNow();
        var phases = _scheduler?.Phases ?? new PhaseTimes { RunStart = now };
        return phases.RunEnd is null ? phases with { RunEnd = now } : phases;
    }

    private RunObservations Observe(RunState state, PhaseTimes phases)
    {
        lock (_lock)
        {
            return new RunObservations
            {
                Experiment = _experiment,
                Topology = _topology,
                Phases = phases,
                Events = _events.OrderBy(e => e.At).ToArray(),
                Traffic = _traffic.OrderBy(s => s.Start).ToArray(),
                Host = _host.ToArray(),
                HostBudget = _hostBudget,
                FinalState = state,
            };
        }
    }

    private void OnProbed(object? sender, HealthProbeResult probe)
    {
        var address = probe.Address?.ToString();
        lock (_lock)
        {
            var key = (probe.CheckId, probe.Location);
            if (_probeTargets.TryGetValue(key, out var previous) && previous == address)
            {
                return;
            }

            _probeTargets[key] = address;
        }

        Record(new HealthProbeTargetChanged
        {
            At = probe.At,
            HealthCheck = probe.CheckId,
            Fqdn = _topology.FindHealthCheck(probe.CheckId)?.Fqdn ?? string.Empty,
            Location = probe.Location,
            Address = address,
            Region = address is null ? null : RegionOf(_plan, address),
        });
    }

    private void OnSecond(LoadSecond second)
    {
        var fired = new List<StopConditionFired>();
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _traffic.Add(second);
            var end = second.Start + TimeSpan.FromSeconds(1);
            if (!_delivered.TryGetValue(second.Population, out var known) || end > known)
            {
                _delivered[second.Population] = end;
            }

            foreach (var monitor in _monitors)
            {
                if (monitor.Fired is null && monitor.Observe(second) is { } stop)
                {
                    fired.Add(stop);
                }
            }

            arrived = _trafficArrived;
            _trafficArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        _journal?.AppendSeconds([second]);
        Notify(o => o.OnSecond(second));
        foreach (var stop in fired)
        {
            Record(stop);
            _ = _scheduler?.StopAsync($"stop condition '{stop.Name}'");
        }
    }

    private void OnHostSecond(HostSecond second)
    {
        lock (_lock)
        {
            _host.Add(second);
        }

        _journal?.AppendHostSeconds([second]);
        Notify(o => o.OnHostSecond(second));
    }

    private void Record(RunEvent runEvent)
    {
        lock (_lock)
        {
            _events.Add(runEvent);
        }

        _journal?.AppendEvent(runEvent);
        Notify(o => o.OnEvent(runEvent));
    }

    private void Notify(Action<IRunObserver> call)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            call(_observer);
        }
#pragma warning disable CA1031 // Observability never breaks a run (STYLE habit 9).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RunLog.ObserverFailed(_logger, ex);
        }
    }
}
