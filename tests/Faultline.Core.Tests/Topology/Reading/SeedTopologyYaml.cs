namespace Faultline.Core.Tests.Topology.Reading;

/// <summary>The seed topology as YAML, without comments, so tests can pin line numbers and edit it by replacement.</summary>
internal static class SeedTopologyYaml
{
    public const string Text = """
        name: hello-api
        locations: [us-east-1, eu-west-1]
        latencyMs:
          us-east-1: { us-east-1: 8, eu-west-1: 40 }
          eu-west-1: { us-east-1: 40, eu-west-1: 8 }
        regions:
          us-east-1:
            functions:
              health: { route: GET /api/health, handler: health, timeout: 10s }
              hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }
          eu-west-1:
            functions:
              health: { route: GET /api/health, handler: health, timeout: 10s }
              hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }
        dns:
          zone: example.test
          records:
            - { name: api.us-east-1.example.test, type: A, region: us-east-1 }
            - { name: api.eu-west-1.example.test, type: A, region: eu-west-1 }
            - name: api.example.test
              routing: latency
              ttl: 60s
              sets:
                - { id: us, region: us-east-1, healthCheck: hc-us }
                - { id: eu, region: eu-west-1, healthCheck: hc-eu }
        healthChecks:
          hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health, interval: 30s, failureThreshold: 3 }
          hc-eu: { type: HTTPS, fqdn: api.eu-west-1.example.test, path: /api/health, interval: 30s, failureThreshold: 3 }
        clients:
          us-customers: { location: us-east-1, url: https://api.example.test/api/hello, rate: 20/s }
          eu-customers: { location: eu-west-1, url: https://api.example.test/api/hello, rate: 20/s }

        """;

    /// <summary>The seed with one exact piece of text replaced; fails loudly when the piece is not there, so edits cannot silently miss.</summary>
    public static string With(string oldText, string newText)
    {
        if (!Text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the seed YAML does not contain '{oldText}'", nameof(oldText));
        }

        return Text.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
