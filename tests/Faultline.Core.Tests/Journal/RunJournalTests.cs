using System.Text.Json;
using Faultline.Core.Faults;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Journal;

public sealed class RunJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(JournalSamples.Start);
    private readonly List<JournalWriteFailure> _failures = [];

    public void Dispose() => _folder.Dispose();

    private RunJournal Create(string name = "journal.db") =>
        RunJournal.Create(_folder.Combine("run", name), JournalSamples.Header(), _time, f => { lock (_failures) { _failures.Add(f); } });

    private static FaultAppliedEvent Applied(string id, int second) =>
        new() { At = JournalSamples.Start.AddSeconds(second), FaultId = id, Kind = FaultKind.Latency, Targets = ["us-east-1/hello"] };

    [Fact]
    public void Create_NewPath_WritesHeaderInWalMode()
    {
        using var journal = Create();

        using var connection = new SqliteConnection($"Data Source={journal.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT run_id || ' ' || seed || ' ' || started_at FROM run";
        Assert.Equal("20261126-153012-hello-api-7f3a 42 2026-11-26T15:30:12.0000000Z", command.ExecuteScalar());
    }

    [Fact]
    public void Create_FileExists_ThrowsWithoutTouchingIt()
    {
        var path = _folder.Combine("journal.db");
        File.WriteAllText(path, "not mine");

        var error = Assert.Throws<IOException>(() => RunJournal.Create(path, JournalSamples.Header(), _time));

        Assert.Contains("a journal already exists at", error.Message, StringComparison.Ordinal);
        Assert.Equal("not mine", File.ReadAllText(path));
    }

    [Fact]
    public void Create_FolderCannotBeCreated_Throws()
    {
        var blocker = _folder.Combine("file");
        File.WriteAllText(blocker, string.Empty);

        Assert.ThrowsAny<IOException>(() => RunJournal.Create(Path.Combine(blocker, "journal.db"), JournalSamples.Header(), _time));
    }

    [Fact]
    public void AppendEvent_AuditEvent_IsOnDiskBeforeItReturns()
    {
        using var journal = Create();

        journal.AppendEvent(Applied("f-1", 1));

        var image = RunJournalReader.Open(JournalSamples.CrashImage(journal.Path, _folder.Combine("crash")));
        var applied = Assert.IsType<FaultAppliedEvent>(Assert.Single(image.Events));
        Assert.Equal("f-1", applied.FaultId);
        Assert.True(image.Partial);
    }

    [Fact]
    public void AppendEvent_AuditWhileSecondsBatchIsBeingBuilt_IsDurableBeforeTheBatch()
    {
        using var journal = Create();
        string? image = null;

        IEnumerable<LoadSecond> Batch()
        {
            yield return JournalSamples.Second("us-customers", 0);

            // Another thread applies a fault while the batch is half built, then the process dies.
            Task.Run(() => journal.AppendEvent(Applied("f-1", 0))).Wait(TestContext.Current.CancellationToken);
            image = JournalSamples.CrashImage(journal.Path, _folder.Combine("crash"));
            yield return JournalSamples.Second("us-customers", 1);
        }

        journal.AppendSeconds(Batch());

        var crashed = RunJournalReader.Open(image!);
        Assert.Equal("f-1", Assert.IsType<FaultAppliedEvent>(Assert.Single(crashed.Events)).FaultId);
        Assert.Empty(crashed.Traffic);
        Assert.Equal(2, RunJournalReader.Open(JournalSamples.CrashImage(journal.Path, _folder.Combine("later"))).Traffic.Count);
    }

    [Fact]
    public void AppendSeconds_Returned_SecondsAreOnDisk()
    {
        using var journal = Create();

        journal.AppendSeconds([JournalSamples.Second("us-customers", 0), JournalSamples.Second("eu-customers", 0, seed: 2)]);

        var image = RunJournalReader.Open(JournalSamples.CrashImage(journal.Path, _folder.Combine("crash")));
        Assert.Equal(["eu-customers", "us-customers"], image.Traffic.Select(s => s.Population));
    }

    [Fact]
    public void AppendSeconds_SameSecondTwice_KeepsTheLast()
    {
        using (var journal = Create())
        {
            journal.AppendSeconds([JournalSamples.Second("us-customers", 0, seed: 1)]);
            journal.AppendSeconds([JournalSamples.Second("us-customers", 0, seed: 2)]);
        }

        var second = Assert.Single(RunJournalReader.Open(_folder.Combine("run", "journal.db")).Traffic);
        StatsAssert.Equal(JournalSamples.Second("us-customers", 0, seed: 2).Stats, second.Stats);
    }

    [Fact]
    public void AppendSeconds_EnumerationThrows_ReportsAndWritesNothing()
    {
        using var journal = Create();

        IEnumerable<LoadSecond> Broken()
        {
            yield return JournalSamples.Second("us-customers", 0);
            throw new InvalidOperationException("aggregator broke");
        }

        journal.AppendSeconds(Broken());

        Assert.Equal(1, journal.FailedWrites);
        var failure = Assert.Single(_failures);
        Assert.Equal("seconds", failure.Operation);
        Assert.False(failure.Audit);
        Assert.Empty(RunJournalReader.Open(journal.Path).Traffic);
    }

    [Fact]
    public void AppendEvent_AfterDispose_ReportsAuditFailureWithoutThrowing()
    {
        var journal = Create();
        journal.Dispose();

        journal.AppendEvent(Applied("f-1", 1));
        journal.AppendEvent(new HealthChanged { At = JournalSamples.Start, HealthCheck = "hc-us", Healthy = true });

        Assert.Equal(2, journal.FailedWrites);
        Assert.Equal([("event fault-applied", true), ("event health", false)], _failures.Select(f => (f.Operation, f.Audit)));
        Assert.All(_failures, f => Assert.IsType<ObjectDisposedException>(f.Exception));
    }

    [Fact]
    public void AppendEvent_FailureCallbackThrows_StillDoesNotThrow()
    {
        var journal = RunJournal.Create(_folder.Combine("journal.db"), JournalSamples.Header(), _time, _ => throw new InvalidOperationException("sink down"));
        journal.Dispose();

        journal.AppendEvent(Applied("f-1", 1));

        Assert.Equal(1, journal.FailedWrites);
    }

    [Fact]
    public void AppendEvent_StoresTypeSeqTimeAndAuditColumns()
    {
        using var journal = Create();
        journal.AppendEvent(new HealthChanged { At = JournalSamples.Start.AddSeconds(3), HealthCheck = "hc-us", Healthy = false });
        journal.AppendEvent(Applied("f-1", 2));

        using var connection = new SqliteConnection($"Data Source={journal.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(seq || ' ' || at || ' ' || type || ' ' || audit, '; ') FROM events ORDER BY seq";

        Assert.Equal(
            "1 2026-11-26T15:30:15.0000000Z health 0; 2 2026-11-26T15:30:14.0000000Z fault-applied 1",
            command.ExecuteScalar());
    }

    [Fact]
    public void AppendEvent_SeveralThreads_KeepsEveryEvent()
    {
        const int Threads = 8;
        const int PerThread = 100;
        using (var journal = Create())
        {
            Parallel.For(0, Threads, t =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    journal.AppendEvent(Applied($"f-{t}-{i}", i));
                    if (i % 25 == 0)
                    {
                        journal.AppendSeconds([JournalSamples.Second($"p{t}", i, seed: i)]);
                    }
                }
            });
            Assert.Equal(0, journal.FailedWrites);
        }

        var contents = RunJournalReader.Open(_folder.Combine("run", "journal.db"));
        var ids = contents.Events.OfType<FaultAppliedEvent>().Select(e => e.FaultId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Threads * PerThread, ids.Count);
        Assert.Equal(Threads * 4, contents.Traffic.Count);
        Assert.Empty(_failures);
    }

    [Fact]
    public void Complete_RecordsFinalStateAndLabTime()
    {
        using (var journal = Create())
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            journal.Complete(RunState.Stopped);
            Assert.True(journal.IsCompleted);
        }

        var contents = RunJournalReader.Open(_folder.Combine("run", "journal.db"));

        Assert.False(contents.Partial);
        Assert.Equal(RunState.Stopped, contents.FinalState);
        Assert.Equal(JournalSamples.Start.AddMinutes(15), contents.CompletedAt);
    }

    [Fact]
    public void WriteCheckResultsAndVerdict_AnySerializable_StoredAsJson()
    {
        using (var journal = Create())
        {
            journal.WriteCheckResults("steady-state", new[] { new { Name = "eu unaffected", Passed = true } });
            journal.WriteCheckResults("final", JsonDocument.Parse("""[{"name":"x","passed":false}]""").RootElement);
            journal.WriteCheckResults("steady-state", new[] { new { Name = "eu unaffected", Passed = false } });
            journal.WriteVerdict(new { Outcome = RunState.Completed, Reason = "held" });
        }

        var contents = RunJournalReader.Open(_folder.Combine("run", "journal.db"));

        Assert.Equal(["steady-state", "final"], contents.CheckResults.Keys);
        Assert.Equal("""[{"name":"eu unaffected","passed":false}]""", contents.CheckResults["steady-state"].GetRawText());
        Assert.Equal("""[{"name":"x","passed":false}]""", contents.CheckResults["final"].GetRawText());
        Assert.Equal("""{"outcome":"completed","reason":"held"}""", contents.Verdict!.Value.GetRawText());
    }

    [Fact]
    public void WriteVerdict_NotSerializable_ReportsFailure()
    {
        using var journal = Create();

        journal.WriteVerdict(new { Handler = (Action)(() => { }) });

        Assert.Equal("verdict", Assert.Single(_failures).Operation);
        Assert.Null(RunJournalReader.Open(journal.Path).Verdict);
    }

    [Fact]
    public void IsAudit_FaultConfigurationAndProblemEvents_AreAudit()
    {
        Assert.Equal(
            ["fault-applied", "configuration", "problem", "fault-reverted"],
            JournalSamples.EveryEventType().Where(RunJournal.IsAudit).Select(e => JsonSerializer.SerializeToElement(e, JournalJson.Options).GetProperty("type").GetString()));
    }
}
