using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;

namespace Faultline.Core.Planning;

/// <summary>
/// Lint rules for an experiment against its topology: checks that cannot pass by construction (errors) or may not
/// (warnings), with the arithmetic in the message. Pure; works on the <see cref="ExperimentPlan"/>'s lab times.
/// </summary>
/// <remarks>
/// <para>The health rule is Route 53's, as docs/lab.md states it: each checker flips after <c>failureThreshold</c>
/// consecutive results the other way, probing every <c>interval</c> at its own random phase, and the check turns
/// unhealthy when no more than 18% of checkers still say healthy. Probes see a fault from the moment the first
/// action that injects (a fault or a configuration change) can take effect, and a check starts healthy, so the earliest a
/// check can turn unhealthy is that moment + (failureThreshold − 1) × interval (every checker probing right at it),
/// and it usually has by that moment + AWS's ramp + interval × failureThreshold. The ramp is the FIS Lambda
/// extension's ramp-up (<see cref="AwsTiming.LambdaRampUp"/>) for a fault that reaches its functions through it; a
/// configure action's change can be seen only from its end (<see cref="AwsTiming.ConfigureDelay"/>). A deadline before
/// the earliest is an error; one before the usual latest a warning.</para>
/// <para>The DNS rule adds what docs/lab.md says of answers: a location's answer moves off a set only once its health
/// check is unhealthy (after <c>dns.propagationDelay</c>), and clients re-resolve when their cached answer's TTL runs
/// out; answers are observed by the load's clients. Rules that a <c>health-override</c> or <c>dns</c> fault could
/// short-cut are not applied to what those faults touch, and an inverted health check is left alone.</para>
/// </remarks>
public static class ConstructionChecks
{
    /// <summary>Checks <paramref name="experiment"/> on <paramref name="topology"/>; <paramref name="sourceMap"/> (default none) locates findings.</summary>
    public static IReadOnlyList<ConstructionFinding> Check(Experiment experiment, Topology.Topology topology, ExperimentSourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        return Check(ExperimentPlan.Build(experiment, topology), topology, sourceMap);
    }

    /// <summary>Checks an already built plan.</summary>
    public static IReadOnlyList<ConstructionFinding> Check(ExperimentPlan plan, Topology.Topology topology, ExperimentSourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(topology);
        var map = sourceMap ?? ExperimentSourceMap.Empty;
        var findings = new List<ConstructionFinding>();
        foreach (var check in plan.Checks)
        {
            var index = check.Number - 1;
            var found = check.Definition switch
            {
                HealthTransitionCheck health => CheckHealth(plan, topology, check, health, map, index),
                DnsAnswerCheck dns => CheckDns(plan, topology, check, dns, map, index),
                TrafficCheck traffic => CheckTraffic(plan, check, traffic, map, index),
                _ => null,
            };
            if (found is not null)
            {
                findings.Add(found);
            }
        }

        for (var i = 0; i < plan.StopConditions.Count; i++)
        {
            var condition = plan.StopConditions[i];
            if (condition.For > plan.RunEnd)
            {
                var (message, fix) = ConstructionMessages.StopConditionLongerThanRun(condition, plan.RunEnd);
                findings.Add(Finding(ConstructionCodes.StopConditionLongerThanRun, DiagnosticSeverity.Warning, message, fix, condition.Name, map.StopCondition(i, "for")));
            }
        }

        findings.AddRange(ChaosExtensionChecks.Check(plan, topology, map));
        return findings;
    }

    private static ConstructionFinding? CheckHealth(ExperimentPlan plan, Topology.Topology topology, PlannedCheck check, HealthTransitionCheck health, ExperimentSourceMap map, int index)
    {
        if (topology.FindHealthCheck(health.HealthCheck) is not { } hc || hc.Inverted || IsOverridden(plan.Experiment, hc.Id))
        {
            return null;
        }

        if (hc.Disabled)
        {
            if (health.BecomesHealthy)
            {
                return null;
            }

            var (message, fix) = ConstructionMessages.HealthDisabled(health, hc);
            return Finding(ConstructionCodes.HealthCheckDisabled, DiagnosticSeverity.Error, message, fix, health.Name, map.Check(index, "healthCheck"));
        }

        var first = plan.FirstInjection;
        var earliest = first + ((hc.FailureThreshold - 1) * hc.Interval);
        if (!health.BecomesHealthy && NeverFails(plan, topology, hc) is { } never)
        {
            var (message, fix) = ConstructionMessages.HealthNeverFails(health, hc, never.Probed, never.Injected);
            return Finding(ConstructionCodes.HealthCheckNeverFails, DiagnosticSeverity.Error, message, fix, health.Name, map.Check(index, "healthCheck"));
        }

        if (health.BecomesHealthy)
        {
            if (earliest is null || check.From < earliest)
            {
                var (message, fix) = ConstructionMessages.PassesAtOnce(health, hc, check.From, earliest);
                return Finding(ConstructionCodes.PassesAtOnce, DiagnosticSeverity.Warning, message, fix, health.Name, map.Check(index, "during"));
            }

            return AfterRun(plan, check, health.Within, map, index);
        }

        if (first is not { } injection || earliest is not { } soonest)
        {
            return AfterRun(plan, check, health.Within, map, index);
        }

        var deadline = check.Deadline!.Value;
        var ramp = (plan.FirstInjectionEverywhere ?? injection) - injection;
        var worst = injection + ramp + (hc.FailureThreshold * hc.Interval);
        if (deadline < worst)
        {
            var certain = deadline < soonest;
            var (message, fix) = ConstructionMessages.HealthTooSlow(health, hc, injection, ramp, deadline, certain, worst - check.From);
            return Finding(ConstructionCodes.HealthCheckTooSlow, certain ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, message, fix, health.Name, map.Check(index, "within"));
        }

        return AfterRun(plan, check, health.Within, map, index);
    }

