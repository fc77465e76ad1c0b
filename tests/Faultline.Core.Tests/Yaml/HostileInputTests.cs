using Faultline.Core.Tests.Experiments.Reading;
using Faultline.Core.Tests.Topology.Reading;
using Faultline.Core.Text;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Yaml;

namespace Faultline.Core.Tests.Yaml;

/// <summary>The readers against input written to break them: deep nesting, alias bombs, huge numbers, huge and hostile values.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsALocatedErrorNotAStackOverflow()
    {
        var context = new YamlReadContext("f.yaml");
        var yaml = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        Assert.Null(YamlDocumentReader.Read(yaml, context));

        var error = Assert.Single(context.Diagnostics);
        Assert.Equal("f.yaml:1:67: the file nests lists and mappings more than 64 levels deep; no Faultline file needs more than a few levels; check the brackets and indentation here", error.ToString());
    }

    [Fact]
    public void Read_NestingAtTheLimit_Reads()
    {
        var context = new YamlReadContext("f.yaml");
        var yaml = "a: " + new string('[', YamlDocumentReader.MaxDepth - 1) + new string(']', YamlDocumentReader.MaxDepth - 1) + "\n";

        Assert.NotNull(YamlDocumentReader.Read(yaml, context));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Read_AliasBomb_IsALocatedErrorNotAnExplosion()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var context = new YamlReadContext("f.yaml");

        Assert.Null(YamlDocumentReader.Read(string.Join('\n', lines), context));

        var error = Assert.Single(context.Diagnostics);
        Assert.Matches(@"^f\.yaml:\d+:\d+: the file expands to more than 1,000,000 values \(counting each alias as a copy of its anchor\); write the values out, or use fewer aliases of large anchors$", error.ToString());
    }

    [Theory]
    [InlineData("timeScale: 1e400", "topology.yaml:2:12: timeScale 1e400 is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000")]
    [InlineData("timeScale: 5000", "topology.yaml:2:12: timeScale 5000 is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000")]
    public void Topology_HugeTimeScale_IsLocatedWithTheRange(string line, string expected)
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("name: hello-api", "name: hello-api\n" + line), "topology.yaml");

        Assert.Equal([expected], result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("99999999999999999999")]
    public void Topology_HugeLatency_IsLocatedWithTheRange(string value)
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("us-east-1: { us-east-1: 8, eu-west-1: 40 }", $"us-east-1: {{ us-east-1: 8, eu-west-1: {value} }}"), "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches($@"^topology\.yaml:\d+:\d+: latencyMs of 'us-east-1' has eu-west-1 '{value}', which is out of range; write a number from 0 to 86400000$", error.ToString());
    }

    [Theory]
    [InlineData("1e400/s")]
    [InlineData("99999999999999999999/s")]
    public void Topology_HugeRate_IsLocatedWithTheRange(string rate)
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("url: https://api.example.test/api/hello, rate: 20/s }\n  eu", $"url: https://api.example.test/api/hello, rate: {rate} }}\n  eu"), "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches($@"^topology\.yaml:\d+:\d+: client 'us-customers' has rate '{rate.Replace("/", "\\/", StringComparison.Ordinal)}', which is out of range; write a rate from 1/h to 1000000/s$", error.ToString());
    }

    [Fact]
    public void Topology_HugeDurationAndWholeNumber_AreLocatedWithTheRange()
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("timeout: 10s, reservedConcurrency: 100", "timeout: 1000000000h, reservedConcurrency: 99999999999999999999"), "topology.yaml");

        var errors = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^topology\.yaml:\d+:\d+: function 'hello' ", e));
        Assert.Contains(errors, e => e.EndsWith("has timeout '1000000000h', which is out of range; write a duration from 0s to 24h", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("has reservedConcurrency '99999999999999999999', which is out of range; write a whole number from 0 to 2147483647", StringComparison.Ordinal));
    }

    [Fact]
    public void Topology_HugePort_GivesThePortRange()
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("path: /api/health, interval: 30s, failureThreshold: 3 }\n  hc-eu", "path: /api/health, port: 99999999999999999999, interval: 30s, failureThreshold: 3 }\n  hc-eu"), "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches(@"^topology\.yaml:\d+:\d+: health check 'hc-us' has port '99999999999999999999', which is out of range; write a whole number from 1 to 65535$", error.ToString());
    }

    [Theory]
    [InlineData("percentage: 100", "percentage: 1e400", "percentage is '1e400', which is out of range; write a number from 0 to 100")]
    [InlineData("duration: 10m }", "duration: 1000000000h }", "has duration '1000000000h', which is out of range; write a duration from 0s to 24h")]
    [InlineData("timeScale: 20", "timeScale: 1e400", "timeScale 1e400 is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000")]
    [InlineData("timeScale: 20", "timeScale: 0.01", "timeScale 0.01 is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000")]
    public void Experiment_HugeNumbers_AreLocatedWithTheRange(string oldText, string newText, string expected)
    {
        var result = SeedExperimentYaml.Read(SeedExperimentYaml.With(oldText, newText));

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches(@"^experiment\.yaml:\d+:\d+: ", error.ToString());
        Assert.EndsWith(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_TenMegabyteValue_IsEchoedCut()
    {
        var huge = new string('9', 10_000_000);

        var result = TopologyReader.Read(SeedTopologyYaml.With("name: hello-api", $"name: hello-api\ntimeScale: x{huge}"), "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal($"topology.yaml:2:12: timeScale 'x{new string('9', 79)}…' is not a time scale; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000", error.ToString());
    }

    [Fact]
    public void Topology_TenMegabyteUnknownKey_IsEchoedCutWithoutASuggestionSearch()
    {
        var huge = new string('k', 10_000_000);

        var result = TopologyReader.Read(SeedTopologyYaml.Text + $"? {huge}\n: 1\n", "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Matches(@"^topology\.yaml:\d+:\d+: ", error.ToString());
        Assert.Contains($"the topology has unknown key '{new string('k', 80)}…'; known keys: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_TerminalEscapesInAValue_AreNotEchoed()
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("name: hello-api", "name: hello-api\ntimeScale: \"\\e]0;pwned\\a\\e[2J\\rfast\""), "topology.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.False(Echo.HasControlCharacters(error.ToString()));
        Assert.Equal("topology.yaml:2:12: timeScale '?]0;pwned??[2J?fast' is not a time scale; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000", error.ToString());
    }
}
