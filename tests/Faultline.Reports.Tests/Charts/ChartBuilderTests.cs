using Faultline.Reports.Charts;

namespace Faultline.Reports.Tests.Charts;

public sealed class ChartBuilderTests : IDisposable
{
    private readonly ReportJournals _journals = new();
    private RunReport? _report;

    public void Dispose() => _journals.Dispose();

    private RunReport Report => _report ??= ReportBuilder.Build(_journals.Misconfigured().JournalPath);

    private ReportChart Chart(string id) => Report.Charts.Single(c => c.Id == id);

    [Fact]
    public void Build_StatusChart_ColoursByMeaningAndNamesInWords()
    {
        var status = Chart("status");

        Assert.Equal(
            [("status_2xx", "2xx responses", ChartColors.Status2xx), ("status_4xx", "4xx responses", ChartColors.Status4xx), ("status_5xx", "5xx responses", ChartColors.Status5xx), ("errors", "errors and timeouts (no response; 3xx too)", ChartColors.Errors)],
            status.Series.Select(s => (s.Label, s.Legend, s.Color)));
    }

    [Fact]
    public void Build_RegionChart_EachRegionItsOwnColourAndWords()
    {
        var regions = Chart("regions");

        Assert.Equal(
            [("region_eu-west-1", "requests served by eu-west-1", "#8250df"), ("region_us-east-1", "requests served by us-east-1", "#0969da")],
            regions.Series.Select(s => (s.Label, s.Legend, s.Color)));
    }

    [Fact]
    public void Build_HealthChecksAndPopulations_TakeTheirRegionsColour()
    {
        var health = Chart("health");
        var latency = Chart("latency");

        Assert.Equal(ChartColors.Region("us-east-1"), health.Series.Single(s => s.Label == "hc-us").Color);
        Assert.Equal("hc-us (guards us-east-1)", health.Series.Single(s => s.Label == "hc-us").Legend);
        Assert.Equal(ChartColors.Region("eu-west-1"), latency.Series.Single(s => s.Label == "eu-customers p99").Color);
        Assert.True(latency.Series.Single(s => s.Label == "eu-customers p99").Dashed);
    }

    [Fact]
    public void Build_Latency_OnALogScale() => Assert.True(Chart("latency").LogScale);

    [Fact]
    public void Build_SuccessChart_ThresholdsOfChecksOverTheirWindowAndOfTheStopConditionOverTheRun()
    {
        var success = Chart("success");

        var check = success.Series.Single(s => s.Label == "check eu customers unaffected");
        Assert.True(check.Threshold);
        Assert.Equal("check “eu customers unaffected” (eu-customers): success rate >= 99%", check.Legend);
        Assert.Null(check.Values[60]);
        Assert.Equal(99, check.Values[300]);
        var stop = success.Series.Single(s => s.Label == "stop global outage");
        Assert.Equal(ChartColors.StopThreshold, stop.Color);
        Assert.All(stop.Values, v => Assert.Equal(40, v));

        // A region-share check has no chart in its unit: no line.
        Assert.DoesNotContain(success.Series, s => s.Label == "check us customers moved to eu");
        Assert.Contains(success.Series, s => s.Label == "us-customers success" && s.Values[60] == 100);
    }

    [Fact]
    public void Build_CheckersChart_CarriesRoute53s18PercentLine()
    {
        var line = Chart("checkers").Series.Single(s => s.Threshold);

        Assert.StartsWith("Route 53: healthy while more than 18%", line.Legend, StringComparison.Ordinal);
        Assert.All(line.Values, v => Assert.Equal(18, v));
    }

    [Fact]
    public void Build_CloudWatchCharts_TheSameColoursAsThePerSecondOnes()
    {
        var status = Report.CloudWatch.Single(c => c.Id == "cloudwatch-status");
        Assert.Equal([ChartColors.Status2xx, ChartColors.Status4xx, ChartColors.Status5xx], status.Series.Select(s => s.Color));
        Assert.Equal("#0969da", Report.CloudWatch.Single(c => c.Id == "cloudwatch-regions").Series.Single(s => s.Label == "region_us-east-1").Color);
    }
}
