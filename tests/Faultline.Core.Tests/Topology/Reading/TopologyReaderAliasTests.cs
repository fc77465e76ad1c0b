using Faultline.Core.Topology;
using Faultline.Core.Topology.Reading;
using Xunit;

namespace Faultline.Core.Tests.Topology.Reading;

/// <summary>The topology reader's alias record sets (<c>alias: { evaluateTargetHealth: … }</c>).</summary>
public sealed class TopologyReaderAliasTests
{
    private const string File = "topology.yaml";

    [Fact]
    public void Read_AliasOnSetsAndShorthand_Mapped()
    {
        var yaml = SeedTopologyYaml.With("      ttl: 60s\n", string.Empty)
            .Replace("{ id: us, region: us-east-1, healthCheck: hc-us }", "{ id: us, region: us-east-1, healthCheck: hc-us, alias: { evaluateTargetHealth: true } }", StringComparison.Ordinal)
            .Replace("{ id: eu, region: eu-west-1, healthCheck: hc-eu }", "{ id: eu, region: eu-west-1, healthCheck: hc-eu, alias: { evaluateTargetHealth: false } }", StringComparison.Ordinal)
            .Replace("type: A, region: us-east-1 }", "type: A, region: us-east-1, alias: { evaluateTargetHealth: true } }", StringComparison.Ordinal);

        var result = TopologyReader.Read(yaml, File);
        var topology = result.ThrowIfInvalid();

        var sets = topology.Dns.FindRecord("api.example.test")!.Sets;
        Assert.Equal(new AliasTarget { EvaluateTargetHealth = true }, sets[0].Alias);
        Assert.Equal(new AliasTarget { EvaluateTargetHealth = false }, sets[1].Alias);
        Assert.Equal(new AliasTarget { EvaluateTargetHealth = true }, topology.Dns.FindRecord("api.us-east-1.example.test")!.Sets[0].Alias);
        Assert.Null(topology.Dns.FindRecord("api.eu-west-1.example.test")!.Sets[0].Alias);
        Assert.Equal(23, result.SourceMap.Set("api.example.test", "us", "alias")!.Line);
    }

    [Fact]
    public void Read_TtlOnRecordOfOnlyAliases_LocatedErrorSaysAliasHasNoTtl()
    {
        var yaml = SeedTopologyYaml.With("healthCheck: hc-us }", "healthCheck: hc-us, alias: { evaluateTargetHealth: true } }")
            .Replace("healthCheck: hc-eu }", "healthCheck: hc-eu, alias: { evaluateTargetHealth: true } }", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:22:12: record 'api.example.test' sets ttl, but all its sets are aliases, and an alias has no TTL of its own (Route 53 answers with the target's, 60s); remove ttl, or drop alias from the sets that should carry it"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_TtlOnRecordMixingAliasAndPlainSets_Accepted()
    {
        var yaml = SeedTopologyYaml.With("healthCheck: hc-us }", "healthCheck: hc-us, alias: { evaluateTargetHealth: true } }");

        Assert.Empty(TopologyReader.Read(yaml, File).Diagnostics);
    }

    [Fact]
    public void Read_AliasWithoutEvaluateTargetHealth_LocatedMissingKey()
    {
        var yaml = SeedTopologyYaml.With("healthCheck: hc-us }", "healthCheck: hc-us, alias: {} }");

        var error = Assert.Single(Render(TopologyReader.Read(yaml, File)));

        Assert.StartsWith("topology.yaml:24:67: the alias of set 'us' of record 'api.example.test' is missing required key 'evaluateTargetHealth'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alias: { evaluateTargetHealth: yes }", "topology.yaml:24:91: the alias of set 'us' of record 'api.example.test' has evaluateTargetHealth 'yes', which is not true or false; write true or false")]
    [InlineData("alias: { evaluateTargetHealth: true, region: eu-west-1 }", "topology.yaml:24:97: the alias of set 'us' of record 'api.example.test' has unknown key 'region'")]
    [InlineData("alias: true", "topology.yaml:24:67: the alias of set 'us' of record 'api.example.test' is a value, but must be a mapping")]
    public void Read_BadAlias_Located(string alias, string expected)
    {
        var yaml = SeedTopologyYaml.With("healthCheck: hc-us }", $"healthCheck: hc-us, {alias} }}");

        var error = Assert.Single(Render(TopologyReader.Read(yaml, File)));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    private static List<string> Render(TopologyReadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];
}
