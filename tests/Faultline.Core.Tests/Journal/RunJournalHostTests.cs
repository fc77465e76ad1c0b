using Faultline.Core.Host;
using Faultline.Core.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Journal;

public sealed class RunJournalHostTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(JournalSamples.Start);

    public void Dispose() => _folder.Dispose();

    private static HostSecond Second(int offset, int latenessMs) =>
        new() { Start = JournalSamples.Start.AddSeconds(offset), Lateness = TimeSpan.FromMilliseconds(latenessMs), Samples = 5 };

    [Fact]
    public void AppendHostSeconds_ReadBack_GivesTheSecondsInOrder()
    {
        string path;
        using (var journal = RunJournal.Create(_folder.Combine("run", "journal.db"), JournalSamples.Header(), _time))
        {
            journal.AppendHostSeconds([Second(1, 2500), Second(0, 10)]);
            journal.AppendHostSeconds([Second(1, 3000)]);
            path = journal.Path;
            Assert.Equal(0, journal.FailedWrites);
        }

        var contents = RunJournalReader.Open(path);

        Assert.Equal([Second(0, 10), Second(1, 3000)], contents.Host);
    }

    [Fact]
    public void Open_JournalWrittenBeforeHostTiming_ReadsWithoutHostSeconds()
    {
        string path;
        using (var journal = RunJournal.Create(_folder.Combine("run", "journal.db"), JournalSamples.Header(), _time))
        {
            path = journal.Path;
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE host_seconds";
            command.ExecuteNonQuery();
        }

        var contents = RunJournalReader.Open(path);

        Assert.Empty(contents.Host);
    }
}
