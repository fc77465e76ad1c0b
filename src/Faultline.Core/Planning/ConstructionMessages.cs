using Faultline.Core.Experiments;
using Faultline.Core.Text;
using Faultline.Core.Topology;

namespace Faultline.Core.Planning;

/// <summary>The messages and fixes of <see cref="ConstructionChecks"/>, in one place: they are API and pinned by tests.</summary>
internal static class ConstructionMessages
{
    private static string F(TimeSpan value) => Durations.Format(value);

    private static string T(TimeSpan offset) => LabTime.Format(offset);

    /// <summary>The health check's flip arithmetic: <c>(3 − 1) × 30s = 1m</c> and <c>interval × threshold = 30s × 3 = 1m30s</c>.</summary>
    private static string Earliest(HealthCheckConfig hc) =>
        $"(failureThreshold − 1) × interval = ({hc.FailureThreshold} − 1) × {F(hc.Interval)} = {F((hc.FailureThreshold - 1) * hc.Interval)}";

    // The FIS Lambda extension's ramp-up (awsTiming.lambdaRampUp) before a fault reaches every function, when there is one.
    private static string Ramp(TimeSpan ramp) => ramp > TimeSpan.Zero ? $"the FIS Lambda extension's ramp-up {F(ramp)} + " : string.Empty;

    private static string Worst(HealthCheckConfig hc) =>
        $"interval × failureThreshold = {F(hc.Interval)} × {hc.FailureThreshold} = {F(hc.FailureThreshold * hc.Interval)}";

    private static string Deadline(TimeSpan within, CheckWindow window, TimeSpan deadline) =>
        $"within: {F(within)} after {window.From} ends at {T(deadline)}";

    public static (string Message, string Fix) HealthTooSlow(HealthTransitionCheck check, HealthCheckConfig hc, TimeSpan firstInjection, TimeSpan ramp, TimeSpan deadline, bool certain, TimeSpan suggested)
    {
        var earliest = firstInjection + ((hc.FailureThreshold - 1) * hc.Interval);
        var worst = firstInjection + ramp + (hc.FailureThreshold * hc.Interval);
        var message = certain
            ? $"check '{check.Name}' cannot pass: {hc.Id} turns unhealthy only after {hc.FailureThreshold} consecutive failed probes {F(hc.Interval)} apart, "
              + $"at the earliest {Earliest(hc)} after the first fault starts at {T(firstInjection)}, so not before {T(earliest)} "
              + $"(usually up to {Ramp(ramp)}{Worst(hc)}, {T(worst)}); but {Deadline(check.Within, check.Window, deadline)}"
            : $"check '{check.Name}' may not pass: {hc.Id} turns unhealthy between {Earliest(hc)} and {Ramp(ramp)}{Worst(hc)} after the first fault starts at {T(firstInjection)}, "
              + $"depending on its checkers' phases, so between {T(earliest)} and {T(worst)}; but {Deadline(check.Within, check.Window, deadline)}";
        return (message, $"allow within: {F(suggested)} or more, or lower {hc.Id}'s interval or failureThreshold");
    }

    public static (string Message, string Fix) HealthDisabled(HealthTransitionCheck check, HealthCheckConfig hc) =>
        ($"check '{check.Name}' cannot pass: {hc.Id} is disabled, and a disabled health check is always healthy",
         $"enable {hc.Id} (remove disabled: true), or check another health check");

    private static string NeverFails(HealthCheckConfig hc, IReadOnlyList<string> probed, IReadOnlyList<string> injected) =>
        $"probes {hc.Fqdn}, served by {string.Join(", ", probed)}, where no action injects a fault "
        + (injected.Count == 0 ? "(no action injects at all)" : $"(actions inject into {string.Join(", ", injected)})")
        + ", so its probes keep succeeding and it stays healthy";

    public static (string Message, string Fix) HealthNeverFails(HealthTransitionCheck check, HealthCheckConfig hc, IReadOnlyList<string> probed, IReadOnlyList<string> injected) =>
        ($"check '{check.Name}' cannot pass: {hc.Id} {NeverFails(hc, probed, injected)}",
         $"fault the region {hc.Id} probes, or point its fqdn at a name served by the region it guards (faultline lint on the topology says which)");

    public static (string Message, string Fix) DnsGuardNeverFails(DnsAnswerCheck check, DnsRecord record, RecordSet set, HealthCheckConfig hc, IReadOnlyList<string> probed, IReadOnlyList<string> injected) =>
        ($"check '{check.Name}' cannot pass: {check.QuerierLocation}'s answer for {record.Name} is set '{set.Id}' ({set.Region}), guarded by {hc.Id}, which {NeverFails(hc, probed, injected)}; so the answer never moves to {check.AnswersRegion}",
         $"fault the region {hc.Id} probes, or point its fqdn at a name served by {set.Region}");

    public static (string Message, string Fix) PassesAtOnce(HealthTransitionCheck check, HealthCheckConfig hc, TimeSpan from, TimeSpan? earliestUnhealthy) =>
        ($"check '{check.Name}' passes at once: {hc.Id} is still healthy at {check.Window.From} ({T(from)}) "
         + (earliestUnhealthy is { } at ? $"as it cannot turn unhealthy before {T(at)}" : "as no action injects a fault")
         + ", and a check already in the wanted state at its window's start passes after 0s",
         "start the window where it should recover, e.g. during: recovery");

