using System.Text.Json;
using Faultline.Core.Experiments;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Journal;

public sealed class RunJournalReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(JournalSamples.Start);

    public void Dispose() => _folder.Dispose();

    private string JournalPath => _folder.Combine("journal.db");

    private static string Json(RunEvent e) => JsonSerializer.Serialize(e, JournalJson.Options);

    [Fact]
    public void Open_FullRun_ReadsBackEverything()
    {
        var events = JournalSamples.EveryEventType();
        var seconds = Enumerable.Range(0, 5)
            .SelectMany(i => new[] { JournalSamples.Second("us-customers", i, seed: i), JournalSamples.Second("eu-customers", i, seed: 100 + i) })
            .ToList();
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            // Journaled out of lab-time order, as events from several threads can be.
            foreach (var e in events.Reverse())
            {
                journal.AppendEvent(e);
            }

            journal.AppendSeconds(seconds.Take(4));
            journal.AppendSeconds(seconds.Skip(4));
            journal.Complete(RunState.Stopped);
        }

        var contents = RunJournalReader.Open(JournalPath);

        Assert.Equal(JournalSamples.Header(), contents.Header);
        Assert.Equal(12, contents.Events.Select(e => e.GetType()).Distinct().Count());
        Assert.Equal(events.Reverse().OrderBy(e => e.At).Select(Json), contents.Events.Select(Json));
        Assert.Equal(seconds.Count, contents.Traffic.Count);
        foreach (var original in seconds)
        {
            var read = Assert.Single(contents.Traffic, s => s.Population == original.Population && s.Index == original.Index);
            Assert.Equal((original.Url, original.Start), (read.Url, read.Start));
            StatsAssert.Equal(original.Stats, read.Stats);
        }

        Assert.Equal(contents.Traffic.OrderBy(s => s.Start).ThenBy(s => s.Population, StringComparer.Ordinal), contents.Traffic);
        Assert.False(contents.Partial);
        Assert.Empty(contents.Problems);
    }

    [Fact]
    public void Open_RunProblem_RoundTripsWithKindSubjectAndWhetherItUnderminesTheVerdict()
    {
        var problem = new RunProblem { At = JournalSamples.Start.AddSeconds(192), Kind = RunProblemKind.LabUnreachable, Subject = "http://127.0.0.1:8474", UnderminesVerdict = true, Message = "the lab at http://127.0.0.1:8474 stopped answering at T+3:12" };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendEvent(problem);
        }

        var read = Assert.IsType<RunProblem>(Assert.Single(RunJournalReader.Open(JournalPath).Events));

        Assert.Equal(problem, read);
        Assert.Contains("\"type\":\"problem\"", Json(problem), StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"lab-unreachable\"", Json(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WindowOfSeconds_MergedPercentilesMatchTheOriginals()
    {
        var seconds = Enumerable.Range(0, 30).Select(i => JournalSamples.Second("us-customers", i, seed: i)).ToList();
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds(seconds);
        }

        var traffic = RunJournalReader.Open(JournalPath).Traffic;

        StatsAssert.Equal(LoadStats.Merge(seconds.Skip(10).Take(15).Select(s => s.Stats)), LoadStats.Merge(traffic.Skip(10).Take(15).Select(s => s.Stats)));
    }

    [Fact]
    public void Open_OverdueCount_ReadsBack()
    {
        var second = JournalSamples.Second("us-customers", 0) with { Overdue = 17 };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([second]);
        }

        Assert.Equal(17, Assert.Single(RunJournalReader.Open(JournalPath).Traffic).Overdue);
    }

    [Fact]
    public void Open_JournalFromBeforeTheOverdueColumn_ReadsZero()
    {
        var second = JournalSamples.Second("us-customers", 0) with { Overdue = 17 };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([second]);
        }

        using (var connection = RunJournal.Connect(JournalPath, SqliteOpenMode.ReadWrite))
        using (var command = connection.CreateCommand())
        {
            // What a journal written before the column existed looks like.
            command.CommandText = "ALTER TABLE seconds DROP COLUMN overdue";
            command.ExecuteNonQuery();
        }

        var read = Assert.Single(RunJournalReader.Open(JournalPath).Traffic);

        Assert.Equal(0, read.Overdue);
        StatsAssert.Equal(second.Stats, read.Stats);
    }

    [Fact]
    public void Open_StatusCodes_ReadBack()
    {
        var second = JournalSamples.Second("us-customers", 0);
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([second]);
        }

        var read = Assert.Single(RunJournalReader.Open(JournalPath).Traffic).Stats;

        Assert.Equal([200, 302, 429, 504], read.StatusCodes.Keys.Order());
        Assert.Equal(second.Stats.StatusCodes[429], read.StatusCodes[429]);
        Assert.Equal(read.Status4xx, read.StatusCodes[429]);
    }

    [Fact]
    public void Open_JournalFromBeforeTheStatusCodesColumn_ReadsNoCodesAndTheClasses()
    {
        var second = JournalSamples.Second("us-customers", 0);
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([second]);
        }

        DropColumn("seconds", "status_codes");
        var read = Assert.Single(RunJournalReader.Open(JournalPath).Traffic).Stats;

        Assert.Empty(read.StatusCodes);
        Assert.Equal(second.Stats.Status4xx, read.Status4xx);
    }

    [Fact]
    public void Open_WallStartedAt_ReadsBackAndOlderJournalsHaveNone()
    {
        var wall = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        using (RunJournal.Create(JournalPath, JournalSamples.Header() with { WallStartedAt = wall }, _time))
        {
        }

        var read = RunJournalReader.Open(JournalPath).Header;
        DropColumn("run", "wall_started_at");
        var older = RunJournalReader.Open(JournalPath).Header;

        Assert.Equal(wall, read.WallStartedAt);
        Assert.Null(older.WallStartedAt);
    }

    private void DropColumn(string table, string column)
    {
        using var connection = RunJournal.Connect(JournalPath, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();

        // What a journal written before the column existed looks like.
        command.CommandText = $"ALTER TABLE {table} DROP COLUMN {column}";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_EmptySecond_ReadsBackEmpty()
    {
        var empty = new LoadSecond { Population = "p", Url = new Uri("http://x.test/"), Index = 0, Start = JournalSamples.Start, Stats = LoadStats.Empty };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([empty]);
        }

        StatsAssert.Equal(empty.Stats, Assert.Single(RunJournalReader.Open(JournalPath).Traffic).Stats);
    }

    [Fact]
    public void Open_LatenciesAtTheHistogramEdges_ReadBackEqual()
    {
        var stats = new LoadAccumulator();
        stats.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.Zero);
        stats.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromHours(3));
        var snapshot = stats.Snapshot();
        var second = new LoadSecond { Population = "p", Url = new Uri("http://x.test/"), Index = 0, Start = JournalSamples.Start, Stats = snapshot };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendSeconds([second]);
        }

        StatsAssert.Equal(snapshot, Assert.Single(RunJournalReader.Open(JournalPath).Traffic).Stats);
    }

    [Fact]
    public void Open_NeverCompleted_IsPartialWithItsData()
    {
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendEvent(JournalSamples.EveryEventType()[0]);
            journal.AppendSeconds([JournalSamples.Second("us-customers", 0)]);
        }

        var contents = RunJournalReader.Open(JournalPath);

        Assert.Empty(contents.Problems);
        Assert.True(contents.Partial);
        Assert.Null(contents.FinalState);
        Assert.Null(contents.CompletedAt);
        Assert.Single(contents.Events);
        Assert.Single(contents.Traffic);
    }

    [Fact]
    public void Open_KilledWriter_RecoversTheWal()
    {
        using var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time);
        foreach (var e in JournalSamples.EveryEventType())
        {
            journal.AppendEvent(e);
        }

        journal.AppendSeconds([JournalSamples.Second("us-customers", 0)]);

        // The writer is still open: the copy is what a SIGKILL leaves (main file plus WAL, no shared-memory index).
        var contents = RunJournalReader.Open(JournalSamples.CrashImage(JournalPath, _folder.Combine("crash")));

        Assert.True(contents.Partial);
        Assert.Equal(JournalSamples.EveryEventType().Count, contents.Events.Count);
        StatsAssert.Equal(JournalSamples.Second("us-customers", 0).Stats, Assert.Single(contents.Traffic).Stats);
    }

    [Fact]
    public void Open_WhileTheRunWrites_SeesWhatWasCommitted()
    {
        using var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time);
        journal.AppendEvent(JournalSamples.EveryEventType()[0]);

        var first = RunJournalReader.Open(JournalPath);
        journal.AppendEvent(JournalSamples.EveryEventType()[1]);
        var second = RunJournalReader.Open(JournalPath);

        Assert.Single(first.Events);
        Assert.Equal(2, second.Events.Count);
    }

    [Fact]
    public void Open_NoPhasesWritten_DerivesThemFromEvents()
    {
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            foreach (var e in JournalSamples.EveryEventType())
            {
                journal.AppendEvent(e);
            }
        }

        var phases = RunJournalReader.Open(JournalPath).Phases;

        Assert.Equal(
            new PhaseTimes { RunStart = JournalSamples.Start, FaultStart = JournalSamples.Start.AddSeconds(120), FaultEnd = JournalSamples.Start.AddSeconds(171), RunEnd = JournalSamples.Start.AddSeconds(180) },
            phases);
    }

    [Fact]
    public void Open_PhasesWritten_UsesTheLastWritten()
    {
        var phases = new PhaseTimes { RunStart = JournalSamples.Start.AddSeconds(1), FaultStart = JournalSamples.Start.AddSeconds(121) };
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.WritePhases(new PhaseTimes { RunStart = JournalSamples.Start });
            journal.WritePhases(phases);
            journal.AppendEvent(new PhaseStarted { At = JournalSamples.Start.AddSeconds(500), Phase = Phase.Fault });
        }

        Assert.Equal(phases, RunJournalReader.Open(JournalPath).Phases);
    }

    [Fact]
    public void Open_UnknownEventType_SkipsItAndSaysSo()
    {
        using (var journal = RunJournal.Create(JournalPath, JournalSamples.Header(), _time))
        {
            journal.AppendEvent(JournalSamples.EveryEventType()[0]);
        }

        using (var connection = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """INSERT INTO events (at, type, audit, json) VALUES ('2026-11-26T15:30:13.0000000Z', 'from-the-future', 0, '{"type":"from-the-future","at":"2026-11-26T15:30:13Z"}')""";
            command.ExecuteNonQuery();
        }

        var contents = RunJournalReader.Open(JournalPath);

        Assert.Single(contents.Events);
        Assert.StartsWith("event 2 (from-the-future) skipped: ", Assert.Single(contents.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NoFile_ThrowsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RunJournalReader.Open(JournalPath));

        Assert.Equal($"{JournalPath} is not a Faultline journal: the file does not exist", error.Message);
    }

    [Fact]
    public void Open_NotAJournal_ThrowsInvalidData()
    {
        File.WriteAllText(JournalPath, "plain text, not SQLite at all, long enough to have a header page of sorts");

        var error = Assert.Throws<InvalidDataException>(() => RunJournalReader.Open(JournalPath));

        Assert.StartsWith($"{JournalPath} is not a Faultline journal: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherSqliteDatabase_ThrowsInvalidDataNamingTheVersion()
    {
        using (var connection = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x); PRAGMA user_version = 7;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidDataException>(() => RunJournalReader.Open(JournalPath));

        Assert.Equal($"{JournalPath} is not a Faultline journal: schema version 7, this Faultline reads 1", error.Message);
    }
}
