using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Journal;

/// <summary>Journal test data: a header with the seed topology's text, one event of every type, seconds with varied traffic.</summary>
internal static class JournalSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 30, 12, TimeSpan.Zero);

    public static string TopologyPath => RepoPaths.Combine("samples", "seed", "topology.yaml");

    public static RunHeader Header(string runId = "20261126-153012-hello-api-7f3a") => new()
    {
        RunId = runId,
        ExperimentPath = "/exp/experiment.yaml",
        ExperimentText = "hypothesis:\n  title: eu unaffected\n",
        TopologyPath = TopologyPath,
        TopologyText = File.ReadAllText(TopologyPath),
        Seed = 42,
        TimeScale = 20,
        StartedAt = Start,
        ToolVersion = "0.1.0",
    };

    /// <summary>A parser stand-in for the experiment reader: keeps the text as the title and the path as the source.</summary>
    public static Experiment ParseExperiment(string text, string path) => new()
    {
        TopologyPath = TopologyPath,
        SourcePath = path,
        Hypothesis = new Faultline.Core.Experiments.Hypothesis { Title = text, Checks = [] },
        Load = new LoadPlan(),
    };

    public static IReadOnlyList<RunEvent> EveryEventType() =>
    [
        new RunStateChanged { At = Start, State = RunState.Running, Reason = "started" },
        new PhaseStarted { At = Start, Phase = Phase.Baseline },
        new DnsAnswerChanged { At = Start.AddMilliseconds(5), Location = "us-east-1", Name = "api.example.test", Regions = ["us-east-1"], Addresses = ["127.0.0.1"] },
        new HealthProbeTargetChanged { At = Start.AddSeconds(1), HealthCheck = "hc-us", Fqdn = "api.eu-west-1.example.test", Location = "us-east-1", Address = "127.0.0.2", Region = "eu-west-1" },
        new CheckEvaluated { At = Start.AddSeconds(120), Check = "steady", Passed = true, Measured = "100%", Expected = ">= 99%" },
        new PhaseStarted { At = Start.AddSeconds(120), Phase = Phase.Fault },
        new ActionStateChanged { At = Start.AddSeconds(120), Action = "inject-latency", State = ActionState.Running, Detail = "us-east-1/hello" },
        new FaultAppliedEvent { At = Start.AddSeconds(120).AddTicks(1), FaultId = "f-1", Action = "inject-latency", Kind = FaultKind.HttpResponse, Targets = ["us-east-1/hello", "us-east-1/health"] },
        new ConfigurationChanged
        {
            At = Start.AddSeconds(121),
            Action = "attach",
            Function = "us-east-1/hello",
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true", ["OLD"] = null },
            Layers = ["chaos-extension"],
        },
        new HealthChanged { At = Start.AddSeconds(150), HealthCheck = "hc-us", Healthy = false, PercentageHealthy = 12.5 },
        new StopConditionFired { At = Start.AddSeconds(170), Name = "global outage", Measured = 0.4, Threshold = "< 50%", Lasted = TimeSpan.FromSeconds(61.5) },
        new RunProblem { At = Start.AddSeconds(160), Kind = RunProblemKind.LeaseLapsed, Subject = "f-1", UnderminesVerdict = true, Message = "fault f-1 (latency on us-east-1/hello) was reverted by the lab at T+2:40 when its lease lapsed" },
        new FaultRevertedEvent { At = Start.AddSeconds(171), FaultId = "f-1", Reason = "stopped" },
        new PhaseStarted { At = Start.AddSeconds(171), Phase = Phase.Recovery },
        new RunStateChanged { At = Start.AddSeconds(180), State = RunState.Stopped, Reason = "global outage" },
    ];

    /// <summary>A second of traffic whose latencies spread over several orders of magnitude, drawn from <paramref name="seed"/>.</summary>
    public static LoadSecond Second(string population, long index, int seed = 1)
    {
#pragma warning disable CA5394 // Test data: a seeded, repeatable source.
        var random = new Random(seed);
        var stats = new LoadAccumulator();
        for (var i = 0; i < 200 + random.Next(100); i++)
        {
            stats.RecordSend(TimeSpan.FromMicroseconds(random.Next(1, 5_000)), late: i % 17 == 0);
            var roll = random.Next(100);
            var latency = TimeSpan.FromMicroseconds(random.Next(1, 2_000_000));
            if (roll < 80)
            {
                stats.RecordOutcome(LoadOutcomeKind.Response, 200, roll < 60 ? "us-east-1" : "eu-west-1", latency);
            }
            else if (roll < 85)
            {
                stats.RecordOutcome(LoadOutcomeKind.Response, 504, "us-east-1", latency);
            }
            else if (roll < 88)
            {
                stats.RecordOutcome(LoadOutcomeKind.Response, 429, null, latency);
            }
            else if (roll < 90)
            {
                stats.RecordOutcome(LoadOutcomeKind.Response, 302, null, latency);
            }
            else if (roll < 93)
            {
                stats.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(29));
            }
            else if (roll < 95)
            {
                stats.RecordOutcome(LoadOutcomeKind.ConnectError, 0, null, TimeSpan.Zero);
            }
            else if (roll < 97)
            {
                stats.RecordOutcome(LoadOutcomeKind.DnsError, 0, null, TimeSpan.Zero);
            }
            else if (roll < 99)
            {
                stats.RecordOutcome(LoadOutcomeKind.OtherError, 0, null, TimeSpan.Zero);
            }
            else
            {
                stats.RecordDropped();
            }
        }
#pragma warning restore CA5394

        return new LoadSecond
        {
            Population = population,
            Url = new Uri("https://api.example.test/api/hello"),
            Index = index,
            Start = Start.AddSeconds(index),
            Stats = stats.Snapshot(),
        };
    }

    /// <summary>Copies the journal files as they are on disk right now, as a SIGKILL would leave them, into <paramref name="folder"/>.</summary>
    public static string CrashImage(string journalPath, string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Path.GetFileName(journalPath));
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            if (File.Exists(journalPath + suffix))
            {
                using var source = new FileStream(journalPath + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var target = File.Create(copy + suffix);
                source.CopyTo(target);
            }
        }

        return copy;
    }
}
