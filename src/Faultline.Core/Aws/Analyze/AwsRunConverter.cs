using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Randomness;
using Faultline.Core.Runs;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Turns a real AWS run (the FIS experiment and the CloudWatch series of <see cref="MetricQueries"/>) into the
/// <see cref="RunObservations"/> a local run produces.
/// </summary>
/// <remarks>
/// <para><b>Phases</b>: the fault phase runs from the first FIS action's <c>startTime</c> to the last one's
/// <c>endTime</c>; the run starts the experiment's baseline before it and ends its recovery after it (the load
/// generator is expected to run throughout).</para>
/// <para><b>Traffic</b>: each 1-minute datapoint is spread evenly over its 60 seconds. Sub-minute detail is lost;
/// <see cref="AwsRunAnalyzer"/> judges checks whose answer depends on it undecided.</para>
/// <para><b>Health</b>: a check turns unhealthy in the first minute whose <c>HealthCheckStatus</c> (Minimum) is 0 and
/// healthy again by the start of the next minute at 1: placed mid-way, bounded by the minute.</para>
/// <para><b>DNS answers</b>, which CloudWatch does not record, are inferred from the clients' <c>region_{region}</c>
/// counters: a client whose responses all come from one region in a minute was answered that region (bounded by the
/// record's TTL before that minute and the minute's end). Minutes with responses from several regions say nothing.</para>
/// </remarks>
public static class AwsRunConverter
{
    /// <summary>Converts the files' contents into observations of <paramref name="experiment"/> on <paramref name="topology"/>.</summary>
    /// <exception cref="InvalidInputException">Actions or series are missing, listing each.</exception>
    public static AwsRunData Convert(Experiment experiment, Topology.Topology topology, FisExperimentRun fis, IReadOnlyList<MetricDataSeries> series)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(fis);
        ArgumentNullException.ThrowIfNull(series);
        var actions = fis.Actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var missing = experiment.Actions.Where(a => !actions.ContainsKey(a.Name)).Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException([Diagnostic.Error(fis.Location, AnalyzeErrors.ActionsMissing(missing, fis.Actions.Select(a => a.Name)), AnalyzeErrors.ActionsMissingFix())]);
        }

        var queries = MetricQueries.For(experiment, topology);
        var byId = series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var lacking = queries.Where(q => !byId.ContainsKey(q.Id)).ToList();
        if (lacking.Count > 0)
        {
            var needed = lacking.Select(q => $"{q.Id} ({q.Namespace} {q.MetricName} {string.Join(",", q.Dimensions.Select(d => $"{d.Key}={d.Value}"))}, {q.Stat}, in {q.Region})");
            throw new InvalidInputException([Diagnostic.Error(null, AnalyzeErrors.MetricsMissing(lacking.Count, needed), AnalyzeErrors.MetricsMissingFix())]);
        }

        if (queries.All(q => byId[q.Id].Points.Count == 0))
        {
            throw new InvalidInputException([Diagnostic.Error(null, AnalyzeErrors.NoDatapoints(), AnalyzeErrors.NoDatapointsFix())]);
        }

        var ran = experiment.Actions.Select(a => actions[a.Name]).ToList();
        var faultStart = ran.Where(a => a.StartTime is not null).Select(a => a.StartTime!.Value).DefaultIfEmpty().Min();
        var started = ran.Any(a => a.StartTime is not null);
        var ends = ran.Where(a => a.StartTime is not null).Select(a => a.EndTime ?? fis.EndTime).ToList();
        if (ends.Any(e => e is null))
        {
            throw new InvalidInputException([Diagnostic.Error(fis.Location, AnalyzeErrors.ExperimentNotFinished(fis.Status), AnalyzeErrors.ExperimentNotFinishedFix())]);
        }

        var anchor = started ? faultStart : fis.StartTime;
        var runStart = anchor - experiment.Load.Baseline;
        var faultEnd = started ? ends.Max() : null;
        var runEnd = (faultEnd ?? fis.EndTime ?? anchor) + experiment.Load.Recovery;
        var phases = new PhaseTimes { RunStart = runStart, RunEnd = runEnd, FaultStart = started ? faultStart : null, FaultEnd = faultEnd };

        var events = new List<RunEvent>
        {
            new RunStateChanged { At = runStart, State = RunState.Running },
            new PhaseStarted { At = runStart, Phase = Phase.Baseline },
        };
        if (phases.FaultStart is { } fs)
        {
            events.Add(new PhaseStarted { At = fs, Phase = Phase.Fault });
        }

        if (phases.FaultEnd is { } fe)
        {
            events.Add(new PhaseStarted { At = fe, Phase = Phase.Recovery });
        }

        foreach (var definition in experiment.Actions)
        {
            events.AddRange(ActionEvents(definition, actions[definition.Name], experiment, topology, fis));
        }

        events.Add(new RunStateChanged { At = runEnd, State = fis.RunState == RunState.Running ? RunState.Completed : fis.RunState, Reason = fis.Reason });

        var minutes = Minutes(topology, queries, byId);
        var bounded = new List<BoundedEvent>();
        bounded.AddRange(Health(queries, byId));
        bounded.AddRange(Dns(topology, minutes, runStart));
        events.AddRange(bounded.Select(b => b.Event));
        var traffic = minutes
            .SelectMany(m => m.Seconds(runStart, reversed: null))
            .Where(s => s.Start >= runStart && s.Start < runEnd)
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Population, StringComparer.Ordinal)
            .ToList();
        var observations = new RunObservations
        {
            Experiment = experiment,
            Topology = topology,
            Phases = phases,
            Events = events.OrderBy(e => e.At).ToList(),
            Traffic = traffic,
            FinalState = fis.RunState == RunState.Running ? RunState.Completed : fis.RunState,
        };
        return new AwsRunData { Observations = observations, Fis = fis, Bounded = bounded, Minutes = minutes };
    }

    private static IEnumerable<RunEvent> ActionEvents(ActionDefinition definition, FisActionRun run, Experiment experiment, Topology.Topology topology, FisExperimentRun fis)
    {
        if (run.StartTime is not { } start)
        {
            yield return new ActionStateChanged { At = fis.EndTime ?? fis.StartTime, Action = run.Name, State = run.State, Detail = run.Reason };
            yield break;
        }

        yield return new ActionStateChanged { At = start, Action = run.Name, State = ActionState.Running, Detail = run.ActionId };
        var end = run.EndTime ?? fis.EndTime ?? start;
        if (definition is FaultAction fault && experiment.FindTarget(fault.Target) is { } target)
        {
            // FIS resolved the targets itself and get-experiment does not list them; the topology's view of the target
            // (seeded, so COUNT(n) picks the same ones every time) stands in for them.
            var targets = target.Type == TargetType.Function
                ? ExecutionTargets.ResolveFunctions(target, topology, new RandomSource(0))
                : [target.Name];
            yield return new FaultAppliedEvent { At = start, FaultId = run.Name, Action = run.Name, Kind = fault.Options.Kind, Targets = targets };
            yield return new FaultRevertedEvent { At = end, FaultId = run.Name, Reason = run.State == ActionState.Completed ? "completed" : "stopped" };
        }

        yield return new ActionStateChanged { At = end, Action = run.Name, State = run.State, Detail = run.Reason };
    }

    private static List<MinuteTraffic> Minutes(Topology.Topology topology, IReadOnlyList<MetricQuery> queries, Dictionary<string, MetricDataSeries> byId)
    {
        var minutes = new List<MinuteTraffic>();
        foreach (var group in queries.Where(q => q.Client is not null).GroupBy(q => q.Client!, StringComparer.Ordinal))
        {
            var client = topology.Clients.First(c => string.Equals(c.Name, group.Key, StringComparison.Ordinal));
            var at = group.SelectMany(q => byId[q.Id].Points.Select(p => p.At)).Distinct().Order();
            var lookup = group.ToDictionary(q => q, q => byId[q.Id].Points.ToDictionary(p => p.At, p => p.Value));
            foreach (var start in at)
            {
                var outcomes = new long[MinuteTraffic.OutcomeCount];
                var regions = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (query, points) in lookup)
                {
                    var value = (long)Math.Round(points.GetValueOrDefault(start));
                    if (query.Kind == MetricQueryKind.Region)
                    {
                        if (value > 0)
                        {
                            regions[query.ServedRegion!] = value;
                        }
                    }
                    else
                    {
                        outcomes[(int)query.Kind] = value;
                    }
                }

                minutes.Add(new MinuteTraffic(client.Name, client.Url, start, outcomes, regions));
            }
        }

        return minutes;
    }

    private static IEnumerable<BoundedEvent> Health(IReadOnlyList<MetricQuery> queries, Dictionary<string, MetricDataSeries> byId)
    {
        foreach (var query in queries.Where(q => q.Kind == MetricQueryKind.HealthCheckStatus))
        {
            // Route 53 starts a check healthy; Minimum 0 means unhealthy at some moment of that minute.
            var healthy = true;
            DateTimeOffset? previous = null;
            foreach (var (at, value) in byId[query.Id].Points)
            {
                var now = value >= 1;
                if (now != healthy)
                {
                    // Unhealthy within [at, at+60s); healthy again within (the last unhealthy minute, at].
                    var (earliest, latest) = now ? (previous ?? at - AwsMetricConventions.Period, at) : (at, at + AwsMetricConventions.Period);
                    var placed = earliest + ((latest - earliest) / 2);
                    yield return new BoundedEvent(new HealthChanged { At = placed, HealthCheck = query.HealthCheck!, Healthy = now, PercentageHealthy = now ? 100 : 0 }, earliest, latest);
                    healthy = now;
                }

                previous = at;
            }
        }
    }

    private static IEnumerable<BoundedEvent> Dns(Topology.Topology topology, List<MinuteTraffic> minutes, DateTimeOffset runStart)
    {
        foreach (var group in minutes.GroupBy(m => m.Client, StringComparer.Ordinal))
        {
            var client = topology.Clients.First(c => string.Equals(c.Name, group.Key, StringComparison.Ordinal));
            var name = DnsName.Normalize(client.Url.Host);
            var ttl = topology.Dns.Records.FirstOrDefault(r => string.Equals(DnsName.Normalize(r.Name), name, StringComparison.Ordinal))?.LongestAnswerTtl ?? DnsRecord.DefaultTtl;
            string? answered = null;
            var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var minute in group.OrderBy(m => m.Start))
            {
                foreach (var seen in minute.Regions.Keys.Where(r => !string.Equals(r, answered, StringComparison.Ordinal)))
                {
                    firstSeen.TryAdd(seen, minute.Start);
                }

                if (minute.Regions.Count != 1 || string.Equals(minute.Regions.Keys.First(), answered, StringComparison.Ordinal))
                {
                    continue;
                }

                // The move came before the first response from the new region (by that minute's end), and, with clients
                // re-resolving as their cached answers expire, at most a TTL (plus a minute of slack) before it.
                var region = minute.Regions.Keys.First();
                var first = firstSeen[region];
                var (earliest, latest, placed) = answered is null
                    ? (runStart, runStart, runStart)
                    : (first - ttl - AwsMetricConventions.Period, first + AwsMetricConventions.Period, first);
                answered = region;
                firstSeen.Clear();
                yield return new BoundedEvent(new DnsAnswerChanged { At = placed, Location = client.Location, Name = name, Regions = [region] }, earliest, latest);
            }
        }
    }
}
