using Faultline.Core.Diagnostics;
using Faultline.Core.Journal;
using Faultline.Core.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Journal;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Root => _folder.Combine("runs");

    private RunDirectory NewRun(string id)
    {
        var run = RunDirectory.Open(Path.Combine(Root, id));
        Directory.CreateDirectory(run.FullPath);
        File.WriteAllText(run.JournalPath, string.Empty);
        return run;
    }

    [Fact]
    public void NewRunId_LabTimeNameAndDraw_FormatsSortableId()
    {
        var id = RunDirectory.NewRunId(new DateTimeOffset(2026, 11, 26, 16, 30, 12, TimeSpan.FromHours(1)), "hello-api", new RandomSource(42));

        Assert.Matches("^20261126-153012-hello-api-[0-9a-f]{4}$", id);
    }

    [Fact]
    public void NewRunId_SameSeed_SameId()
    {
        var at = new DateTimeOffset(2026, 11, 26, 15, 30, 12, TimeSpan.Zero);

        Assert.Equal(RunDirectory.NewRunId(at, "x", new RandomSource(7)), RunDirectory.NewRunId(at, "x", new RandomSource(7)));
        Assert.NotEqual(RunDirectory.NewRunId(at, "x", new RandomSource(7)), RunDirectory.NewRunId(at, "x", new RandomSource(8)));
    }

    [Fact]
    public void NewRunId_LaterStart_SortsAfter()
    {
        var random = new RandomSource(1);
        var start = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var ids = new[] { start, start.AddSeconds(1), start.AddDays(40), start.AddYears(1) }
            .Select(at => RunDirectory.NewRunId(at, "zzz", random))
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Hello API!", "hello-api")]
    [InlineData("  --seed/experiment.yaml", "seed-experiment-yaml")]
    [InlineData("", "run")]
    [InlineData("ééé", "run")]
    [InlineData("a-very-long-experiment-name-that-goes-on-and-on-forever", "a-very-long-experiment-name-that-goes-on")]
    public void NewRunId_Name_BecomesSlug(string name, string slug)
    {
        var id = RunDirectory.NewRunId(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), name, new RandomSource(1));

        Assert.Equal(slug, id["20260102-030405-".Length..^5]);
    }

    [Fact]
    public void Create_TakenId_DrawsAnother()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 15, 30, 12, TimeSpan.Zero));

        var first = RunDirectory.Create(Root, "hello-api", time, new RandomSource(3));
        var second = RunDirectory.Create(Root, "hello-api", time, new RandomSource(3));

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.True(Directory.Exists(first.FullPath));
        Assert.True(Directory.Exists(second.FullPath));
        Assert.Equal(Path.Combine(first.FullPath, "journal.db"), first.JournalPath);
        Assert.Equal(
            ["journal.db", "result.json", "report.html", "junit.xml"],
            new[] { first.JournalPath, first.ResultPath, first.ReportPath, first.JUnitPath }.Select(Path.GetFileName));
    }

    [Fact]
    public void List_Runs_NewestFirstOnlyWithJournals()
    {
        NewRun("20261126-153012-a-0001");
        NewRun("20261127-090000-a-0002");
        Directory.CreateDirectory(Path.Combine(Root, "20261128-000000-empty-0003"));

        Assert.Equal(["20261127-090000-a-0002", "20261126-153012-a-0001"], RunDirectory.List(Root).Select(r => r.RunId));
        Assert.Empty(RunDirectory.List(_folder.Combine("missing")));
    }

    [Fact]
    public void Find_ExactId_ReturnsIt()
    {
        NewRun("20261126-153012-a-0001");
        var run = NewRun("20261126-153012-a-0001x");

        Assert.Equal(run.FullPath, RunDirectory.Find("20261126-153012-a-0001x", Root).FullPath);
        Assert.Equal("20261126-153012-a-0001", RunDirectory.Find("20261126-153012-a-0001", Root).RunId);
    }

    [Fact]
    public void Find_UniquePrefix_ReturnsIt()
    {
        NewRun("20261126-153012-a-0001");
        var run = NewRun("20261127-090000-a-0002");

        Assert.Equal(run.FullPath, RunDirectory.Find("20261127", Root).FullPath);
    }

    [Fact]
    public void Find_Folder_ReturnsItWhateverTheRoot()
    {
        var run = NewRun("20261126-153012-a-0001");

        Assert.Equal(run.FullPath, RunDirectory.Find(run.FullPath + Path.DirectorySeparatorChar, _folder.Combine("elsewhere")).FullPath);
        Assert.Equal(run.FullPath, RunDirectory.Find(run.JournalPath, _folder.Combine("elsewhere")).FullPath);
    }

    [Fact]
    public void Find_FolderWithoutJournal_SaysSo()
    {
        var folder = _folder.Combine("not-a-run");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<InvalidInputException>(() => RunDirectory.Find(folder, Root));

        Assert.Equal(
            $"{folder} holds no journal.db; give a run folder (one that faultline run wrote) or a run id",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Find_AmbiguousPrefix_ListsMatches()
    {
        NewRun("20261126-153012-a-0001");
        NewRun("20261126-160000-a-0002");
        NewRun("20261127-090000-a-0003");

        var error = Assert.Throws<InvalidInputException>(() => RunDirectory.Find("20261126", Root));

        Assert.Equal(
            "'20261126' matches 2 runs: 20261126-160000-a-0002, 20261126-153012-a-0001; give more of the id",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Find_NoMatch_ListsRecentRuns()
    {
        for (var i = 1; i <= 7; i++)
        {
            NewRun($"2026112{i}-000000-a-000{i}");
        }

        var error = Assert.Throws<InvalidInputException>(() => RunDirectory.Find("2025", Root));

        Assert.Equal(
            $"no run '2025' in {Root}; recent runs: 20261127-000000-a-0007, 20261126-000000-a-0006, 20261125-000000-a-0005, 20261124-000000-a-0004, 20261123-000000-a-0003",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Find_NoRunsYet_SaysTheRootIsEmpty()
    {
        var error = Assert.Throws<InvalidInputException>(() => RunDirectory.Find("2026", Root));

        Assert.Equal(
            $"no run '2026' in {Root}: it holds no runs yet; pass the run's folder, or --out-dir for another runs folder",
            Assert.Single(error.Diagnostics).Message);
    }
}
