using Faultline.Core.Topology;

namespace Faultline.TestUtils;

/// <summary>Builders of test data: the seed's topology in code, and variations of it.</summary>
public static class Some
{
    /// <summary>The seed topology (samples/seed/topology.yaml): us-east-1 and eu-west-1, latency routing, one health check per region.</summary>
    /// <param name="usHealthCheckFqdn">The FQDN hc-us probes; pass the eu domain to get the blog's bug.</param>
    public static Topology Topology(string usHealthCheckFqdn = "api.us-east-1.example.test") => new()
    {
        Name = "hello-api",
        Locations = ["us-east-1", "eu-west-1"],
        Latency = new LatencyMatrix(
        [
            new(("us-east-1", "us-east-1"), TimeSpan.FromMilliseconds(8)),
            new(("us-east-1", "eu-west-1"), TimeSpan.FromMilliseconds(40)),
            new(("eu-west-1", "us-east-1"), TimeSpan.FromMilliseconds(40)),
            new(("eu-west-1", "eu-west-1"), TimeSpan.FromMilliseconds(8)),
        ]),
        Regions = [Region("us-east-1"), Region("eu-west-1")],
        Dns = new DnsConfig
        {
            Zone = "example.test",
            Records =
            [
                new DnsRecord { Name = "api.us-east-1.example.test", Sets = [new RecordSet { Id = "api.us-east-1.example.test", Region = "us-east-1" }] },
                new DnsRecord { Name = "api.eu-west-1.example.test", Sets = [new RecordSet { Id = "api.eu-west-1.example.test", Region = "eu-west-1" }] },
                new DnsRecord
                {
                    Name = "api.example.test",
                    Routing = RoutingPolicy.Latency,
                    Ttl = TimeSpan.FromSeconds(60),
                    Sets =
                    [
                        new RecordSet { Id = "us", Region = "us-east-1", HealthCheck = "hc-us" },
                        new RecordSet { Id = "eu", Region = "eu-west-1", HealthCheck = "hc-eu" },
                    ],
                },
            ],
        },
        HealthChecks =
        [
            new HealthCheckConfig { Id = "hc-us", Type = HealthCheckType.Https, Fqdn = usHealthCheckFqdn, Path = "/api/health" },
            new HealthCheckConfig { Id = "hc-eu", Type = HealthCheckType.Https, Fqdn = "api.eu-west-1.example.test", Path = "/api/health" },
        ],
        Clients =
        [
            new ClientConfig { Name = "us-customers", Location = "us-east-1", Url = new Uri("https://api.example.test/api/hello"), RatePerSecond = 20, ConnectionReuse = ConnectionReuse.PerRequest },
            new ClientConfig { Name = "eu-customers", Location = "eu-west-1", Url = new Uri("https://api.example.test/api/hello"), RatePerSecond = 20, ConnectionReuse = ConnectionReuse.PerRequest },
        ],
    };

    /// <summary>A region of the seed: <c>health</c> and <c>hello</c> functions with 10 s timeouts.</summary>
    public static Region Region(string name) => new()
    {
        Name = name,
        Gateway = new GatewayConfig(),
        Functions =
        [
            new FunctionConfig { Name = "health", Region = name, Route = new RouteKey("GET", "/api/health"), Handler = "health", Timeout = TimeSpan.FromSeconds(10) },
            new FunctionConfig { Name = "hello", Region = name, Route = new RouteKey("GET", "/api/hello"), Handler = "hello", Timeout = TimeSpan.FromSeconds(10), ReservedConcurrency = 100 },
        ],
    };
}