    private static ConstructionFinding? CheckDns(ExperimentPlan plan, Topology.Topology topology, PlannedCheck check, DnsAnswerCheck dns, ExperimentSourceMap map, int index)
    {
        var observers = ObservingLocations(plan.Experiment, topology);
        if (!observers.Contains(dns.QuerierLocation, StringComparer.Ordinal))
        {
            var (message, fix) = ConstructionMessages.DnsUnobserved(dns, observers);
            return Finding(ConstructionCodes.DnsAnswerUnobserved, DiagnosticSeverity.Error, message, fix, dns.Name, map.Check(index, "dns"));
        }

        if (topology.Dns.FindRecord(dns.QueryName) is not { } record || plan.Experiment.Actions.Any(a => ActsOn(a, FaultScope.Record)))
        {
            return null;
        }

        if (!record.Sets.Any(s => string.Equals(s.Region, dns.AnswersRegion, StringComparison.Ordinal)))
        {
            var (message, fix) = ConstructionMessages.DnsNoSetInRegion(dns, record);
            return Finding(ConstructionCodes.DnsAnswerCannotMove, DiagnosticSeverity.Error, message, fix, dns.Name, map.Check(index, "dns"));
        }

        // The sets answered now (every set healthy) that are not the wanted region must all turn unhealthy first.
        var served = TopologyLinter.ServedRegions(topology, record.Name, [dns.QuerierLocation]);
        var blocking = record.Sets.Where(s => served.Contains(s.Region, StringComparer.Ordinal) && !string.Equals(s.Region, dns.AnswersRegion, StringComparison.Ordinal)).ToList();
        if (blocking.Count == 0)
        {
            return AfterRun(plan, check, dns.Within, map, index);
        }

        var checks = new List<HealthCheckConfig>();
        foreach (var set in blocking)
        {
            var hc = set.HealthCheck is null ? null : topology.FindHealthCheck(set.HealthCheck);
            if (hc is null || hc.Disabled)
            {
                var why = hc is null ? "has no health check and so is always healthy" : $"is guarded by {hc.Id}, which is disabled and so always healthy";
                var (message, fix) = ConstructionMessages.DnsSetAlwaysHealthy(dns, record, set, why);
                return Finding(ConstructionCodes.DnsAnswerCannotMove, DiagnosticSeverity.Error, message, fix, dns.Name, map.Check(index, "dns"));
            }

            if (hc.Inverted || IsOverridden(plan.Experiment, hc.Id))
            {
                return AfterRun(plan, check, dns.Within, map, index);
            }

            if (NeverFails(plan, topology, hc) is { } never)
            {
                var (message, fix) = ConstructionMessages.DnsGuardNeverFails(dns, record, set, hc, never.Probed, never.Injected);
                return Finding(ConstructionCodes.DnsAnswerCannotMove, DiagnosticSeverity.Error, message, fix, dns.Name, map.Check(index, "dns"));
            }

            checks.Add(hc);
        }

        if (plan.FirstInjection is not { } injection)
        {
            return AfterRun(plan, check, dns.Within, map, index);
        }

        // The answer moves once the last of the blocking checks is unhealthy: the slowest one governs.
        var slowest = checks.MaxBy(hc => hc.FailureThreshold * hc.Interval)!;
        var propagation = topology.Dns.PropagationDelay;
        var earliest = injection + checks.Max(hc => (hc.FailureThreshold - 1) * hc.Interval) + propagation;
        var ramp = (plan.FirstInjectionEverywhere ?? injection) - injection;
        var worst = injection + ramp + (slowest.FailureThreshold * slowest.Interval) + propagation + record.LongestAnswerTtl;
        var deadline = check.Deadline!.Value;
        if (deadline < worst)
        {
            var certain = deadline < earliest;
            var governing = certain ? checks.MaxBy(hc => (hc.FailureThreshold - 1) * hc.Interval)! : slowest;
            var (message, fix) = ConstructionMessages.DnsTooSlow(dns, record, governing, injection, ramp, propagation, deadline, certain, worst - check.From);
            return Finding(ConstructionCodes.DnsAnswerTooSlow, certain ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, message, fix, dns.Name, map.Check(index, "within"));
        }

        return AfterRun(plan, check, dns.Within, map, index);
    }

