namespace Faultline.Core.Aws.Analyze;

/// <summary>Every message <c>faultline analyze</c> reports about its input files, in one place (tests pin them).</summary>
public static class AnalyzeErrors
{
    /// <summary>The fix for a file that is not what the AWS CLI prints.</summary>
    public const string FisFix = "pass the output of 'aws fis get-experiment --id EXPERIMENT_ID --output json' unchanged";

    /// <summary>The fix for a metrics file that is not what the AWS CLI prints.</summary>
    public const string MetricsFix = "pass the output of the 'aws cloudwatch get-metric-data' commands 'faultline analyze --print-queries' prints, unchanged";

    /// <summary>An empty file.</summary>
    public static string EmptyJson() => "the file is empty";

    /// <summary>How to fix an empty file.</summary>
    public static string EmptyJsonFix() => "pass the JSON the AWS CLI printed (with --output json)";

    /// <summary>Text after the JSON value.</summary>
    public static string TrailingJson() => "unexpected text after the JSON value";

    /// <summary>Invalid JSON, with System.Text.Json's words.</summary>
    public static string JsonSyntax(string detail) => $"not valid JSON: {detail.Split(" Path:", 2)[0].TrimEnd('.')}";

    /// <summary>How to fix invalid JSON.</summary>
    public static string JsonSyntaxFix() => "the file must be the JSON the AWS CLI printed with --output json (not text or table output)";

    /// <summary>A field of the wrong kind.</summary>
    public static string WrongKind(string path, string expected, string got) => $"'{path}' must be {expected}; it is {got}";

    /// <summary>A required field is missing.</summary>
    public static string Missing(string path) => $"'{path}' is missing";

    /// <summary>A time that does not read.</summary>
    public static string BadTime(string path, string text) => $"'{path}' is '{text}', which is not an ISO 8601 time (e.g. 2026-12-01T10:00:00+00:00)";

    /// <summary>An FIS status that is not one of FIS's.</summary>
    public static string UnknownStatus(string path, string value, IEnumerable<string> known) => $"'{path}' is '{value}', which is not an FIS status; FIS statuses: {string.Join(", ", known)}";

    /// <summary>A metric series CloudWatch did not finish.</summary>
    public static string SeriesIncomplete(string id, string status) => $"series '{id}' has StatusCode '{status}', so its datapoints are incomplete";

    /// <summary>How to fix an incomplete series.</summary>
    public static string SeriesIncompleteFix() => "fetch again with the AWS CLI (it follows NextToken itself) and without --max-datapoints; 'Forbidden' needs cloudwatch:GetMetricData";

    /// <summary>Timestamps and values of different lengths.</summary>
    public static string LengthMismatch(string id, int timestamps, int values) => $"series '{id}' has {timestamps} Timestamps but {values} Values";

    /// <summary>Datapoints not on the 60 s period.</summary>
    public static string NotOneMinute(string id, string at) => $"series '{id}' has a datapoint at {at}, off the 60-second grid its other datapoints are on";

    /// <summary>How to fix datapoints of another period.</summary>
    public static string NotOneMinuteFix() => "ask for \"Period\": 60 as the queries 'faultline analyze --print-queries' prints do";

    /// <summary>The same series in two files.</summary>
    public static string DuplicateSeries(string id, string first) => $"series '{id}' is also in {first}";

    /// <summary>How to fix a series given twice.</summary>
    public static string DuplicateSeriesFix() => "pass each region's metrics file once";

    /// <summary>Experiment actions FIS did not report.</summary>
    public static string ActionsMissing(IEnumerable<string> missing, IEnumerable<string> present) =>
        $"the FIS experiment has no action named {string.Join(", ", missing.Select(m => $"'{m}'"))}; its actions: {Or(present)}";

    /// <summary>How to fix actions that do not match.</summary>
    public static string ActionsMissingFix() => "pass the FIS experiment of this experiment's template (faultline export aws names FIS actions after the experiment's actions)";

    /// <summary>Metric series the analysis needs but the files lack.</summary>
    public static string MetricsMissing(int count, IEnumerable<string> needed) =>
        $"the metrics files lack {count} series the analysis needs: {string.Join("; ", needed)}";

    /// <summary>How to fix missing series.</summary>
    public static string MetricsMissingFix() => "fetch every query 'faultline analyze --experiment EXP --print-queries' prints, one file per region, and pass each with --metrics";

    /// <summary>No datapoints at all.</summary>
    public static string NoDatapoints() => "the metrics files hold no datapoints at all";

    /// <summary>How to fix a fetch without datapoints.</summary>
    public static string NoDatapointsFix() => "check --start-time/--end-time cover the run and that the load generator published to namespace 'Faultline' in each client's region";

    /// <summary>An action that started but has no end and an experiment that has none either.</summary>
    public static string ExperimentNotFinished(string status) => $"the FIS experiment is still '{status}': it has no endTime";

    /// <summary>How to fix an unfinished experiment.</summary>
    public static string ExperimentNotFinishedFix() => "wait until 'aws fis get-experiment' shows it completed, stopped or failed, then fetch it again";

    /// <summary>Two clients whose CloudWatch counters are one series.</summary>
    public static string ClientsIndistinct(IEnumerable<string> clients, string location, string url) =>
        $"clients {string.Join(" and ", clients)} both load {url} from {location}: faultline load publishes per URL only, so in {location}'s CloudWatch their counters are one series";

    /// <summary>How to fix clients CloudWatch cannot tell apart.</summary>
    public static string ClientsIndistinctFix() => "analyze an experiment whose load has one client per location and URL (or merge those clients into one)";

    private static string Or(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