    public static (string Message, string Fix) DnsTooSlow(DnsAnswerCheck check, DnsRecord record, HealthCheckConfig hc, TimeSpan firstInjection, TimeSpan ramp, TimeSpan propagation, TimeSpan deadline, bool certain, TimeSpan suggested)
    {
        var delay = propagation > TimeSpan.Zero ? $" + propagationDelay {F(propagation)}" : string.Empty;
        var earliest = firstInjection + ((hc.FailureThreshold - 1) * hc.Interval) + propagation;
        var worst = firstInjection + ramp + (hc.FailureThreshold * hc.Interval) + propagation + record.LongestAnswerTtl;
        var subject = $"{check.QuerierLocation}'s answer for {record.Name}";
        var rampTerms = ramp > TimeSpan.Zero ? ("ramp-up + ", $"{F(ramp)} + ") : (string.Empty, string.Empty);
        var worstText = $"{rampTerms.Item1}interval × failureThreshold{(propagation > TimeSpan.Zero ? " + propagationDelay" : string.Empty)} + TTL = {rampTerms.Item2}{F(hc.Interval)} × {hc.FailureThreshold}{delay} + {F(record.LongestAnswerTtl)} = {F(worst - firstInjection)}";
        var message = certain
            ? $"check '{check.Name}' cannot pass: {subject} moves to {check.AnswersRegion} only once {hc.Id} is unhealthy, at the earliest {Earliest(hc)}{delay} after the first fault starts at {T(firstInjection)}, "
              + $"so not before {T(earliest)} (usually up to {worstText}, {T(worst)}, as clients keep a cached answer for the TTL); but {Deadline(check.Within, check.Window, deadline)}"
            : $"check '{check.Name}' may not pass: {subject} moves to {check.AnswersRegion} once {hc.Id} is unhealthy and cached answers expire, up to {worstText} after the first fault starts at {T(firstInjection)}, "
              + $"so as late as {T(worst)}; but {Deadline(check.Within, check.Window, deadline)}";
        return (message, $"allow within: {F(suggested)} or more, or lower {record.Name}'s ttl or {hc.Id}'s interval or failureThreshold");
    }

    public static (string Message, string Fix) DnsNoSetInRegion(DnsAnswerCheck check, DnsRecord record) =>
        ($"check '{check.Name}' cannot pass: {record.Name} has no record set in {check.AnswersRegion} (sets: {string.Join(", ", record.Sets.Select(s => $"{s.Id} in {s.Region}"))}), so no answer points there",
         $"expect a region {record.Name} answers with, or add a set in {check.AnswersRegion} to the topology");

    public static (string Message, string Fix) DnsSetAlwaysHealthy(DnsAnswerCheck check, DnsRecord record, RecordSet set, string why) =>
        ($"check '{check.Name}' cannot pass: {check.QuerierLocation}'s answer for {record.Name} is set '{set.Id}' ({set.Region}), which {why}, so the answer never moves to {check.AnswersRegion}",
         $"attach an enabled health check to set '{set.Id}' in the topology, or expect {set.Region}");

    public static (string Message, string Fix) DnsUnobserved(DnsAnswerCheck check, IReadOnlyList<string> observed) =>
        ($"check '{check.Name}' cannot be decided: no population of the load sits at {check.QuerierLocation}, and DNS answers are observed by the load's clients only",
         observed.Count == 0
             ? $"add a client at {check.QuerierLocation} to load.clients"
             : $"add a client at {check.QuerierLocation} to load.clients, or check a location that sends load: {string.Join(", ", observed)}");

    public static (string Message, string Fix) WindowOutsideRun(TrafficCheck check, TimeSpan from, TimeSpan to, TimeSpan runEnd) =>
        ($"check '{check.Name}' cannot pass: its window {check.Window} spans {T(from)} to {T(to)}, which holds no second of the run ({T(TimeSpan.Zero)} to {T(runEnd)}), and a traffic check over no traffic is never passed",
         "move the window inside the run, or lengthen load.baseline or load.recovery");

    public static (string Message, string Fix) DeadlineAfterRun(CheckDefinition check, TimeSpan within, TimeSpan deadline, TimeSpan from, TimeSpan runEnd) =>
        ($"check '{check.Name}' may not be decided: {Deadline(within, check.Window, deadline)}, after the run ends at {T(runEnd)}; if it has not happened by then the check is undecided and the verdict inconclusive",
         runEnd > from
             ? $"shorten within to {F(runEnd - from)} or less, or lengthen load.recovery by {F(deadline - runEnd)}"
             : $"lengthen load.recovery by {F(deadline - runEnd)}, or start the window earlier");

    public static (string Message, string Fix) StopConditionLongerThanRun(StopConditionDefinition condition, TimeSpan runEnd) =>
        ($"stop condition '{condition.Name}' can never fire: it needs {F(condition.For)} in alarm, and the whole run lasts {F(runEnd)}",
         $"shorten for to less than {F(runEnd)}");

    /// <summary><see cref="ConstructionCodes.ChaosResponseSwitchIgnored"/>.</summary>
    public static (string Message, string Fix) ResponseSwitchIgnored(string action, string ignored, string release, string read) =>
        ($"action '{action}' sets {ignored}, which the chaos extension release {release} of its target's functions ignores, so the response is never replaced",
         $"set {read} instead, or set chaosExtensionRelease on the functions in the topology to the release their layer is built from");

    /// <summary><see cref="ConstructionCodes.ChaosExtensionNotAttached"/>.</summary>
    public static (string Message, string Fix) ChaosExtensionNotAttached(string action, IReadOnlyList<string> functions) =>
        ($"action '{action}' sets the chaos extension's variables on {string.Join(", ", functions)}, but the extension is not attached there, so on AWS nothing is injected",
         "attach the layer (attachLayer: chaos-lambda-extension, or layers: in the topology) and set AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap");
}
