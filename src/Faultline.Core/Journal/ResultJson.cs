using System.Text.Json;
using Faultline.Core.Files;

namespace Faultline.Core.Journal;

/// <summary>Writes a run's <c>result.json</c> (and a batch's <c>summary.json</c>): indented camelCase JSON, replaced atomically so a reader never sees half a file.</summary>
public static class ResultJson
{
    /// <summary>
    /// Serializes <paramref name="result"/> with <see cref="JournalJson.Indented"/> to <paramref name="path"/> through
    /// <see cref="AtomicFile.Write"/>: on failure the old file (if any) is left as it was and no temporary file remains.
    /// </summary>
    public static void Write(string path, object result)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, result, result.GetType(), JournalJson.Indented));
    }
}
