using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Core.Topology;

namespace Faultline.TestUtils.Runs;

/// <summary>
/// Builds <see cref="RunObservations"/> for verdict tests: phases as offsets from <see cref="T0"/>, per-second
/// traffic per population, and events, all in lab time. Offsets are from the run's start.
/// </summary>
public sealed class SomeRun
{
    /// <summary>The run's start.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<RunEvent> _events = [];
    private readonly List<LoadSecond> _traffic = [];
    private readonly List<CheckDefinition> _checks = [];
    private readonly List<StopConditionDefinition> _stopConditions = [];
    private readonly List<HostSecond> _host = [];
    private double _timeScale = 20;
    private Topology _topology;
    private TimeSpan? _faultStart = TimeSpan.FromMinutes(2);
    private TimeSpan? _faultEnd = TimeSpan.FromMinutes(12);
    private TimeSpan? _runEnd = TimeSpan.FromMinutes(15);
    private RunState _finalState = RunState.Completed;
    private bool _partial;

    /// <summary>Starts a run of <paramref name="topology"/> (default: the seed's correct topology) with baseline 2m, fault 10m, recovery 3m.</summary>
    public SomeRun(Topology? topology = null)
    {
        _topology = topology ?? Some.Topology();
    }

    /// <summary>
    /// This run set up as the runner sets one up for its observers: run-1 at time scale 20, seed 42, the seed's two
    /// populations, its own lab, and a projection of its experiment and topology (<see cref="RunStarted.State"/>)
    /// started, to be fed events as the runner feeds it.
    /// </summary>
    /// <param name="labTime">The lab clock.</param>
    /// <param name="initialHealth">Each health check's status at the start as a running lab tells it; default none.</param>
    /// <param name="hostBudget">How late the host may run; default none (not measured).</param>
    public RunStarted Start(TimeProvider labTime, IReadOnlyDictionary<string, bool>? initialHealth = null, HostBudget? hostBudget = null)
    {
        var observations = Build();
        var projection = new RunProjection(observations.Experiment, observations.Topology);
        var started = new RunStarted
        {
            RunId = "run-1",
            Directory = string.Empty,
            LabTime = labTime,
            TimeScale = 20,
            Seed = 42,
            Populations = ["us-customers", "eu-customers"],
            OwnLab = true,
            HostBudget = hostBudget,
            State = projection,
            InitialHealth = initialHealth ?? new Dictionary<string, bool>(StringComparer.Ordinal),
        };
        projection.Start(started);
        return started;
    }

    /// <summary>The moment <paramref name="offset"/> after the run's start.</summary>
    public static DateTimeOffset At(TimeSpan offset) => T0 + offset;

    /// <summary>Sets the phase edges; <c>null</c> for an edge never reached.</summary>
    public SomeRun Phases(TimeSpan? faultStart, TimeSpan? faultEnd, TimeSpan? runEnd)
    {
        (_faultStart, _faultEnd, _runEnd) = (faultStart, faultEnd, runEnd);
        return this;
    }

    /// <summary>Replaces the topology.</summary>
    public SomeRun WithTopology(Topology topology)
    {
        _topology = topology;
        return this;
    }

    /// <summary>Adds hypothesis checks.</summary>
    public SomeRun Check(params CheckDefinition[] checks)
    {
        _checks.AddRange(checks);
        return this;
    }

    /// <summary>Adds a stop condition definition.</summary>
    public SomeRun StopCondition(StopConditionDefinition condition)
    {
        _stopConditions.Add(condition);
        return this;
    }

    /// <summary>
    /// Adds one second per second in [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="population"/>,
    /// all with the same <paramref name="stats"/> (read-only once published, so sharing is safe and keeps tests small).
    /// </summary>
    public SomeRun Traffic(string population, TimeSpan from, TimeSpan to, LoadStats stats)
    {
        for (var t = from; t < to; t += TimeSpan.FromSeconds(1))
        {
            _traffic.Add(SomeTraffic.Second(population, At(t), stats, (long)t.TotalSeconds));
        }

        return this;
    }

