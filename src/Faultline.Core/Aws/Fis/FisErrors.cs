using Faultline.Core.Text;

namespace Faultline.Core.Aws.Fis;

/// <summary>Every message the FIS export and import give, built in one place (tests pin them).</summary>
public static class FisErrors
{
    /// <summary>The supported action ids, as messages list them.</summary>
    public static string SupportedList => string.Join(", ", FisActionIds.Supported);

    /// <summary>Export: a fault kind FIS and the chaos extension cannot inject.</summary>
    public static (string Message, string Fix) UnsupportedFault(string action, string fault) =>
        ($"action '{action}': fault '{fault}' has no AWS FIS or chaos-extension equivalent, so it cannot be exported",
         "AWS can inject latency, error and http-response faults into Lambda functions; run this action in the lab only (faultline run or simulate), or remove it from the experiment you export");

    /// <summary>Export: a latency fault with a random range.</summary>
    public static (string Message, string Fix) LatencyRange(string action) =>
        ($"action '{action}': a latency fault with min and max cannot be exported: aws:lambda:invocation-add-delay adds one fixed startupDelayMilliseconds",
         "write a fixed delay (delay: 250ms)");

    /// <summary>Export: a delay over FIS's 900,000 ms.</summary>
    public static (string Message, string Fix) DelayTooLong(string action, TimeSpan delay) =>
        ($"action '{action}': delay {Durations.Format(delay)} is longer than aws:lambda:invocation-add-delay's 900000 ms (15m)",
         "use a delay of at most 15m");

    /// <summary>Export: a percentage FIS cannot write.</summary>
    public static (string Message, string Fix) Percentage(string action, double percentage) =>
        ($"action '{action}': percentage {percentage} cannot be exported: FIS's invocationPercentage is a whole number from 1 to 100",
         "use a whole percentage from 1 to 100");

    /// <summary>Export and import: a duration outside FIS's bounds.</summary>
    public static (string Message, string Fix) DurationBounds(string action, string duration) =>
        ($"action '{action}': duration {duration} is outside FIS's bounds of 1 minute to 12 hours",
         "use a duration from 1m to 12h");

    /// <summary>Export: a name FIS rejects.</summary>
    public static (string Message, string Fix) Name(string kind, string name) =>
        ($"{kind} name '{name}' is not a valid FIS name: FIS names start with a letter and hold letters, digits, '-' and '_' (at most 64)",
         "rename it");

    /// <summary>Export: a configure action on a target that does not select every function.</summary>
    public static (string Message, string Fix) ConfigureSelection(string action, string selection) =>
        ($"action '{action}': configure on a target with selectionMode {selection} cannot be exported: aws:ssm:start-automation-execution has no targets, so the functions are named in the document parameters",
         "use selectionMode: ALL for targets of configure actions");

    /// <summary>Export: a configure action across regions.</summary>
    public static (string Message, string Fix) ConfigureRegions(string action, IEnumerable<string> regions) =>
        ($"action '{action}': configure selects functions in {string.Join(", ", regions)}, but one automation runs in one region",
         "split the target by region, one configure action per region");

    /// <summary>Export: a stop-condition metric with no CloudWatch counterpart.</summary>
    public static (string Message, string Fix) StopMetric(string stopCondition, string metric) =>
        ($"stop condition '{stopCondition}': metric {metric} is not published by the load generator, so no CloudWatch alarm can watch it",
         "use successRate, status2xxRate, status4xxRate, status5xxRate, errorRate or requests");

    /// <summary>Export: more stop conditions than FIS allows.</summary>
    public static (string Message, string Fix) TooManyStopConditions(int count) =>
        ($"the experiment has {count} stop conditions; an FIS template takes at most 5", "keep the five that matter most");

    /// <summary>Export: a target with more functions than an FIS target allows.</summary>
    public static (string Message, string Fix) TooManyArns(string target, int count) =>
        ($"target '{target}' selects {count} functions; an FIS target names at most 5 resource ARNs",
         "narrow the target (region, function, route), or select by tags");

    /// <summary>Export: document parameters over FIS's 1024 characters for a parameter value.</summary>
    public static (string Message, string Fix) DocumentParametersTooLong(string action, int length) =>
        ($"action '{action}': its documentParameters are {length} characters; FIS takes at most 1024 for a parameter value",
         "set fewer variables in one configure action, or split it into several");

    /// <summary>Export warning: a target with functions outside the experiment's region.</summary>
    public static (string Message, string Fix) OtherRegion(string target, IEnumerable<string> regions, string region) =>
        ($"target '{target}' selects functions in {string.Join(", ", regions)}, but the experiment runs in {region} and FIS acts on resources of its own region",
         "export one experiment per region (a target with region: set), or expect only the functions in " + region + " to be affected");

    /// <summary>Export warning: an http-response body FIS cannot set.</summary>
    public static (string Message, string Fix) HttpBody(string action) =>
        ($"action '{action}': the response body is not exported: aws:lambda:invocation-http-integration-response sets the status code and content type only",
         "expect FIS's own body on AWS");

