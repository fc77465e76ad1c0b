using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Journal;

public sealed class RunJournalContentsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(JournalSamples.Start);

    public void Dispose() => _folder.Dispose();

    private RunJournalContents Write(bool complete)
    {
        var path = _folder.Combine("journal.db");
        using (var journal = RunJournal.Create(path, JournalSamples.Header(), _time))
        {
            journal.AppendEvent(new RunStateChanged { At = JournalSamples.Start, State = RunState.Running });
            journal.AppendSeconds([JournalSamples.Second("us-customers", 0)]);
            if (complete)
            {
                journal.Complete(RunState.Completed);
            }
        }

        return RunJournalReader.Open(path);
    }

    [Fact]
    public void ToObservations_CompleteJournal_RebuildsFromStoredTexts()
    {
        var observations = Write(complete: true).ToObservations(JournalSamples.ParseExperiment);

        Assert.Equal(JournalSamples.Header().ExperimentText, observations.Experiment.Hypothesis.Title);
        Assert.Equal("/exp/experiment.yaml", observations.Experiment.SourcePath);
        Assert.Equal(["us-east-1", "eu-west-1"], observations.Topology.Regions.Select(r => r.Name));
        Assert.Equal(JournalSamples.Start, observations.Phases.RunStart);
        Assert.Single(observations.Events);
        Assert.Single(observations.Traffic);
        Assert.Equal(RunState.Completed, observations.FinalState);
        Assert.False(observations.Partial);
    }

    [Fact]
    public void ToObservations_PartialJournal_TakesTheLastRunStateAndIsPartial()
    {
        var observations = Write(complete: false).ToObservations(JournalSamples.ParseExperiment);

        Assert.True(observations.Partial);
        Assert.Equal(RunState.Running, observations.FinalState);
        Assert.Null(observations.Phases.RunEnd);
    }
}
