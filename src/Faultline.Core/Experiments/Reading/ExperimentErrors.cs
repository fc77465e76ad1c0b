using System.Globalization;
using Faultline.Core.Diagnostics;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// Every experiment-specific diagnostic, in one place: the wording is API and pinned by tests. Subjects
/// (<c>what</c>) read like <c>check 'eu customers unaffected'</c>, <c>action 'inject-latency'</c>,
/// <c>target 'us-functions'</c>, <c>stop condition 'global outage'</c>.
/// </summary>
public static class ExperimentErrors
{
    /// <summary>The longest <c>awsTiming</c> delay accepted: 15 minutes.</summary>
    public static readonly TimeSpan AwsTimingLimit = TimeSpan.FromMinutes(15);

    /// <summary>The phases a window may name.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } = ["run", "baseline", "fault", "recovery"];

    /// <summary>The traffic metric keys of a check, in documentation order.</summary>
    public static IReadOnlyList<string> TrafficMetricKeys { get; } =
        ["successRate", "status2xxRate", "status4xxRate", "status5xxRate", "errorRate", "requests", "latency", "regionShare"];

    /// <summary>The metric names a stop condition may use (latency percentiles are written p50, p99, p99.9…).</summary>
    public static IReadOnlyList<string> StopMetricNames { get; } =
        ["successRate", "status2xxRate", "status4xxRate", "status5xxRate", "errorRate", "requests", "p50", "p90", "p99"];

    /// <summary>The experiment file does not exist.</summary>
    public static Diagnostic FileNotFound(string path) =>
        Diagnostic.Error(null, $"experiment file '{path}' was not found", "check the path, or run 'faultline init' to write the seed experiment");

    /// <summary>The referenced topology file does not exist.</summary>
    public static Diagnostic TopologyNotFound(SourceLocation? at, string reference, string resolved) =>
        Diagnostic.Error(at, $"the experiment names topology '{reference}', which was not found (looked for {resolved})", "write the topology file's path relative to the experiment file's folder, e.g. topology: ./topology.yaml");


    /// <summary>The hypothesis has no checks.</summary>
    public static Diagnostic NoChecks(SourceLocation? at) =>
        Diagnostic.Error(at, "the hypothesis has no checks, so nothing would decide it", "add a check under hypothesis.checks, e.g. - { name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }");

    /// <summary>The experiment has no actions.</summary>
    public static Diagnostic NoActions(SourceLocation? at) =>
        Diagnostic.Error(at, "the experiment has no actions, so there is nothing to test", "add an action, e.g. actions: { inject-latency: { fault: latency, target: us-functions, delay: 60s, duration: 10m } }");

    /// <summary>Two items of a list or map share a name.</summary>
    public static Diagnostic DuplicateName(SourceLocation? at, string noun, string name, SourceLocation? first) =>
        Diagnostic.Error(at, $"{noun} '{name}' is defined twice{(first is null ? string.Empty : $" (first at line {first.Line})")}", $"give each {noun} its own name");

    /// <summary>A check with no metric.</summary>
    public static Diagnostic CheckHasNoMetric(SourceLocation? at, string what) =>
        Diagnostic.Error(at, $"{what} measures nothing", $"add exactly one of: {string.Join(", ", TrafficMetricKeys)}, healthCheck (with becomes and within), dns (with within)");

    /// <summary>A check with more than one metric.</summary>
    public static Diagnostic CheckHasManyMetrics(SourceLocation? at, string what, IReadOnlyCollection<string> keys) =>
        Diagnostic.Error(at, $"{what} has more than one metric ({string.Join(", ", keys)})", "split it into one check per metric");

