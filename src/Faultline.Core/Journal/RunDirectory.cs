using System.Globalization;
using System.Text;
using Faultline.Core.Diagnostics;
using Faultline.Core.Randomness;

namespace Faultline.Core.Journal;

/// <summary>
/// A run's folder: <c>&lt;runs root&gt;/&lt;run id&gt;/</c> holding <c>journal.db</c>, <c>result.json</c> and, once
/// rendered, <c>report.html</c> and <c>junit.xml</c>. Run ids start with the lab time, so they sort by start.
/// </summary>
public sealed class RunDirectory
{
    /// <summary>The default runs root (<c>--out</c>), relative to the current folder: <c>runs</c>.</summary>
    public const string DefaultRoot = "runs";

    /// <summary>The journal's file name.</summary>
    public const string JournalFileName = "journal.db";

    /// <summary>The result's file name.</summary>
    public const string ResultFileName = "result.json";

    /// <summary>The HTML report's file name.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>The JUnit report's file name.</summary>
    public const string JUnitFileName = "junit.xml";

    /// <summary>The longest name part of a run id.</summary>
    public const int MaxNameLength = 40;

    private RunDirectory(string path)
    {
        FullPath = path;
        RunId = System.IO.Path.GetFileName(path);
    }

    /// <summary>The run id (the folder's name).</summary>
    public string RunId { get; }

    /// <summary>The folder, absolute.</summary>
    public string FullPath { get; }

    /// <summary>The journal file.</summary>
    public string JournalPath => System.IO.Path.Combine(FullPath, JournalFileName);

    /// <summary>The <c>result.json</c> file.</summary>
    public string ResultPath => System.IO.Path.Combine(FullPath, ResultFileName);

    /// <summary>The <c>report.html</c> file.</summary>
    public string ReportPath => System.IO.Path.Combine(FullPath, ReportFileName);

    /// <summary>The <c>junit.xml</c> file.</summary>
    public string JUnitPath => System.IO.Path.Combine(FullPath, JUnitFileName);

    /// <summary>
    /// A run id: lab start time (UTC, to the second), the name as a slug, and four hex digits drawn from
    /// <paramref name="random"/>, e.g. <c>20261126-153012-hello-api-7f3a</c>. Draws one value from the source; pass a
    /// derived source to leave the run's sequence alone.
    /// </summary>
    public static string NewRunId(DateTimeOffset labStart, string name, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var suffix = random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
        return $"{labStart.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Slug(name)}-{suffix}";
    }

    /// <summary>
    /// Creates a new run's folder under <paramref name="runsRoot"/> (created if needed) with an id from the lab clock
    /// and <paramref name="random"/>; draws again if that folder exists.
    /// </summary>
    public static RunDirectory Create(string runsRoot, string name, TimeProvider time, RandomSource random)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsRoot);
        ArgumentNullException.ThrowIfNull(time);
        var root = System.IO.Path.GetFullPath(runsRoot);
        Directory.CreateDirectory(root);
        var start = time.GetUtcNow();
        while (true)
        {
            var folder = System.IO.Path.Combine(root, NewRunId(start, name, random));
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                return new RunDirectory(folder);
            }
        }
    }

    /// <summary>The runs under <paramref name="runsRoot"/> (folders holding a journal), newest first; empty when the root does not exist.</summary>
    public static IReadOnlyList<RunDirectory> List(string runsRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsRoot);
        var root = System.IO.Path.GetFullPath(runsRoot);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(System.IO.Path.Combine(d, JournalFileName)))
            .Select(d => new RunDirectory(d))
            .OrderByDescending(r => r.RunId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Resolves what a user typed (<c>faultline report RUN-ID|DIR</c>): a run folder, a journal file, a run id under
    /// <paramref name="runsRoot"/>, or a unique prefix of one.
    /// </summary>
    /// <exception cref="InvalidInputException">Nothing or more than one run matches; the message lists recent runs or the matches.</exception>
    public static RunDirectory Find(string runIdOrPath, string runsRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(runIdOrPath);
        ArgumentException.ThrowIfNullOrEmpty(runsRoot);
        if (File.Exists(runIdOrPath) && string.Equals(System.IO.Path.GetFileName(runIdOrPath), JournalFileName, StringComparison.Ordinal))
        {
            return new RunDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(runIdOrPath))!);
        }

        if (Directory.Exists(runIdOrPath))
        {
            var folder = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(runIdOrPath));
            if (File.Exists(System.IO.Path.Combine(folder, JournalFileName)))
            {
                return new RunDirectory(folder);
            }

            // A bare word that happens to name some folder here is still looked up as a run id.
            if (HasSeparator(runIdOrPath))
            {
                throw new InvalidInputException(JournalErrors.NoJournalInFolder(folder));
            }
        }

        var runs = List(runsRoot);
        var exact = runs.FirstOrDefault(r => string.Equals(r.RunId, runIdOrPath, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var matches = runs.Where(r => r.RunId.StartsWith(runIdOrPath, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidInputException(JournalErrors.NoSuchRun(runIdOrPath, runsRoot, runs.Select(r => r.RunId).ToList())),
            _ => throw new InvalidInputException(JournalErrors.AmbiguousRun(runIdOrPath, matches.Select(r => r.RunId).ToList())),
        };
    }

    /// <summary>A run folder given directly (not looked up as an id).</summary>
    public static RunDirectory Open(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new RunDirectory(System.IO.Path.GetFullPath(folder));
    }

    /// <inheritdoc />
    public override string ToString() => FullPath;

    private static bool HasSeparator(string text) =>
        text.Contains(System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || text.Contains(System.IO.Path.AltDirectorySeparatorChar, StringComparison.Ordinal);

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString(0, Math.Min(slug.Length, MaxNameLength)).Trim('-');
        return text.Length == 0 ? "run" : text;
    }
}