    private static ConstructionFinding? CheckTraffic(ExperimentPlan plan, PlannedCheck check, TrafficCheck traffic, ExperimentSourceMap map, int index)
    {
        // Traffic is measured per lab second of the run: [0, run end).
        var from = check.From > TimeSpan.Zero ? check.From : TimeSpan.Zero;
        var to = check.To < plan.RunEnd ? check.To : plan.RunEnd;
        if (to > from)
        {
            return null;
        }

        var (message, fix) = ConstructionMessages.WindowOutsideRun(traffic, check.From, check.To, plan.RunEnd);
        return Finding(ConstructionCodes.WindowOutsideRun, DiagnosticSeverity.Error, message, fix, traffic.Name, map.Check(index, "during"));
    }

    private static ConstructionFinding? AfterRun(ExperimentPlan plan, PlannedCheck check, TimeSpan within, ExperimentSourceMap map, int index)
    {
        if (check.Deadline is not { } deadline || deadline <= plan.RunEnd)
        {
            return null;
        }

        var (message, fix) = ConstructionMessages.DeadlineAfterRun(check.Definition, within, deadline, check.From, plan.RunEnd);
        return Finding(ConstructionCodes.DeadlineAfterRun, DiagnosticSeverity.Warning, message, fix, check.Definition.Name, map.Check(index, "within"));
    }

    /// <summary>
    /// When a health check's probes certainly never fail: the name it probes is a record without health-checked sets
    /// (so where it resolves does not change), no function in the regions it resolves to calls an upstream, no
    /// <c>dns</c> fault runs, and no action injects into those regions. Returns the probed regions and the regions
    /// actions inject into (function faults and configure steps: every region their target can select; network
    /// faults: their region); otherwise <c>null</c>.
    /// </summary>
    private static (IReadOnlyList<string> Probed, IReadOnlyList<string> Injected)? NeverFails(ExperimentPlan plan, Topology.Topology topology, HealthCheckConfig hc)
    {
        if (topology.Dns.FindRecord(hc.Fqdn) is not { } probedRecord || probedRecord.Sets.Any(s => s.HealthCheck is not null))
        {
            return null;
        }

        var probed = TopologyLinter.ServedRegions(topology, hc.Fqdn, hc.Regions.Count > 0 ? hc.Regions : topology.Locations);
        if (probed.Count == 0 || topology.AllFunctions.Any(f => f.Upstream is not null && probed.Contains(f.Region, StringComparer.Ordinal)))
        {
            return null;
        }

        var injected = new List<string>();
        foreach (var action in plan.Experiment.Actions)
        {
            if (ActsOn(action, FaultScope.Record))
            {
                return null;
            }

            if (ActsOn(action, FaultScope.HealthCheck) || action is WaitAction)
            {
                continue;
            }

            var target = plan.Targets.FirstOrDefault(t => string.Equals(t.Name, action is FaultAction fault ? fault.Target : (action as ConfigureAction)?.Target, StringComparison.Ordinal));
            foreach (var candidate in target?.Candidates ?? [])
            {
                // Function ids are region/name; a network target's candidates are regions.
                var region = target!.Type == TargetType.Function ? candidate.Split('/')[0] : candidate;
                if (!injected.Contains(region, StringComparer.Ordinal))
                {
                    injected.Add(region);
                }
            }
        }

        return probed.Any(r => injected.Contains(r, StringComparer.Ordinal)) ? null : (probed, injected);
    }

    /// <summary>The locations of the load's populations: the named ones, or every client of the topology when none is named.</summary>
    private static List<string> ObservingLocations(Experiment experiment, Topology.Topology topology)
    {
        var clients = experiment.Load.Populations.Count == 0
            ? topology.Clients
            : topology.Clients.Where(c => experiment.Load.Populations.Any(p => string.Equals(p.Client, c.Name, StringComparison.Ordinal)));
        return clients.Select(c => c.Location).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsOverridden(Experiment experiment, string healthCheck) =>
        experiment.Actions.OfType<FaultAction>().Any(a => ActsOn(a, FaultScope.HealthCheck)
            && experiment.FindTarget(a.Target) is { } target
            && string.Equals(target.Target.HealthCheck, healthCheck, StringComparison.Ordinal));

    // The diagnosis reasons about what a fault acts on (a record, a health check), not which kind it is.
    private static bool ActsOn(ActionDefinition action, FaultScope scope) =>
        action is FaultAction fault && FaultKindRegistry.Get(fault.Options.Kind).ActsOn == scope;

    private static ConstructionFinding Finding(string code, DiagnosticSeverity severity, string message, string fix, string subject, SourceLocation? location) => new()
    {
        Code = code,
        Severity = severity,
        Message = message,
        Fix = fix,
        Subject = subject,
        Location = location,
    };
}
