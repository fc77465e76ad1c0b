using System.Text.Json;

namespace Faultline.Core.Journal;

/// <summary>Writes a run's <c>result.json</c>: indented camelCase JSON, replaced atomically so a reader never sees half a file.</summary>
public static class ResultJson
{
    /// <summary>
    /// Serializes <paramref name="result"/> with <see cref="JournalJson.Indented"/> into a temporary file next to
    /// <paramref name="path"/>, flushes it to disk, then renames it over <paramref name="path"/>. On failure the old file
    /// (if any) is left as it was and the temporary file is removed.
    /// </summary>
    public static void Write(string path, object result)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(result);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);

        // Same folder, so the rename stays on one file system and is atomic.
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, result, result.GetType(), JournalJson.Indented);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
