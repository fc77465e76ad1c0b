using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Load;
using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Writes a run's observations (a simulated or live local run) as the files a real AWS run gives <c>analyze</c>: the
/// JSON of <c>aws fis get-experiment</c> and, per region, of <c>aws cloudwatch get-metric-data</c> for
/// <see cref="MetricQueries"/> at 1-minute resolution. Test data for <c>analyze</c>: the run's own verdict is what
/// analyzing these files must give. Times are shifted so the run starts on a whole minute (CloudWatch's grid).
/// </summary>
public static class AwsRunFiles
{
    /// <summary>The experiment id written into the FIS file: <c>EXPfaultlinelocal</c>.</summary>
    public const string ExperimentId = "EXPfaultlinelocal";

    /// <summary>
    /// The FIS file's text and one metrics file text per region (keyed by region), for <paramref name="observations"/>
    /// shifted by <paramref name="shift"/> (default: to the next whole minute).
    /// </summary>
    public static (string Fis, IReadOnlyDictionary<string, string> Metrics) Write(RunObservations observations, TimeSpan? shift = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var start = observations.Phases.RunStart;
        var by = shift ?? (TimeSpan.FromTicks((TimeSpan.TicksPerMinute - (start.UtcTicks % TimeSpan.TicksPerMinute)) % TimeSpan.TicksPerMinute));
        var queries = MetricQueries.For(observations.Experiment, observations.Topology);
        var metrics = queries
            .GroupBy(q => q.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => MetricsJson(observations, g.ToList(), by), StringComparer.Ordinal);
        return (FisJson(observations, by), metrics);
    }

    private static string FisJson(RunObservations observations, TimeSpan by)
    {
        var phases = observations.Phases;
        var end = (phases.FaultEnd ?? phases.RunEnd ?? phases.RunStart) + by;
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("experiment");
            writer.WriteString("id", ExperimentId);
            writer.WriteString("experimentTemplateId", "EXTfaultlinelocal");
            writer.WriteString("roleArn", "arn:aws:iam::123456789012:role/faultline-fis");
            writer.WriteStartObject("state");
            writer.WriteString("status", Status(observations.FinalState));
            writer.WriteString("reason", $"Experiment {Status(observations.FinalState)}.");
            writer.WriteEndObject();
            writer.WriteStartObject("actions");
            foreach (var action in observations.Experiment.Actions)
            {
                var states = observations.Events.OfType<ActionStateChanged>().Where(e => string.Equals(e.Action, action.Name, StringComparison.Ordinal)).ToList();
                var started = states.FirstOrDefault(s => s.State is ActionState.Running);
                var last = states.LastOrDefault();
                writer.WriteStartObject(action.Name);
                writer.WriteString("actionId", ActionId(action));
                writer.WriteStartObject("state");
                writer.WriteString("status", (last?.State ?? ActionState.Cancelled).ToString().ToLowerInvariant());
                writer.WriteString("reason", last?.Detail ?? "Action completed.");
                writer.WriteEndObject();
                if (started is not null)
                {
                    writer.WriteString("startTime", Time(started.At + by));
                    if (last is { State: not (ActionState.Running or ActionState.Initiating or ActionState.Pending) })
                    {
                        writer.WriteString("endTime", Time(last.At + by));
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("stopConditions");
            writer.WriteStartObject();
            writer.WriteString("source", "none");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("creationTime", Time((phases.FaultStart ?? phases.RunStart) + by));
            writer.WriteString("startTime", Time((phases.FaultStart ?? phases.RunStart) + by));
            writer.WriteString("endTime", Time(end));
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static string MetricsJson(RunObservations observations, List<MetricQuery> queries, TimeSpan by)
    {
        var start = observations.Phases.RunStart + by;
        var end = (observations.Phases.RunEnd ?? CheckEnd(observations)) + by;
        var minutes = new List<DateTimeOffset>();
        for (var m = start; m < end; m += AwsMetricConventions.Period)
        {
            minutes.Add(m);
        }

        var perMinute = observations.Traffic
            .GroupBy(s => (s.Population, Minute: Floor(s.Start + by)))
            .ToDictionary(g => g.Key, g => LoadStats.Merge(g.Select(s => s.Stats)));
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("MetricDataResults");
            foreach (var q in queries)
            {
                var points = q.Kind == MetricQueryKind.HealthCheckStatus
                    ? minutes.Select(m => (m, Healthy(observations, q.HealthCheck!, m - by) ? 1.0 : 0.0)).ToList()
                    : minutes.Where(m => perMinute.ContainsKey((q.Client!, m))).Select(m => (m, (double)CloudWatchMinutes.Count(q, perMinute[(q.Client!, m)]))).ToList();
                writer.WriteStartObject();
                writer.WriteString("Id", q.Id);
                writer.WriteString("Label", q.Label);
                writer.WriteStartArray("Timestamps");
                foreach (var (at, _) in points)
                {
                    writer.WriteStringValue(Time(at));
                }

                writer.WriteEndArray();
                writer.WriteStartArray("Values");
                foreach (var (_, value) in points)
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
                writer.WriteString("StatusCode", "Complete");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Messages");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static DateTimeOffset CheckEnd(RunObservations observations) => Checks.CheckEvaluator.Horizon(observations);

    // Route 53's HealthCheckStatus with statistic Minimum: 0 when the check was unhealthy at any moment of the minute.
    private static bool Healthy(RunObservations observations, string check, DateTimeOffset minute)
    {
        var flips = observations.Events.OfType<HealthChanged>().Where(e => string.Equals(e.HealthCheck, check, StringComparison.Ordinal)).ToList();
        var atStart = flips.LastOrDefault(e => e.At <= minute)?.Healthy ?? true;
        return atStart && !flips.Any(e => !e.Healthy && e.At > minute && e.At < minute + AwsMetricConventions.Period);
    }

    private static string ActionId(ActionDefinition action) => action switch
    {
        WaitAction => "aws:fis:wait",
        FaultAction fault when FaultKindRegistry.Get(fault.Options.Kind).FisActionId is { } id => id,
        _ => "aws:ssm:start-automation-execution",
    };

    private static string Status(RunState state) => state switch
    {
        RunState.Stopped => "stopped",
        RunState.Failed => "failed",
        RunState.Cancelled => "cancelled",
        _ => "completed",
    };

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    // The AWS CLI prints timestamps as Python's isoformat(): microseconds only when there are any, and the offset.
    private static string Time(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
