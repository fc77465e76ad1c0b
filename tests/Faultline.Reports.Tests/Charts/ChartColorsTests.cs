using Faultline.Reports.Charts;

namespace Faultline.Reports.Tests.Charts;

public sealed class ChartColorsTests
{
    [Fact]
    public void StatusClasses_GreenAmberRedGrey()
    {
        Assert.Equal("#1a7f37", ChartColors.Status2xx);
        Assert.Equal("#bf8700", ChartColors.Status4xx);
        Assert.Equal("#cf222e", ChartColors.Status5xx);
        Assert.Equal("#6e7781", ChartColors.Errors);
    }

    [Theory]
    [InlineData("us-east-1", "#0969da")]
    [InlineData("eu-west-1", "#8250df")]
    [InlineData("us-west-2", "#1b7c83")]
    public void Region_KnownAwsRegion_ItsFixedColour(string region, string expected) =>
        Assert.Equal(expected, ChartColors.Region(region));

    [Fact]
    public void Region_UnknownName_TheSamePaletteColourOnEveryCall()
    {
        // FNV-1a of the name, not string.GetHashCode (which changes from process to process): pinned here.
        Assert.Equal("#0969da", ChartColors.Region("mars-north-1"));
        Assert.Equal(ChartColors.Region("mars-north-1"), ChartColors.Region("mars-north-1"));
        Assert.Contains(ChartColors.Region("lab-region-7"), ChartColors.Palette);
    }

    [Fact]
    public void Palette_HasNoStatusColour_SoARegionNeverReadsAsErrors()
    {
        Assert.DoesNotContain(ChartColors.Palette, c => c is ChartColors.Status2xx or ChartColors.Status4xx or ChartColors.Status5xx or ChartColors.Errors);
        Assert.All(ChartColors.KnownRegions.Values, i => Assert.InRange(i, 0, ChartColors.Palette.Count - 1));
    }
}
