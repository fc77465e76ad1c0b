using System.Text;

namespace Faultline.Core.Files;

/// <summary>
/// Writes every file a run leaves for others to read (<c>result.json</c>, <c>report.html</c>, <c>junit.xml</c>,
/// <c>compare.html</c>, a batch's <c>summary.json</c> and <c>summary.csv</c>): into a temporary file next to the
/// target, flushed to disk, then renamed over it. A reader (a CI job, a browser, <c>--output json</c>) therefore sees
/// the old file or the new one, never half of one; a writer that fails leaves the old file as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            var bytes = Utf8NoBom.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        });
    }

    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary file in <paramref name="path"/>'s folder (created if missing),
    /// flushes it to disk and renames it over <paramref name="path"/>. When <paramref name="write"/> or the rename
    /// throws, the temporary file is removed, the old file (if any) is left as it was, and the exception propagates.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);

        // Same folder, so the rename stays on one file system and is atomic.
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
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
