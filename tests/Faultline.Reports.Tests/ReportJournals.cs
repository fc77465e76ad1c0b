using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Reports.Tests;

/// <summary>Journals written in the test from the seed runs (<see cref="SeedRuns"/>), with the sample experiment's text in the header.</summary>
internal sealed class ReportJournals : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faultline-report-").FullName;

    public string Root => _root;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The blog's first run (refuted), complete with its stored verdict.</summary>
    public RunDirectory Misconfigured(string runId = "20260101-120000-misconfigured-0001", bool complete = true) =>
        Write(runId, SeedRuns.Misconfigured().Build(), Path.Combine("seed", "misconfigured"), complete);

    /// <summary>The fixed run (held), complete with its stored verdict.</summary>
    public RunDirectory Correct(string runId = "20260101-130000-correct-0002") =>
        Write(runId, SeedRuns.Correct().Build(), "seed", complete: true);

    /// <summary>The fixed run on a host that stalled 2 lab seconds mid-fault, failing eu customers' requests (inconclusive), complete with its stored verdict.</summary>
    public RunDirectory HostStalled(string runId = "20260101-140000-stalled-0003")
    {
        var stall = SeedRuns.FaultStart + TimeSpan.FromMinutes(5);
        var run = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, TimeSpan.FromMilliseconds(100))
            .Host(stall, stall + TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3))
            .Traffic("eu-customers", stall, stall + TimeSpan.FromSeconds(2), SomeTraffic.Stats(timeouts: 400));
        return Write(runId, run.Build(), "seed", complete: true);
    }

    /// <summary>The blog's first run, but its fault's lease lapsed: inconclusive, with the problem in the journal and the stored verdict.</summary>
    public RunDirectory LeaseLapsed(string runId = "20260101-140000-lapsed-0003") =>
        Write(
            runId,
            SeedRuns.Misconfigured().Event(new RunProblem
            {
                At = SomeRun.At(SeedRuns.FaultStart + TimeSpan.FromSeconds(10)),
                Kind = RunProblemKind.LeaseLapsed,
                Subject = "f1",
                UnderminesVerdict = true,
                Message = "fault f1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed, 9m50s before its planned end",
            }).Build(),
            Path.Combine("seed", "misconfigured"),
            complete: true);

    private RunDirectory Write(string runId, RunObservations observations, string sample, bool complete)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, runId)).FullName;
        var directory = RunDirectory.Open(folder);
        var experimentPath = RepoPaths.Combine("samples", sample, "experiment.yaml");
        var topologyPath = RepoPaths.Combine("samples", sample, "topology.yaml");
        var header = new RunHeader
        {
            RunId = runId,
            ExperimentPath = experimentPath,
            ExperimentText = File.ReadAllText(experimentPath),
            TopologyPath = topologyPath,
            TopologyText = File.ReadAllText(topologyPath),
            Seed = 42,
            TimeScale = 20,
            StartedAt = SomeRun.T0,
            ToolVersion = "0.1.0",
        };
        var time = new FakeTimeProvider(SomeRun.T0);
        using var journal = RunJournal.Create(directory.JournalPath, header, time);
        if (!complete)
        {
            // Without stored phases the reader derives them from these, as it does for a killed run.
            journal.AppendEvent(new PhaseStarted { At = observations.Phases.RunStart, Phase = Core.Experiments.Phase.Baseline });
            journal.AppendEvent(new PhaseStarted { At = observations.Phases.FaultStart!.Value, Phase = Core.Experiments.Phase.Fault });
        }

        foreach (var e in observations.Events.Where(e => complete || e.At < observations.Phases.FaultEnd))
        {
            journal.AppendEvent(e);
        }

        // A killed run's journal stops mid-fault: no later seconds, no verdict, never completed.
        journal.AppendSeconds(observations.Traffic.Where(s => complete || s.Start < observations.Phases.FaultEnd));
        journal.AppendHostSeconds(observations.Host);
        if (complete)
        {
            var verdict = VerdictEngine.Decide(observations);
            journal.WritePhases(observations.Phases);
            journal.WriteCheckResults("final", verdict.Checks);
            journal.WriteVerdict(verdict);
            journal.Complete(observations.FinalState);
        }

        return directory;
    }
}
