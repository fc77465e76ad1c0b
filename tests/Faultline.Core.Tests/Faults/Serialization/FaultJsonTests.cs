using System.Text.Json;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Serialization;
using Xunit;

namespace Faultline.Core.Tests.Faults.Serialization;

public sealed class FaultJsonTests
{
    [Fact]
    public void Deserialize_KindDiscriminatorDurationsAndSelection_ReadsSpec()
    {
        const string json = """
            {"percentage":50,"target":{"region":"us-east-1","selection":"COUNT(1)","tags":{"team":"a"}},"options":{"min":"PT1S","kind":"latency","max":"2s"}}
            """;

        var spec = JsonSerializer.Deserialize<FaultSpec>(json, FaultJson.Options)!;

        var options = Assert.IsType<LatencyFaultOptions>(spec.Options);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Min);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Max);
        Assert.Equal(new SelectionMode(SelectionModeKind.Count, 1), spec.Target.Selection);
        Assert.Equal("a", spec.Target.Tags["team"]);
        Assert.Equal(50, spec.Percentage);
    }

    [Fact]
    public void Serialize_DnsFault_WritesKebabCaseNamesAndRoundTrips()
    {
        var spec = new FaultSpec { Options = new DnsFaultOptions { Mode = DnsFaultMode.Nxdomain }, Target = new FaultTarget { Record = "api.example.test" } };

        var json = JsonSerializer.Serialize(spec, FaultJson.Options);
        var back = JsonSerializer.Deserialize<FaultSpec>(json, FaultJson.Options)!;

        Assert.Contains("\"kind\":\"dns\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"nxdomain\"", json, StringComparison.Ordinal);
        Assert.Contains("\"selection\":\"ALL\"", json, StringComparison.Ordinal);
        Assert.Equal(DnsFaultMode.Nxdomain, Assert.IsType<DnsFaultOptions>(back.Options).Mode);
    }

    [Fact]
    public void Deserialize_BadDuration_ThrowsWithExpectedFormat()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FaultSpec>("""{"options":{"kind":"latency","delay":"soon"},"target":{}}""", FaultJson.Options));

        // The message every front end gives for a malformed option value (FaultOptionErrors.Malformed).
        Assert.Equal("delay is 'soon', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M", ex.Message);
    }
}
