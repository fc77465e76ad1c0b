using Faultline.Core.Files;

namespace Faultline.Reports.Sweeps;

/// <summary>Writes a simulated batch's <c>report.html</c>.</summary>
public static class SweepWriter
{
    /// <summary>The file name in the batch folder, next to <c>summary.csv</c> and <c>summary.json</c>.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>Renders <paramref name="report"/> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Write(SweepReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, SweepHtmlRenderer.Render(report));
    }
}
