using System.Text.Json;
using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Journal;

/// <summary>Everything a journal holds, read back by <see cref="RunJournalReader.Open"/>.</summary>
public sealed class RunJournalContents
{
    /// <summary>The journal file.</summary>
    public required string Path { get; init; }

    /// <summary>What the run was started with.</summary>
    public required RunHeader Header { get; init; }

    /// <summary>Every event, in time order (ties in the order they were journaled).</summary>
    public required IReadOnlyList<RunEvent> Events { get; init; }

    /// <summary>Per-second traffic of every population, in time order, with histograms restored.</summary>
    public required IReadOnlyList<LoadSecond> Traffic { get; init; }

    /// <summary>The phases: as the runner recorded them, else derived from <see cref="PhaseStarted"/> events and the header's start.</summary>
    public required PhaseTimes Phases { get; init; }

    /// <summary>The final state recorded by <see cref="RunJournal.Complete"/>, or <c>null</c> for a partial journal.</summary>
    public RunState? FinalState { get; init; }

    /// <summary>When the journal was completed (lab time), or <c>null</c> for a partial journal.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Whether the run never completed its journal (it was killed, or is still running).</summary>
    public bool Partial => FinalState is null;

    /// <summary>How well the host kept lab time, per lab second; empty for journals written before it was measured.</summary>
    public IReadOnlyList<HostSecond> Host { get; init; } = [];

    /// <summary>Stored check results by stage (e.g. <c>steady-state</c>, <c>final</c>), in the order first written.</summary>
    public required IReadOnlyDictionary<string, JsonElement> CheckResults { get; init; }

    /// <summary>The stored verdict, or <c>null</c> when none was written.</summary>
    public JsonElement? Verdict { get; init; }

    /// <summary>Rows that could not be read back (e.g. an event type this version does not know), described; they are skipped.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// The run's observations, with the experiment and topology rebuilt from the texts stored in the header.
    /// For a partial journal the final state is the last <see cref="RunStateChanged"/> (else <see cref="RunState.Running"/>).
    /// </summary>
    /// <param name="parseExperiment">Parses experiment text: <c>(text, path) =&gt; experiment</c>; may throw for invalid input.</param>
    /// <exception cref="Diagnostics.InvalidInputException">The stored topology no longer reads (e.g. a newer schema).</exception>
    public RunObservations ToObservations(Func<string, string, Experiment> parseExperiment)
    {
        ArgumentNullException.ThrowIfNull(parseExperiment);
        var experiment = parseExperiment(Header.ExperimentText, Header.ExperimentPath);
        var topology = TopologyReader.Read(Header.TopologyText, Header.TopologyPath).ThrowIfInvalid();
        return new RunObservations
        {
            Experiment = experiment,
            Topology = topology,
            Phases = Phases,
            Events = Events,
            Traffic = Traffic,
            Host = Host,
            HostBudget = Host.Count == 0 ? null : HostBudget.For(topology, Header.TimeScale),
            FinalState = FinalState ?? Events.OfType<RunStateChanged>().LastOrDefault()?.State ?? RunState.Running,
            Partial = Partial,
        };
    }
}
