using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Faultline.TestUtils;

namespace Faultline.Reports.Tests.Html;

/// <summary>uPlot is checked in (src/Faultline.Reports/web/vendor/uplot-1.6.32) so building Faultline needs no Node.js.</summary>
public sealed class VendoredUPlotTests
{
    private static readonly string Folder = RepoPaths.Combine("src", "Faultline.Reports", "web", "vendor", "uplot-1.6.32");

    [Theory]
    [InlineData("uPlot.iife.min.js")]
    [InlineData("uPlot.min.css")]
    [InlineData("LICENSE")]
    public void VendoredFile_HasTheHashItsReadmeRecords(string file)
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var recorded = HashRow(file).Match(readme);

        Assert.True(recorded.Success, $"README.md records no SHA-256 for {file}");
        Assert.Equal(recorded.Groups[1].Value, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, file)))));
    }

    [Fact]
    public void License_IsUPlotsMit() =>
        Assert.Contains("The MIT License", File.ReadAllText(Path.Combine(Folder, "LICENSE")), StringComparison.Ordinal);

    [Fact]
    public void ReportsProject_EmbedsTheVendoredFilesAndRunsNoNpm()
    {
        var project = File.ReadAllText(RepoPaths.Combine("src", "Faultline.Reports", "Faultline.Reports.csproj"));

        Assert.Contains("web/vendor/uplot-1.6.32/", project, StringComparison.Ordinal);
        Assert.DoesNotContain("npm", project, StringComparison.Ordinal);
        Assert.DoesNotContain("node_modules", project, StringComparison.Ordinal);
        Assert.DoesNotContain("<Exec", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InlinesTheVendoredLibrary()
    {
        using var journals = new ReportJournals();
        var html = Faultline.Reports.Html.HtmlReportRenderer.Render(ReportBuilder.Build(journals.Correct().JournalPath));

        Assert.Contains(File.ReadAllText(Path.Combine(Folder, "uPlot.iife.min.js")).Trim(), html, StringComparison.Ordinal);
    }

    private static Regex HashRow(string file) => new($@"\| `{Regex.Escape(file)}` \| [^|]+ \| `([0-9a-f]{{64}})` \|", RegexOptions.CultureInvariant);
}
