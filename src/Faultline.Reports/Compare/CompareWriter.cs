using Faultline.Core.Files;

namespace Faultline.Reports.Compare;

/// <summary>Writes <c>compare.html</c>.</summary>
public static class CompareWriter
{
    /// <summary>Renders <paramref name="comparison"/> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Write(RunComparison comparison, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, CompareHtmlRenderer.Render(comparison));
    }
}
