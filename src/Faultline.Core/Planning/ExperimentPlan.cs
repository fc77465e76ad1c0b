using Faultline.Core.Checks;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Runs;

namespace Faultline.Core.Planning;

/// <summary>
/// A dry run of an experiment against a topology: the targets resolved, the action schedule in lab time, each
/// check's window placed on it, and the stop conditions. Pure: nothing runs, no clock is read. Times are offsets
/// from the run's start (load on) for a run that is neither stopped nor cut short by a failed steady state.
/// </summary>
/// <remarks>
/// The schedule follows <see cref="ExperimentScheduler"/>'s rules (FIS semantics): the baseline lasts
/// <see cref="LoadPlan.Baseline"/>; the fault phase starts at its end (the steady-state gate takes no lab time in
/// the plan; a live run spends a moment there collecting the baseline's last second); an action without
/// <c>startAfter</c> starts with the fault phase, any other when the last of its predecessors completes; an action
/// completes its duration after it starts (at once without one); the fault phase ends when the last action
/// completes, and recovery lasts <see cref="LoadPlan.Recovery"/> after that.
/// </remarks>
public sealed record ExperimentPlan
{
    /// <summary>The experiment planned.</summary>
    public required Experiment Experiment { get; init; }

    /// <summary>Every named target, in file order, resolved against the topology.</summary>
    public required IReadOnlyList<PlannedTarget> Targets { get; init; }

    /// <summary>Every action in start order (then file order).</summary>
    public required IReadOnlyList<PlannedAction> Actions { get; init; }

    /// <summary>Every check, in file order, with its window in lab time.</summary>
    public required IReadOnlyList<PlannedCheck> Checks { get; init; }

    /// <summary>The stop conditions, in file order.</summary>
    public IReadOnlyList<StopConditionDefinition> StopConditions => Experiment.StopConditions;

    /// <summary>The baseline's end, which is the fault phase's start.</summary>
    public required TimeSpan FaultStart { get; init; }

    /// <summary>The fault phase's end: the last action's completion (the fault phase's start when there are no actions).</summary>
    public required TimeSpan FaultEnd { get; init; }

    /// <summary>The run's end: the recovery's end.</summary>
    public required TimeSpan RunEnd { get; init; }

    /// <summary>
    /// The first moment something an action injects (a fault or a configuration change) can be seen, or <c>null</c> when
    /// no action injects: an action's start, or its end for a configure action (<see cref="AwsTiming.ConfigureDelay"/>).
    /// A fault through the FIS Lambda extension can take effect at once (its ramp-up is drawn from zero).
    /// </summary>
    public TimeSpan? FirstInjection => Actions.Where(a => a.Injects).Select(a => (TimeSpan?)a.EarliestEffect).Min();

    /// <summary>
    /// The first moment an injecting action is certainly in effect on every one of its targets, or <c>null</c> when no
    /// action injects: <see cref="FirstInjection"/> plus, for a fault through the FIS Lambda extension, its ramp-up
    /// (<see cref="AwsTiming.LambdaRampUp"/>).
    /// </summary>
    public TimeSpan? FirstInjectionEverywhere => Actions.Where(a => a.Injects).Select(a => (TimeSpan?)a.LatestEffect).Min();

    /// <summary>The planned phase edges anchored at <paramref name="runStart"/>, as a completed run would record them.</summary>
    public PhaseTimes PhasesAt(DateTimeOffset runStart) => new()
    {
        RunStart = runStart,
        FaultStart = runStart + FaultStart,
        FaultEnd = runStart + FaultEnd,
        RunEnd = runStart + RunEnd,
    };

    /// <summary>Plans <paramref name="experiment"/> (as the reader produced it: targets and action graph valid) on <paramref name="topology"/>.</summary>
    /// <exception cref="InvalidInputException">An action names an unknown target or predecessor, a name repeats, an action starts after itself, or the graph has a cycle: the action graph's rules, with the validator's messages.</exception>
    public static ExperimentPlan Build(Experiment experiment, Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        var faultStart = experiment.Load.Baseline;
        var actions = Schedule(experiment, faultStart);
        var faultEnd = actions.Count == 0 ? faultStart : actions.Max(a => a.End);
        var runEnd = faultEnd + experiment.Load.Recovery;
        var plan = new ExperimentPlan
        {
            Experiment = experiment,
            Targets = experiment.Targets.Select(t => Resolve(experiment, t, topology)).ToList(),
            Actions = actions,
            Checks = [],
            FaultStart = faultStart,
            FaultEnd = faultEnd,
            RunEnd = runEnd,
        };
        var phases = plan.PhasesAt(DateTimeOffset.UnixEpoch);
        return plan with { Checks = experiment.Hypothesis.Checks.Select((c, i) => Place(c, i + 1, phases)).ToList() };
    }

