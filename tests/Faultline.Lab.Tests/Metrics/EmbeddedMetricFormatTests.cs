using System.Text.Json;
using Faultline.Core.Load;
using Faultline.Lab.Metrics;
using Faultline.TestUtils.Metrics;
using Faultline.TestUtils.Runs;

namespace Faultline.Lab.Tests.Metrics;

public sealed class EmbeddedMetricFormatTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static LoadSecond Second(LoadStats stats) => SomeTraffic.Second("url-1", T0, stats);

    [Fact]
    public void Format_ASecond_FollowsTheSpecification()
    {
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(ok: 8, status5xx: 2, timeouts: 1, region: "us-east-1")), "Faultline", []);

        Assert.Empty(EmfSpec.Problems(line));
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Format_ASecond_CarriesTheCountsUnderTheRunsNames()
    {
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(ok: 8, status4xx: 3, status5xx: 2, timeouts: 1, connectErrors: 4, dropped: 5, region: "us-east-1")), "Faultline", []);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;

        Assert.Equal(8, root.GetProperty(SeedMetricNames.Status2xx).GetInt64());
        Assert.Equal(3, root.GetProperty(SeedMetricNames.Status4xx).GetInt64());
        Assert.Equal(2, root.GetProperty(SeedMetricNames.Status5xx).GetInt64());
        Assert.Equal(1, root.GetProperty(SeedMetricNames.ErrorsTimeout).GetInt64());
        Assert.Equal(4, root.GetProperty(SeedMetricNames.ErrorsConnect).GetInt64());
        Assert.Equal(5, root.GetProperty(SeedMetricNames.RequestsDropped).GetInt64());
        Assert.Equal(13, root.GetProperty("region_us-east-1").GetInt64());
        Assert.Equal(23, root.GetProperty(SeedMetricNames.Requests).GetInt64());
        Assert.Equal(20, root.GetProperty(SeedMetricNames.LatencyP50).GetDouble(), 0.5);
    }

    [Fact]
    public void Format_ASecond_NamesTheNamespaceTheUrlDimensionAndTheStartInEpochMilliseconds()
    {
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(ok: 1, region: "us-east-1")), "Chaos/Load", []);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

        Assert.Equal(T0.ToUnixTimeMilliseconds(), root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("Chaos/Load", directive.GetProperty("Namespace").GetString());
        Assert.Equal("[[\"SiteName\"]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal("https://api.example.test/api/hello", root.GetProperty(EmbeddedMetricFormat.SiteDimension).GetString());
    }

    [Fact]
    public void Format_ARegionSeenBeforeButSilentNow_ReportsZero()
    {
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(ok: 4, region: "eu-west-1")), "Faultline", ["us-east-1"]);
        using var json = JsonDocument.Parse(line);

        Assert.Equal(0, json.RootElement.GetProperty("region_us-east-1").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("region_eu-west-1").GetInt64());
        Assert.Empty(EmfSpec.Problems(line));
    }

    [Fact]
    public void Format_NoResponses_LeavesLatencyOut()
    {
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(connectErrors: 3)), "Faultline", []);
        using var json = JsonDocument.Parse(line);

        Assert.False(json.RootElement.TryGetProperty(SeedMetricNames.LatencyP50, out _));
        Assert.Equal(3, json.RootElement.GetProperty(SeedMetricNames.ErrorsConnect).GetInt64());
        Assert.Empty(EmfSpec.Problems(line));
    }

    [Fact]
    public void Format_MoreThanAHundredMetrics_SpillsIntoFurtherDirectives()
    {
        var regions = Enumerable.Range(0, 150).Select(i => $"region-{i:000}").ToList();
        var line = EmbeddedMetricFormat.Format(Second(SomeTraffic.Stats(ok: 1, region: "us-east-1")), "Faultline", regions);
        using var json = JsonDocument.Parse(line);
        var directives = json.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics");

        Assert.Equal(2, directives.GetArrayLength());
        Assert.All(directives.EnumerateArray(), d => Assert.InRange(d.GetProperty("Metrics").GetArrayLength(), 1, EmbeddedMetricFormat.MaxMetricsPerDirective));
        Assert.Empty(EmfSpec.Problems(line));
    }

    [Theory]
    [InlineData("Faultline", null)]
    [InlineData("Chaos/Load-1.a_b#c:d", null)]
    [InlineData("", "must be 1 to 255 characters")]
    [InlineData("has space", "has ' ', but CloudWatch namespaces hold only letters, digits and . - _ / # :")]
    [InlineData("AWS/Lambda", "starts with AWS/, which is reserved for AWS services")]
    public void ValidateNamespace_Text_IsCheckedAsCloudWatchDoes(string text, string? expected) =>
        Assert.Equal(expected, EmbeddedMetricFormat.ValidateNamespace(text));

    [Fact]
    public void ValidateNamespace_TooLong_IsRefused() =>
        Assert.Equal("must be 1 to 255 characters", EmbeddedMetricFormat.ValidateNamespace(new string('a', 256)));
}
