using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Tests.Aws.Analyze;

public sealed class MetricDataReaderTests
{
    [Fact]
    public void Read_DescendingTimestamps_AreSortedAscending()
    {
        var text = """
            {"MetricDataResults": [{"Id": "s2xx_us", "Label": "us status_2xx",
              "Timestamps": ["2026-12-01T10:01:00+00:00", "2026-12-01T10:00:00+00:00"], "Values": [2.0, 1.0], "StatusCode": "Complete"}],
             "Messages": []}
            """;

        var series = Assert.Single(MetricDataReader.Read(text, "m.json"));

        Assert.Equal([1.0, 2.0], series.Points.Select(p => p.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), series.Points[0].At);
    }

    [Fact]
    public void Read_PartialDataMismatchAndOffGrid_AreLocatedErrors()
    {
        var text = """
            {"MetricDataResults": [
              {"Id": "a", "Timestamps": [], "Values": [], "StatusCode": "PartialData"},
              {"Id": "b", "Timestamps": ["2026-12-01T10:00:00+00:00"], "Values": [], "StatusCode": "Complete"},
              {"Id": "c", "Timestamps": ["2026-12-01T10:00:00+00:00", "2026-12-01T10:05:00+00:00", "2026-12-01T10:05:05+00:00"], "Values": [1, 2, 3], "StatusCode": "Complete"}
            ]}
            """;

        var e = Assert.Throws<InvalidInputException>(() => MetricDataReader.Read(text, "m.json"));

        Assert.Equal(
            [
                $"m.json:2:61: {AnalyzeErrors.SeriesIncomplete("a", "PartialData")}; {AnalyzeErrors.SeriesIncompleteFix()}",
                $"m.json:3:70: {AnalyzeErrors.LengthMismatch("b", 1, 0)}; {AnalyzeErrors.MetricsFix}",
                $"m.json:4:88: {AnalyzeErrors.NotOneMinute("c", "2026-12-01T10:05:05.0000000+00:00")}; {AnalyzeErrors.NotOneMinuteFix()}",
            ],
            e.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_TableOutputInsteadOfJson_IsALocatedSyntaxError()
    {
        var e = Assert.Throws<InvalidInputException>(() => MetricDataReader.Read("METRICDATARESULTS\ts2xx\tus status_2xx\tComplete\n", "m.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("m.json:1:1", d.Location!.ToString());
        Assert.StartsWith("not valid JSON:", d.Message, StringComparison.Ordinal);
    }
}
