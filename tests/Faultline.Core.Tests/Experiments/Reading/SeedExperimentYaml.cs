using Faultline.Core.Experiments.Reading;
using Faultline.Core.Tests.Topology.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Tests.Experiments.Reading;

/// <summary>The seed experiment as YAML, without comments, so tests can pin line numbers and edit it by replacement.</summary>
internal static class SeedExperimentYaml
{
    public const string File = "experiment.yaml";

    public const string Text = """
        topology: ./topology.yaml
        timeScale: 20
        seed: 42
        hypothesis:
          title: A failure in us-east-1 does not affect eu-west-1
          checks:
            - { name: steady state, clients: all, during: baseline, successRate: ">= 99%" }
            - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: ">= 99%" }
            - { name: us served after failover, clients: us-customers, during: { from: fault.start + 3m, to: fault.end }, successRate: ">= 99%" }
            - { name: us moved to eu, clients: us-customers, during: { from: fault.start + 3m, to: fault.end }, regionShare: { eu-west-1: ">= 95%" } }
            - { name: hc-us turns unhealthy, healthCheck: hc-us, becomes: unhealthy, within: 3m }
            - { name: us answered eu, dns: { location: us-east-1, name: api.example.test, answers: eu-west-1 }, within: 3m }
        load:
          clients: [us-customers, eu-customers]
          baseline: 2m
          recovery: 3m
        targets:
          us-functions: { type: function, region: us-east-1, selectionMode: ALL }
        actions:
          inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }
        stopConditions:
          - { name: global outage, metric: successRate, clients: all, below: 50%, for: 1m }

        """;

    /// <summary>The seed with one exact piece of text replaced; fails loudly when the piece is not there.</summary>
    public static string With(string oldText, string newText)
    {
        if (!Text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the seed experiment does not contain '{oldText}'", nameof(oldText));
        }

        return Text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>Reads experiment YAML against the seed topology (or <paramref name="topologyYaml"/>), without touching the file system.</summary>
    public static ExperimentReadResult Read(string yaml, string? topologyYaml = null) =>
        ExperimentReader.Read(yaml, File, (_, display) => TopologyReader.Read(topologyYaml ?? SeedTopologyYaml.Text, display));

    /// <summary>Every diagnostic, rendered as users see it.</summary>
    public static string[] Render(ExperimentReadResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();
}