    /// <summary>A threshold that does not parse.</summary>
    public static Diagnostic BadThreshold(SourceLocation? at, string what, string key, string text) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is not a threshold", "write an operator (>=, >, <=, <) and a value, quoted: \">= 99%\", \"< 2s\", \"<= 250ms\" or \">= 100\"");

    /// <summary>A value without unit or in the wrong unit for its metric.</summary>
    public static Diagnostic WrongUnit(SourceLocation? at, string what, string key, string text, TrafficMetricKind metric) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', but {MetricNoun(metric)} is measured in {UnitNoun(metric)}", $"write {UnitExample(metric)}");

    /// <summary>A percentage outside 0–100.</summary>
    public static Diagnostic PercentOutOfRange(SourceLocation? at, string what, string key, string text) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is outside 0%-100%", $"set {key} between 0% and 100%");

    /// <summary>A latency key that is not a percentile.</summary>
    public static Diagnostic BadPercentile(SourceLocation? at, string what, string key) =>
        Diagnostic.Error(at, $"{what} has latency percentile '{key}', which is not a percentile between p0 and p100", "write p50, p90, p99 or p99.9");

    /// <summary>A latency or regionShare mapping with other than one entry.</summary>
    public static Diagnostic NeedsExactlyOne(SourceLocation? at, string what, string key, string noun, int count) =>
        Diagnostic.Error(at, $"{what} has {count} {noun}s under {key}, but a check measures exactly one", key == "latency" ? "write one check per percentile, e.g. latency: { p99: \"< 2s\" }" : "write one check per region, e.g. regionShare: { eu-west-1: \">= 95%\" }");

    /// <summary>A window that names no phase.</summary>
    public static Diagnostic UnknownPhase(SourceLocation? at, string what, string key, string text) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is not a phase", $"{Suggestions.DidYouMean(text, PhaseNames, "phases")}; or a window such as {{ from: fault.start + 3m, to: fault.end }}");

    /// <summary>A window edge that is not <c>phase.start|end [± duration]</c>.</summary>
    public static Diagnostic BadEdge(SourceLocation? at, string what, string key, string text) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is not a phase edge", $"write PHASE.start or PHASE.end, optionally + or - a duration, e.g. fault.start + 3m; phases: {string.Join(", ", PhaseNames)}");

    /// <summary>A window that ends before it starts.</summary>
    public static Diagnostic EmptyWindow(SourceLocation? at, string what, string from, string to) =>
        Diagnostic.Error(at, $"{what} has a window from {from} to {to}, which is empty", "make 'to' later than 'from'");

    /// <summary>A duration that must be above zero.</summary>
    public static Diagnostic NotPositive(SourceLocation? at, string what, string key, string example) =>
        Diagnostic.Error(at, $"{what} has {key} 0s, which is not above zero", $"set {key} to a positive duration such as {example}");

    /// <summary>An <c>awsTiming</c> delay longer than <see cref="AwsTimingLimit"/>.</summary>
    public static Diagnostic AwsTimingTooLong(SourceLocation? at, string key, TimeSpan value) =>
        Diagnostic.Error(at, $"awsTiming has {key} {Text.Durations.Format(value)}, which is longer than {Text.Durations.Format(AwsTimingLimit)}", $"set {key} to at most {Text.Durations.Format(AwsTimingLimit)}, or 0s for an idealised run in which actions take effect at once");

    /// <summary>A name that the topology does not define.</summary>
    public static Diagnostic NotInTopology(SourceLocation? at, string what, string noun, string name, IReadOnlyCollection<string> defined) =>
        Diagnostic.Error(at, $"{what} names {noun} '{name}', which the topology does not define", Suggestions.DidYouMean(name, defined, $"{noun}s in the topology"));

    /// <summary>A name that the experiment does not define (targets, actions).</summary>
    public static Diagnostic NotDefined(SourceLocation? at, string what, string noun, string name, IReadOnlyCollection<string> defined) =>
        Diagnostic.Error(at, $"{what} names {noun} '{name}', which is not defined", Suggestions.DidYouMean(name, defined, $"defined {noun}s"));

    /// <summary>A target whose filters select nothing.</summary>
    public static Diagnostic TargetMatchesNothing(SourceLocation? at, string name, IReadOnlyCollection<string> functions) =>
        Diagnostic.Error(at, $"target '{name}' selects no function of the topology", $"loosen its region, function, route or tags; functions: {string.Join(", ", functions)}");

    /// <summary>A target key that does not apply to the target's type.</summary>
    public static Diagnostic KeyNotForTargetType(SourceLocation? at, string name, string key, string type, IReadOnlyCollection<string> keys) =>
        Diagnostic.Error(at, $"target '{name}' of type {type} does not take '{key}'", $"remove it; keys for type {type}: {string.Join(", ", keys)}");

    /// <summary>A target type that does not fit the action using it.</summary>
    public static Diagnostic TargetTypeMismatch(SourceLocation? at, string action, string kind, string target, string actual, string needed) =>
        Diagnostic.Error(at, $"action '{action}' ({kind}) uses target '{target}' of type {actual}, but {kind} acts on a target of type {needed}", $"name a target of type {needed}, or define one: {{ type: {needed}, ... }}");

    /// <summary>A selection mode that does not parse.</summary>
    public static Diagnostic BadSelectionMode(SourceLocation? at, string name, string text) =>
        Diagnostic.Error(at, $"target '{name}' has selectionMode '{text}', which is not a selection mode", "write ALL, COUNT(n) with n >= 1, or PERCENT(n) with n 1-100");

    /// <summary>An action that is none of fault, wait, configure.</summary>
    public static Diagnostic ActionHasNoKind(SourceLocation? at, string name) =>
        Diagnostic.Error(at, $"action '{name}' is neither a fault, a wait nor a configure step", "add fault: KIND (with target and duration), wait: DURATION, or configure: { target: ..., setEnvironment: ... }");

    /// <summary>An action that is more than one of fault, wait, configure.</summary>
    public static Diagnostic ActionHasManyKinds(SourceLocation? at, string name, IReadOnlyCollection<string> keys) =>
        Diagnostic.Error(at, $"action '{name}' is more than one kind of action ({string.Join(", ", keys)})", "split it into one action per kind and order them with startAfter");

    /// <summary>A fault kind that is not known.</summary>
    public static Diagnostic UnknownFaultKind(SourceLocation? at, string name, string kind) =>
        Diagnostic.Error(at, $"action '{name}' has fault '{kind}', which is not a fault kind", Suggestions.DidYouMean(kind, Faults.FaultKindRegistry.Names.ToArray(), "fault kinds"));

    /// <summary>A configure action with a duration.</summary>
    public static Diagnostic ConfigureHasDuration(SourceLocation? at, string name) =>
        Diagnostic.Error(at, $"action '{name}' is a configure step and has a duration, but configure steps take no time", "remove duration; hold the change with a wait action that starts after it, as the seed's FIS graph does");

    /// <summary>A configure action that changes nothing.</summary>
    public static Diagnostic ConfigureDoesNothing(SourceLocation? at, string name) =>
        Diagnostic.Error(at, $"action '{name}' configures nothing", "add setEnvironment, unsetEnvironment, attachLayer or detachLayer");

    /// <summary>An action that names itself in startAfter.</summary>
    public static Diagnostic StartsAfterItself(SourceLocation? at, string name) =>
        Diagnostic.Error(at, $"action '{name}' starts after itself", "remove it from its own startAfter");

    /// <summary>A cycle in the action graph.</summary>
    public static Diagnostic Cycle(SourceLocation? at, IReadOnlyList<string> cycle) =>
        Diagnostic.Error(at, $"the actions form a cycle: {string.Join(" -> ", cycle)}", "remove one startAfter of the cycle; no action in it could ever start");

    /// <summary>A check that looks at the baseline when the baseline lasts no time.</summary>
    public static Diagnostic BaselineCheckWithoutBaseline(SourceLocation? at, string check) =>
        Diagnostic.Error(at, $"check '{check}' looks at the baseline, but load has baseline 0s", "set load.baseline to a positive duration such as 2m (the steady state needs load before the first fault)");

    /// <summary>A load population with only one of rampFrom and rampOver.</summary>
    public static Diagnostic RampIncomplete(SourceLocation? at, string client) =>
        Diagnostic.Error(at, $"load of client '{client}' has only one of rampFrom and rampOver", "give both, e.g. rampFrom: 5/s, rampOver: 1m, or neither");

    /// <summary>A rate that does not parse or is not above zero.</summary>
    public static Diagnostic BadRate(SourceLocation? at, string what, string key, string text) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is not a rate above zero", "write a rate such as 50/s, 1200/m or 20 (per second)");

    /// <summary>A stop condition with neither below nor above.</summary>
    public static Diagnostic StopHasNoThreshold(SourceLocation? at, string what) =>
        Diagnostic.Error(at, $"{what} has neither below nor above", "add below: 50% (alarm when the metric falls under it) or above: 5%");

    /// <summary>A stop condition with both below and above.</summary>
    public static Diagnostic StopHasBothThresholds(SourceLocation? at, string what) =>
        Diagnostic.Error(at, $"{what} has both below and above", "keep one; write two stop conditions to alarm on both sides");

    /// <summary>A stop condition metric that is not known.</summary>
    public static Diagnostic UnknownStopMetric(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has metric '{text}', which is not a traffic metric", Suggestions.DidYouMean(text, StopMetricNames, "metrics (any pNN for latency)"));

    /// <summary>The values of a stop condition's <c>treatMissingData</c>, as CloudWatch writes them.</summary>
    public static IReadOnlyList<string> TreatMissingDataNames { get; } = ["breaching", "notBreaching", "ignore", "missing"];

    /// <summary>A stop condition's treatMissingData that is not one of CloudWatch's four.</summary>
    public static Diagnostic UnknownTreatMissingData(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has treatMissingData '{text}', which is not a way to treat missing data", $"{Suggestions.DidYouMean(text, TreatMissingDataNames, "ways")} (as CloudWatch's treatMissingData; see docs/experiments.md)");

    /// <summary>A stop condition value that does not parse.</summary>
    public static Diagnostic BadStopValue(SourceLocation? at, string what, string key, string text, TrafficMetricKind metric) =>
        Diagnostic.Error(at, $"{what} has {key} '{text}', which is not a value", $"write {UnitExample(metric)}, without an operator");

    private static string MetricNoun(TrafficMetricKind metric) => metric switch
    {
        TrafficMetricKind.LatencyPercentile => "latency",
        TrafficMetricKind.Requests => "requests",
        TrafficMetricKind.RegionShare => "regionShare",
        _ => "a rate",
    };

    private static string UnitNoun(TrafficMetricKind metric) => metric switch
    {
        TrafficMetricKind.LatencyPercentile => "time",
        TrafficMetricKind.Requests => "a plain count",
        _ => "percent",
    };

    private static string UnitExample(TrafficMetricKind metric) => metric switch
    {
        TrafficMetricKind.LatencyPercentile => "a duration such as 2s or 250ms",
        TrafficMetricKind.Requests => "a number such as 100",
        _ => "a percentage such as 99%",
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
