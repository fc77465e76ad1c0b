namespace Faultline.Core.Journal;

/// <summary>The journal's and run folders' error messages, in one place (they are API: tests pin them).</summary>
public static class JournalErrors
{
    /// <summary>How many recent runs an error lists.</summary>
    public const int RecentRunsListed = 5;

    /// <summary>A journal is never overwritten.</summary>
    public static string AlreadyExists(string path) =>
        $"a journal already exists at {path}; each run writes a new one in its own folder";

    /// <summary>The file is not a journal (or one of a newer version).</summary>
    public static string NotAJournal(string path, string why) =>
        $"{path} is not a Faultline journal: {why}";

    /// <summary>A folder given as a run holds no journal.</summary>
    public static string NoJournalInFolder(string folder) =>
        $"{folder} holds no {RunDirectory.JournalFileName}; give a run folder (one that faultline run wrote) or a run id";

    /// <summary>No run matches an id or prefix.</summary>
    public static string NoSuchRun(string runId, string runsRoot, IReadOnlyList<string> recent) => recent.Count == 0
        ? $"no run '{runId}' in {runsRoot}: it holds no runs yet; pass the run's folder, or --out-dir for another runs folder"
        : $"no run '{runId}' in {runsRoot}; recent runs: {string.Join(", ", recent.Take(RecentRunsListed))}";

    /// <summary>A prefix matches more than one run.</summary>
    public static string AmbiguousRun(string prefix, IReadOnlyList<string> matches) =>
        $"'{prefix}' matches {matches.Count} runs: {string.Join(", ", matches.Take(RecentRunsListed))}{(matches.Count > RecentRunsListed ? ", …" : string.Empty)}; give more of the id";
}
