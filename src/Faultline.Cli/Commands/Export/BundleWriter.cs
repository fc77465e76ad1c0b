using Faultline.Core.Aws;
using Faultline.Core.Diagnostics;

namespace Faultline.Cli.Commands.Export;

/// <summary>
/// Writes the bundle's files under a folder. It overwrites only files a previous export wrote there (listed in
/// <see cref="ManifestName"/>), removes files that export wrote and this one does not, and leaves everything
/// else alone; it checks every path before it writes anything.
/// </summary>
internal static class BundleWriter
{
    /// <summary>The list of the files the bundle owns, one path a line, written last.</summary>
    public const string ManifestName = ".faultline-bundle";

    /// <summary>The outcome: what was written and removed, or the problems that stopped it (nothing written then).</summary>
    /// <param name="Written">Paths written, relative to the folder, with <c>/</c>.</param>
    /// <param name="Removed">Paths a previous export wrote that this bundle no longer has.</param>
    /// <param name="Errors">The problems.</param>
    public sealed record Outcome(IReadOnlyList<string> Written, IReadOnlyList<string> Removed, IReadOnlyList<Diagnostic> Errors);

    /// <summary>The folder is a file.</summary>
    public static Diagnostic FolderIsFile(string folder) =>
        Diagnostic.Error(null, $"--out {folder} is a file, not a folder", "name a folder (it is created if missing)");

    /// <summary>A bundle path holds a folder.</summary>
    public static Diagnostic PathIsFolder(string path) =>
        Diagnostic.Error(null, $"{path} is a folder, but the bundle writes a file there", "move the folder away or choose another --out");

    /// <summary>A bundle path holds a file the bundle does not own.</summary>
    public static Diagnostic NotOwned(string path) =>
        Diagnostic.Error(null, $"{path} exists and was not written by faultline export, so it is not overwritten", "move it away or choose another --out");

    /// <summary>Writes <paramref name="files"/> under <paramref name="folder"/>.</summary>
    public static Outcome Write(string folder, IReadOnlyList<BundleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (File.Exists(folder))
        {
            return new Outcome([], [], [FolderIsFile(folder)]);
        }

        var manifest = Path.Combine(folder, ManifestName);
        if (Directory.Exists(manifest))
        {
            return new Outcome([], [], [PathIsFolder(manifest)]);
        }

        var owned = File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : [];
        var errors = new List<Diagnostic>();
        foreach (var file in files)
        {
            var full = Full(folder, file.Path);
            if (Directory.Exists(full))
            {
                errors.Add(PathIsFolder(full));
            }
            else if (File.Exists(full) && !owned.Contains(file.Path))
            {
                errors.Add(NotOwned(full));
            }
        }

        if (errors.Count > 0)
        {
            return new Outcome([], [], errors);
        }

        var written = new List<string>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var full = Full(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, file.Content);
            written.Add(file.Path);
        }

        var removed = new List<string>();
        foreach (var stale in owned.Except(written, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var full = Full(folder, stale);
            if (File.Exists(full))
            {
                File.Delete(full);
                removed.Add(stale);
            }
        }

        File.WriteAllText(manifest, "# Files faultline export wrote here; it overwrites only these.\n" + string.Concat(written.Select(w => w + "\n")));
        return new Outcome(written, removed, []);
    }

    private static string Full(string folder, string path)
    {
        var full = Path.GetFullPath(Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar)));
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        // Bundle paths come from code, but a path escaping the folder must never be written.
        return full.StartsWith(root, StringComparison.Ordinal) ? full : throw new InvalidOperationException($"bundle path {path} leaves the folder");
    }
}
