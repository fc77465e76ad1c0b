using System.Text.Json;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Verdict;
using Faultline.Reports.Charts;

namespace Faultline.Reports;

/// <summary>Builds a <see cref="RunReport"/> from a journal, complete or partial.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// Builds the report: the verdict the run stored, else one recomputed from the journal with
    /// <see cref="VerdictEngine.Decide(RunObservations)"/> (a killed run stores none); the charts from the journal's
    /// seconds and events. The experiment and topology are rebuilt from the texts the journal stored.
    /// </summary>
    /// <exception cref="InvalidInputException">The run stored no verdict and its experiment no longer reads.</exception>
    public static RunReport Build(RunJournalContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var header = contents.Header;
        var topology = TopologyReader.Read(header.TopologyText, header.TopologyPath).Topology;
        var experiment = ExperimentReader.Read(header.ExperimentText, header.ExperimentPath, (_, _) => TopologyReader.Read(header.TopologyText, header.TopologyPath)).Experiment;
        var stored = StoredVerdict(contents);
        RunVerdict verdict;
        if (stored is not null && (!contents.Partial || experiment is null))
        {
            verdict = stored;
        }
        else
        {
            // A partial journal's stored verdict (if any) predates its last rows; recompute from what is there.
            verdict = VerdictEngine.Decide(contents.ToObservations((text, path) =>
                ExperimentReader.Read(text, path, (_, _) => TopologyReader.Read(header.TopologyText, header.TopologyPath)).ThrowIfInvalid()));
        }

        return new RunReport
        {
            Header = header,
            Title = experiment?.Hypothesis.Title ?? verdict.Hypothesis,
            Verdict = verdict,
            VerdictRecomputed = !ReferenceEquals(verdict, stored),
            Partial = contents.Partial,
            FinalState = contents.FinalState ?? contents.Events.OfType<RunStateChanged>().LastOrDefault()?.State ?? RunState.Running,
            Phases = contents.Phases,
            Charts = ChartBuilder.Build(contents.Phases, contents.Events, contents.Traffic, topology, experiment),
            CloudWatch = CloudWatchCharts.Build(experiment, topology, contents.Phases, contents.Events, contents.Traffic, CloudWatchCharts.End(contents.Phases, contents.Events, contents.Traffic)),
            Markers = ChartBuilder.Markers(contents.Phases, contents.Events),
            Problems = contents.Problems,
        };
    }

    /// <summary>
    /// Builds the report of a run that has no journal (e.g. a real AWS run read by <c>faultline analyze</c>): its
    /// header, its observations and the verdict already decided from them. Charts come from the observations.
    /// </summary>
    public static RunReport Build(RunHeader header, RunObservations observations, RunVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(verdict);
        return new RunReport
        {
            Header = header,
            Title = observations.Experiment.Hypothesis.Title,
            Verdict = verdict,
            Partial = observations.Partial,
            FinalState = observations.FinalState,
            Phases = observations.Phases,
            Charts = ChartBuilder.Build(observations.Phases, observations.Events, observations.Traffic, observations.Topology, observations.Experiment),
            CloudWatch = CloudWatchCharts.Build(observations.Experiment, observations.Topology, observations.Phases, observations.Events, observations.Traffic, CloudWatchCharts.End(observations.Phases, observations.Events, observations.Traffic)),
            Markers = ChartBuilder.Markers(observations.Phases, observations.Events),
        };
    }

    /// <summary>Reads the journal at <paramref name="journalPath"/> and builds its report.</summary>
    public static RunReport Build(string journalPath) => Build(RunJournalReader.Open(journalPath));

    private static RunVerdict? StoredVerdict(RunJournalContents contents)
    {
        if (contents.Verdict is not { } json)
        {
            return null;
        }

        try
        {
            return json.Deserialize<RunVerdict>(JournalJson.Options);
        }
        catch (JsonException)
        {
            // Written by another version in another shape: the journal still has what it takes to recompute.
            return null;
        }
    }
}
