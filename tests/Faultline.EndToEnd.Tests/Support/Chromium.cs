using Microsoft.Playwright;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>Debian's chromium, headless, driven by Playwright (never a downloaded browser); eng/test.sh installs it.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches the browser; fails with what to do when it is missing.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: eng/test.sh installs Debian's chromium");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Where screenshots are kept as test artifacts.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Faultline.TestUtils.RepoPaths.Combine("artifacts", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>How many of the canvases under <paramref name="selector"/> have pixels drawn on them.</summary>
    public static Task<int> PaintedCanvasesAsync(IPage page, string selector) =>
        page.EvaluateAsync<int>(
            """
            (selector) => Array.from(document.querySelectorAll(selector)).filter(c => {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { return true; } }
              return false;
            }).length
            """,
            selector);
}
