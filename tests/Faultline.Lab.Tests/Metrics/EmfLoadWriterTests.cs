using System.Text.Json;
using Faultline.Lab.Metrics;
using Faultline.TestUtils.Metrics;
using Faultline.TestUtils.Runs;

namespace Faultline.Lab.Tests.Metrics;

public sealed class EmfLoadWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_TwoSeconds_WritesOneSpecLinePerSecond()
    {
        using var text = new StringWriter();
        var writer = new EmfLoadWriter(text);

        writer.Write(SomeTraffic.Second("url-1", T0, SomeTraffic.Stats(ok: 3, region: "us-east-1")));
        writer.Write(SomeTraffic.Second("url-1", T0.AddSeconds(1), SomeTraffic.Stats(ok: 2, region: "us-east-1"), index: 1));
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.Equal(2, writer.Lines);
        Assert.All(lines, l => Assert.Empty(EmfSpec.Problems(l.TrimEnd('\r'))));
    }

    [Fact]
    public void Write_ARegionFallsSilent_ReportsItAsZeroAfterwards()
    {
        using var text = new StringWriter();
        var writer = new EmfLoadWriter(text);

        writer.Write(SomeTraffic.Second("url-1", T0, SomeTraffic.Stats(ok: 3, region: "us-east-1")));
        writer.Write(SomeTraffic.Second("url-1", T0.AddSeconds(1), SomeTraffic.Stats(ok: 2, region: "eu-west-1"), index: 1));
        using var second = JsonDocument.Parse(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]);

        Assert.Equal(0, second.RootElement.GetProperty("region_us-east-1").GetInt64());
        Assert.Equal(2, second.RootElement.GetProperty("region_eu-west-1").GetInt64());
    }

    [Fact]
    public void Create_NamespaceCloudWatchRejects_Throws()
    {
        using var text = new StringWriter();

        var error = Assert.Throws<ArgumentException>(() => new EmfLoadWriter(text, "AWS/Mine"));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }
}