    /// <summary>Export warning: a stop condition for some clients only.</summary>
    public static (string Message, string Fix) StopClients(string stopCondition, string region, IEnumerable<string> counted, IEnumerable<string> elsewhere) =>
        ($"stop condition '{stopCondition}': its alarm in {region} counts only {string.Join(", ", counted)}; {string.Join(", ", elsewhere)} publish their metrics in their own region, which a CloudWatch alarm cannot see",
         "locally the condition watches every client it names; on AWS add an alarm per region by hand if the others must stop the experiment too");

    /// <summary>Export error: a stop condition none of whose clients sends from the experiment's region.</summary>
    public static (string Message, string Fix) StopNoLocalClients(string stopCondition, string region, IEnumerable<string> watched) =>
        ($"stop condition '{stopCondition}' watches {string.Join(", ", watched)}, none of which sends from {region}, the experiment's region: its CloudWatch alarm would see no metrics",
         $"name a client located in {region} in the condition's clients, or drop the condition for the AWS export");

    /// <summary>Export warning: a window CloudWatch rounds to whole minutes.</summary>
    public static (string Message, string Fix) StopPeriod(string stopCondition, TimeSpan forDuration, int minutes) =>
        ($"stop condition '{stopCondition}': for {Durations.Format(forDuration)} becomes {minutes} one-minute period(s) in CloudWatch",
         "write for as whole minutes to export it unchanged");

    /// <summary>Export warning: a layer Faultline does not know the ARN of.</summary>
    public static (string Message, string Fix) UnknownLayer(string action, string layer) =>
        ($"action '{action}': layer '{layer}' is exported as version 1 of a layer in your account",
         $"publish it, or use {FisNames.ChaosExtensionLayer} (the published chaos extension)");

    /// <summary>Import: an action id Faultline does not map.</summary>
    public static (string Message, string Fix) UnsupportedAction(string action, string actionId) =>
        ($"action '{action}': FIS action '{actionId}' is not supported", $"supported actions: {SupportedList}");

    /// <summary>Import: a startAfter naming no action.</summary>
    public static (string Message, string Fix) UnknownStartAfter(string action, string after, IEnumerable<string> actions) =>
        ($"action '{action}': startAfter names '{after}', which is not an action of the template", $"actions: {string.Join(", ", actions)}");

    /// <summary>Import: a startAfter cycle.</summary>
    public static (string Message, string Fix) Cycle(IEnumerable<string> actions) =>
        ($"the startAfter graph has a cycle: {string.Join(" -> ", actions)}", "remove one startAfter so every action can start");

    /// <summary>Import: a selectionMode FIS rejects.</summary>
    public static (string Message, string Fix) SelectionMode(string target, string mode) =>
        ($"target '{target}': selectionMode '{mode}' is not valid", "use ALL, COUNT(n) with n >= 1, or PERCENT(n) with n from 1 to 100");

    /// <summary>Import: an action target naming no target.</summary>
    public static (string Message, string Fix) MissingTarget(string action, string target, IEnumerable<string> targets) =>
        ($"action '{action}': target '{target}' is not defined in the template's targets", "defined targets: " + (string.Join(", ", targets) is { Length: > 0 } t ? t : "none"));

    /// <summary>Import: a Lambda action without a Functions target.</summary>
    public static (string Message, string Fix) NoFunctionsTarget(string action) =>
        ($"action '{action}': a Lambda action needs targets.Functions", "add \"targets\": { \"Functions\": \"<target name>\" }");

    /// <summary>Import: a required field missing or of the wrong type.</summary>
    public static (string Message, string Fix) Field(string where, string field, string expected) =>
        ($"{where}: '{field}' is missing or not {expected}", $"write {field} as {expected}");

    /// <summary>Import: a parameter value that is not what the action takes.</summary>
    public static (string Message, string Fix) Parameter(string action, string parameter, string value, string expected) =>
        ($"action '{action}': parameter {parameter} '{value}' is not {expected}", $"write {parameter} as {expected}");

    /// <summary>Import: a target of a resource type Faultline cannot map.</summary>
    public static (string Message, string Fix) ResourceType(string target, string type) =>
        ($"target '{target}': resourceType '{type}' is not supported", $"Faultline maps {FisNames.LambdaResourceType} targets to the topology's functions");

    /// <summary>Import: an ARN that is no function of the topology.</summary>
    public static (string Message, string Fix) UnknownFunction(string target, string arn, IEnumerable<string> functions) =>
        ($"target '{target}': {arn} is not a function of the topology", $"functions (region/name): {string.Join(", ", functions)}");

    /// <summary>Import: ARNs Faultline's target model cannot select exactly.</summary>
    public static (string Message, string Fix) ArnSet(string target) =>
        ($"target '{target}': its ARNs name several but not all functions of a region, which one Faultline target cannot select",
         "target one function, every function of a region, or select by resourceTags");

    /// <summary>Import: the JSON is not an FIS template.</summary>
    public static (string Message, string Fix) NotJson(string detail) =>
        ($"not valid JSON: {detail}", "write the JSON of aws fis get-experiment-template or of create-experiment-template --cli-input-json");

    /// <summary>Import warning: an alarm stop condition whose alarm is not in the bundle.</summary>
    public static (string Message, string Fix) UnknownAlarm(string arn) =>
        ($"stop condition alarm {arn} is not defined in the bundle's cloudformation/alarms.json, so it is not imported",
         "add the stop condition to the experiment's stopConditions");
}