    // Earliest start in the graph: what the scheduler's loop does when every action takes exactly its duration.
    private static List<PlannedAction> Schedule(Experiment experiment, TimeSpan faultStart)
    {
        // The graph's rules (unique names, defined predecessors, no cycle) and their messages are the scheduler's.
        var byName = ActionGraph.Build(experiment.Actions).Actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

        var ends = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        TimeSpan EndOf(ActionDefinition action)
        {
            if (ends.TryGetValue(action.Name, out var known))
            {
                return known;
            }

            var end = StartOf(action) + DurationOf(action);
            ends[action.Name] = end;
            return end;
        }

        TimeSpan StartOf(ActionDefinition action)
        {
            var start = faultStart;
            foreach (var predecessor in action.StartAfter)
            {
                var end = EndOf(byName[predecessor]);
                start = end > start ? end : start;
            }

            return start;
        }

        // A configure action is an automation run and a function update (awsTiming.configureDelay): its change lands,
        // and it completes, that long after it starts.
        TimeSpan DurationOf(ActionDefinition action) => action is ConfigureAction ? experiment.AwsTiming.ConfigureDelay : action.Duration ?? TimeSpan.Zero;

        TimeSpan? RampOf(ActionDefinition action) =>
            action is FaultAction fault && experiment.FindTarget(fault.Target) is { } target && ExecutionTargets.ReachesThroughFisExtension(fault, target) && experiment.AwsTiming.LambdaRampUp > TimeSpan.Zero
                ? experiment.AwsTiming.LambdaRampUp
                : null;

        return experiment.Actions
            .Select(a => new PlannedAction
            {
                Name = a.Name,
                Kind = KindOf(a),
                Target = TargetNameOf(a),
                StartAfter = a.StartAfter,
                Start = StartOf(a),
                End = EndOf(a),
                Injects = a is not WaitAction,
                EffectFrom = a is ConfigureAction && experiment.AwsTiming.ConfigureDelay > TimeSpan.Zero ? EndOf(a) : null,
                EffectBy = RampOf(a) is { } ramp ? StartOf(a) + ramp : null,
            })
            .OrderBy(a => a.Start)
            .ToList();
    }

    private static string KindOf(ActionDefinition action) => action switch
    {
        FaultAction fault => $"fault {FaultKinds.NameOf(fault.Options.Kind)}",
        ConfigureAction => "configure",
        WaitAction => "wait",
        _ => action.GetType().Name,
    };

    private static string? TargetNameOf(ActionDefinition action) => action switch
    {
        FaultAction fault => fault.Target,
        ConfigureAction configure => configure.Target,
        _ => null,
    };

    private static PlannedTarget Resolve(Experiment experiment, TargetDefinition target, Topology.Topology topology)
    {
        // Match as the first fault acting on it will (its kind decides which filters apply); a target used only by
        // configure steps, or by nothing, matches functions the way ExecutionTargets does.
        var fault = experiment.Actions.OfType<FaultAction>().FirstOrDefault(a => string.Equals(a.Target, target.Name, StringComparison.Ordinal));
        IReadOnlyList<string> candidates;
        if (fault is not null)
        {
            candidates = Match(() => FaultSpecValidator.ValidateAndMatch(ExecutionTargets.ToFaultSpec(fault, target), topology));
        }
        else if (target.Type == TargetType.Function)
        {
            candidates = Match(() => FaultSpecValidator.MatchFunctions(target.Target, topology, $"target '{target.Name}'"));
        }
        else
        {
            candidates = new[] { target.Target.Region, target.Target.Record, target.Target.HealthCheck }.OfType<string>().Take(1).ToArray();
        }

        return new PlannedTarget { Name = target.Name, Type = target.Type, Selection = target.Target.Selection, Candidates = candidates };
    }

    private static IReadOnlyList<string> Match(Func<IReadOnlyList<string>> match)
    {
        try
        {
            return match();
        }
        catch (InvalidInputException)
        {
            // The reader reports a target that matches nothing; the plan shows it as matching nothing.
            return [];
        }
    }

    private static PlannedCheck Place(CheckDefinition check, int number, PhaseTimes phases)
    {
        var window = ResolvedWindow.Resolve(check.Window, phases)!;
        var from = window.From - phases.RunStart;
        var (kind, within) = check switch
        {
            HealthTransitionCheck health => (CheckKind.HealthTransition, (TimeSpan?)health.Within),
            DnsAnswerCheck dns => (CheckKind.DnsAnswer, dns.Within),
            _ => (CheckKind.Traffic, null),
        };
        return new PlannedCheck
        {
            Number = number,
            Definition = check,
            Kind = kind,
            From = from,
            To = window.To - phases.RunStart,
            Deadline = from + within,
        };
    }
}
