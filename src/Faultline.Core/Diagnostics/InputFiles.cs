using Faultline.Core.Text;

namespace Faultline.Core.Diagnostics;

/// <summary>
/// Reads an input file (topology, experiment) and turns what a user can get wrong about it — a folder
/// named as the file, a file they may not read — into a diagnostic naming the path and the fix, never an
/// exception. A missing file is left to the caller, whose message says what the file is for.
/// </summary>
public static class InputFiles
{
    /// <summary>
    /// The text of <paramref name="path"/>, or <c>null</c> with <paramref name="error"/> set when the path is a
    /// folder or cannot be read; <c>null</c> with no error when nothing exists there.
    /// </summary>
    /// <param name="path">The path as the user wrote it.</param>
    /// <param name="kind">What the file is, for messages: <c>topology</c>, <c>experiment</c>.</param>
    /// <param name="error">The diagnostic when the path exists but cannot be read as a file.</param>
    public static string? TryRead(string path, string kind, out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        error = null;
        if (Directory.Exists(path))
        {
            error = IsFolder(path, kind);
            return null;
        }

        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = Unreadable(path, kind, ex.Message);
            return null;
        }
    }

    /// <summary>A folder where a file belongs.</summary>
    public static Diagnostic IsFolder(string path, string kind) =>
        Diagnostic.Error(null, $"{kind} file '{Echo.Value(path)}' is a folder", $"name the {kind} file itself, e.g. {Echo.Value(Path.Combine(path, kind + ".yaml"))}");

    /// <summary>A file that exists but cannot be read (permissions, a device, an I/O error).</summary>
    public static Diagnostic Unreadable(string path, string kind, string reason) =>
        Diagnostic.Error(null, $"{kind} file '{Echo.Value(path)}' cannot be read: {reason}", "check that it is a file you may read (ls -l shows its permissions)");
}