    /// <summary>Adds any event.</summary>
    public SomeRun Event(RunEvent e)
    {
        _events.Add(e);
        return this;
    }

    /// <summary>A health check flips.</summary>
    public SomeRun Health(string healthCheck, TimeSpan at, bool healthy) =>
        Event(new HealthChanged { At = At(at), HealthCheck = healthCheck, Healthy = healthy, PercentageHealthy = healthy ? 100 : 0 });

    /// <summary>A location gets another DNS answer for a name.</summary>
    public SomeRun Dns(string location, TimeSpan at, string name, params string[] regions) =>
        Event(new DnsAnswerChanged
        {
            At = At(at),
            Location = location,
            Name = name,
            Regions = regions,
            Addresses = regions.Select(r => r == "us-east-1" ? "127.0.1.1" : "127.0.2.1").ToList(),
            Outcome = regions.Length == 0 ? "servfail" : "answer",
        });

    /// <summary>A health check's probes from a location reach an address.</summary>
    public SomeRun Probe(string healthCheck, TimeSpan at, string fqdn, string location, string address, string region) =>
        Event(new HealthProbeTargetChanged { At = At(at), HealthCheck = healthCheck, Fqdn = fqdn, Location = location, Address = address, Region = region });

    /// <summary>A fault is applied.</summary>
    public SomeRun Fault(TimeSpan at, string faultId, FaultKind kind, params string[] targets) =>
        Event(new FaultAppliedEvent { At = At(at), FaultId = faultId, Kind = kind, Targets = targets, Action = "inject-latency" });

    /// <summary>A fault is reverted.</summary>
    public SomeRun Revert(TimeSpan at, string faultId, string reason = "completed") =>
        Event(new FaultRevertedEvent { At = At(at), FaultId = faultId, Reason = reason });

    /// <summary>
    /// Adds host timing: one second per second in [<paramref name="from"/>, <paramref name="to"/>) whose timers ran
    /// <paramref name="lateness"/> (lab time) late, measured at <paramref name="timeScale"/> (default 20).
    /// </summary>
    public SomeRun Host(TimeSpan from, TimeSpan to, TimeSpan lateness, double timeScale = 20)
    {
        _timeScale = timeScale;
        _host.RemoveAll(s => s.Start >= At(from) && s.Start < At(to));
        for (var t = from; t < to; t += TimeSpan.FromSeconds(1))
        {
            _host.Add(new HostSecond { Start = At(t), Lateness = lateness, Samples = 100 });
        }

        return this;
    }

    /// <summary>Sets how the run ended.</summary>
    public SomeRun Ended(RunState state, bool partial = false)
    {
        (_finalState, _partial) = (state, partial);
        return this;
    }

    /// <summary>The observations.</summary>
    public RunObservations Build() => new()
    {
        Experiment = new Experiment
        {
            TopologyPath = "/lab/topology.yaml",
            Hypothesis = new Core.Experiments.Hypothesis { Title = "A failure in us-east-1 does not affect eu-west-1", Checks = _checks.ToList() },
            Load = new LoadPlan(),
            StopConditions = _stopConditions.ToList(),
        },
        Topology = _topology,
        Phases = new PhaseTimes
        {
            RunStart = T0,
            FaultStart = _faultStart is { } fs ? At(fs) : null,
            FaultEnd = _faultEnd is { } fe ? At(fe) : null,
            RunEnd = _runEnd is { } re ? At(re) : null,
        },
        Events = _events.OrderBy(e => e.At).ToList(),
        Traffic = _traffic.OrderBy(s => s.Start).ToList(),
        Host = _host.OrderBy(s => s.Start).ToList(),
        HostBudget = _host.Count == 0 ? null : HostBudget.For(_topology, _timeScale),
        FinalState = _finalState,
        Partial = _partial,
    };
}
