using Faultline.Core.Diagnostics;
using Faultline.Core.Functions;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Reading;
using Xunit;

namespace Faultline.Core.Tests.Topology.Reading;

public sealed class TopologyReaderTests
{
    private const string File = "topology.yaml";

    [Fact]
    public void Read_Seed_MapsEveryPart()
    {
        var result = TopologyReader.Read(SeedTopologyYaml.Text, File);

        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasErrors);
        var topology = result.ThrowIfInvalid();
        Assert.Equal("hello-api", topology.Name);
        Assert.Equal(File, topology.SourcePath);
        Assert.Null(topology.TimeScale);
        Assert.Equal(["us-east-1", "eu-west-1"], topology.Locations);
        Assert.Equal(TimeSpan.FromMilliseconds(40), topology.Latency.Find("eu-west-1", "us-east-1"));
        var hello = topology.FindRegion("us-east-1")!.Functions[1];
        Assert.Equal(new RouteKey("GET", "/api/hello"), hello.Route);
        Assert.Equal(100, hello.ReservedConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(10), hello.Timeout);
        Assert.Equal(GatewayConfig.DefaultIntegrationTimeout, topology.Regions[0].Gateway.IntegrationTimeout);
        var simple = topology.Dns.Records[0];
        Assert.Equal(RoutingPolicy.Simple, simple.Routing);
        Assert.Equal("api.us-east-1.example.test", Assert.Single(simple.Sets).Id);
        var entry = topology.Dns.FindRecord("api.example.test")!;
        Assert.Equal(RoutingPolicy.Latency, entry.Routing);
        Assert.Equal(["us", "eu"], entry.Sets.Select(s => s.Id));
        Assert.Equal("hc-eu", entry.Sets[1].HealthCheck);
        var check = topology.FindHealthCheck("hc-us")!;
        Assert.Equal(HealthCheckType.Https, check.Type);
        Assert.Equal("/api/health", check.Path);
        Assert.Equal(20, topology.Clients[0].RatePerSecond);
        Assert.Equal(ConnectionReuse.KeepAlive, topology.Clients[0].ConnectionReuse);
        Assert.Null(topology.Clients[0].MaxConnections);
    }

    [Fact]
    public void Read_ClientMaxConnections_Read()
    {
        var yaml = SeedTopologyYaml.With("rate: 20/s }\n  eu-customers", "rate: 20/s, maxConnections: 64 }\n  eu-customers");

        var topology = TopologyReader.Read(yaml, File).ThrowIfInvalid();

        Assert.Equal(64, topology.Clients[0].MaxConnections);
        Assert.Null(topology.Clients[1].MaxConnections);
    }

    [Theory]
    [InlineData("0", "topology.yaml:30:109: client 'us-customers' has maxConnections 0, which is outside 1–10,000; set maxConnections between 1 and 10,000 (the lab's limits)")]
    [InlineData("10001", "topology.yaml:30:109: client 'us-customers' has maxConnections 10001, which is outside 1–10,000; set maxConnections between 1 and 10,000 (the lab's limits)")]
    [InlineData("99999999999999999999", "topology.yaml:30:109: client 'us-customers' has maxConnections '99999999999999999999', which is out of range; write a whole number from 1 to 10000")]
    [InlineData("lots", "topology.yaml:30:109: client 'us-customers' has maxConnections 'lots', which is not a whole number; write a whole number such as 3")]
    public void Read_ClientMaxConnectionsOutOfRange_Located(string value, string expected)
    {
        var yaml = SeedTopologyYaml.With("rate: 20/s }\n  eu-customers", $"rate: 20/s, maxConnections: {value} }}\n  eu-customers");

        Assert.Equal([expected], Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_Seed_SourceMapLocatesParts()
    {
        var map = TopologyReader.Read(SeedTopologyYaml.Text, File).SourceMap;

        Assert.Equal("topology.yaml:27:3", map.HealthCheck("hc-us")?.ToString());
        Assert.Equal("topology.yaml:27:31", map.HealthCheck("hc-us", "fqdn")?.ToString());
        Assert.Equal("topology.yaml:20:7", map.Record("api.example.test")?.ToString());
        Assert.Equal("topology.yaml:24:11", map.Set("api.example.test", "us")?.ToString());
        Assert.Equal("topology.yaml:18:7", map.Set("api.us-east-1.example.test", "api.us-east-1.example.test")?.ToString());
        Assert.Equal("topology.yaml:10:7", map.Function("us-east-1", "hello")?.ToString());
        Assert.Equal("topology.yaml:30:3", map.Client("us-customers")?.ToString());
        Assert.Equal("topology.yaml:7:3", map.Region("us-east-1")?.ToString());
        Assert.Equal("topology.yaml:2:24", map.Location("eu-west-1")?.ToString());
    }

    [Fact]
    public void Read_MappingWithFlowAndBlockStylesAndNormalizedNames_Maps()
    {
        var yaml = SeedTopologyYaml.With("- name: api.example.test", "- name: API.Example.Test.")
            .Replace("fqdn: api.us-east-1.example.test", "fqdn: Api.Us-East-1.example.test.", StringComparison.Ordinal);

        var topology = TopologyReader.Read(yaml, File).ThrowIfInvalid();

        Assert.NotNull(topology.Dns.FindRecord("api.example.test"));
        Assert.Equal("api.us-east-1.example.test", topology.FindHealthCheck("hc-us")!.Fqdn);
    }

    [Fact]
    public void Read_LatencyGivenOneWay_FillsSymmetrically()
    {
        var yaml = SeedTopologyYaml.With("  eu-west-1: { us-east-1: 40, eu-west-1: 8 }\n", string.Empty);

        var topology = TopologyReader.Read(yaml, File).ThrowIfInvalid();

        Assert.Equal(TimeSpan.FromMilliseconds(40), topology.Latency.Find("eu-west-1", "us-east-1"));
        Assert.Equal(TimeSpan.Zero, topology.Latency.Find("eu-west-1", "eu-west-1"));
    }

    [Theory]
    [InlineData("20/s", 20)]
    [InlineData("1200/m", 20)]
    [InlineData("72000/h", 20)]
    [InlineData("2.5", 2.5)]
    public void Read_ClientRate_ConvertsToPerSecond(string rate, double expected)
    {
        var yaml = SeedTopologyYaml.With("hello, rate: 20/s }\n  eu-customers", $"hello, rate: {rate} }}\n  eu-customers");

        var topology = TopologyReader.Read(yaml, File).ThrowIfInvalid();

        Assert.Equal(expected, topology.Clients[0].RatePerSecond, 6);
    }

    [Fact]
    public void Read_OptionalFields_Mapped()
    {
        var yaml = SeedTopologyYaml.With("name: hello-api", "name: hello-api\ntimeScale: 20")
            .Replace(
                "hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1:",
                "hello: { route: post /api/hello, handler: hello, coldStart: 200ms, keepWarm: 1m, environment: { A: b }, tags: { team: x } }\n      up: { route: ANY /api/up, upstream: 'http://127.0.0.1:5000' }\n    gateway: { integrationTimeout: 5s }\n  eu-west-1:",
                StringComparison.Ordinal)
            .Replace("hc-eu: { type: HTTPS,", "hc-eu: { type: https_str_match, searchString: healthy, checkers: 4, regions: [eu-west-1, us-east-1, sa-east-1], inverted: true, disabled: false, port: 8080,", StringComparison.Ordinal);

        var result = TopologyReader.Read(yaml, File);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var topology = result.ThrowIfInvalid();
        Assert.Equal(20, topology.TimeScale);
        var region = topology.FindRegion("us-east-1")!;
        Assert.Equal(TimeSpan.FromSeconds(5), region.Gateway.IntegrationTimeout);
        var hello = region.Functions[1];
        Assert.Equal(new RouteKey("POST", "/api/hello"), hello.Route);
        Assert.Equal(FunctionConfig.DefaultTimeout, hello.Timeout);
        Assert.Null(hello.ReservedConcurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(200), hello.ColdStart);
        Assert.Equal(TimeSpan.FromMinutes(1), hello.KeepWarm);
        Assert.Equal("b", hello.Environment["A"]);
        Assert.Equal("x", hello.Tags["team"]);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), region.Functions[2].Upstream);
        Assert.Null(region.Functions[2].Handler);
        var check = topology.FindHealthCheck("hc-eu")!;
        Assert.Equal(HealthCheckType.HttpsStrMatch, check.Type);
        Assert.Equal("healthy", check.SearchString);
        Assert.Equal(4, check.Checkers);
        Assert.Equal(["eu-west-1", "us-east-1", "sa-east-1"], check.Regions);
        Assert.True(check.Inverted);
        Assert.Equal(8080, check.Port);
    }

    [Fact]
    public void Read_YamlSyntaxError_OneDiagnosticAtTheError()
    {
        var yaml = SeedTopologyYaml.With("  zone: example.test", "  zone: [example.test");

        var result = TopologyReader.Read(yaml, File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "topology.yaml:16:3: invalid YAML: the file ends inside an unclosed bracket, brace or quote that starts before this point; check the indentation, colons and quotes at this point",
            diagnostic.ToString());
        Assert.Null(result.Topology);
    }

    [Fact]
    public void Read_UnclosedFlowSequence_OneDiagnostic()
    {
        var result = TopologyReader.Read("name: x\nlocations: [a, b\n", File);

        Assert.Equal(["topology.yaml:3:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'; check the indentation, colons and quotes at this point"], Render(result));
    }

    [Fact]
    public void Read_MappingValueInPlainScalar_ReportsYamlDotNetProblem()
    {
        var result = TopologyReader.Read("name: a: b\n", File);

        Assert.Equal(["topology.yaml:1:8: invalid YAML: while scanning a plain scalar value, found invalid mapping; check the indentation, colons and quotes at this point"], Render(result));
    }

    [Fact]
    public void Read_EmptyFile_ReportsEmpty()
    {
        var result = TopologyReader.Read("# nothing\n", File);

        Assert.Equal(["topology.yaml:1:1: the file is empty; write the document's keys, starting at column 1"], Render(result));
    }

    [Fact]
    public void Read_DuplicateHealthCheckKey_ReportedAtSecondWithFirstLine()
    {
        var yaml = SeedTopologyYaml.With("  hc-eu: {", "  hc-us: {");

        Assert.Equal(
            ["topology.yaml:28:3: healthChecks has key 'hc-us' twice (first at line 27); remove or rename one of them; only the first is used"],
            Render(TopologyReader.Read(yaml, File)).Where(d => d.Contains("twice", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_UnknownKey_SuggestsClosestAndListsKnownKeys()
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS, fqdn:", "hc-us: { type: HTTPS, fqnd:");

        var errors = Render(TopologyReader.Read(yaml, File));

        Assert.Contains(
            "topology.yaml:27:25: health check 'hc-us' has unknown key 'fqnd'; did you mean 'fqdn'? known keys: type, fqdn, port, path, interval, failureThreshold, searchString, checkers, regions, inverted, disabled",
            errors);
        Assert.Contains("topology.yaml:27:10: health check 'hc-us' is missing required key 'fqdn'; add fqdn: api.us-east-1.example.test", errors);
    }

    [Fact]
    public void Read_UnknownTopLevelKey_WithoutCloseMatch_ListsKnownKeys()
    {
        var yaml = SeedTopologyYaml.Text + "extras: 1\n";

        Assert.Equal(
            ["topology.yaml:32:1: the topology has unknown key 'extras'; known keys: name, timeScale, locations, latencyMs, regions, dns, healthChecks, clients"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_MissingName_ReportsRequiredKey()
    {
        var yaml = SeedTopologyYaml.With("name: hello-api\n", string.Empty);

        Assert.Equal(["topology.yaml:1:1: the topology is missing required key 'name'; add name: hello-api"], Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_BadDuration_ListsAccepted()
    {
        var yaml = SeedTopologyYaml.With("ttl: 60s", "ttl: 60 seconds");

        Assert.Equal(
            ["topology.yaml:22:12: record 'api.example.test' has ttl '60 seconds', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_IntervalNot10Or30_Reported()
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health, interval: 30s", "hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health, interval: 20s");

        Assert.Equal(
            ["topology.yaml:27:88: health check 'hc-us' has interval 20s, which Route 53 does not support; set interval to 10s or 30s"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void Read_FailureThresholdOutside1To10_Reported(string threshold)
    {
        var yaml = SeedTopologyYaml.With("interval: 30s, failureThreshold: 3 }\n  hc-eu", $"interval: 30s, failureThreshold: {threshold} }}\n  hc-eu");

        Assert.Equal(
            [$"topology.yaml:27:111: health check 'hc-us' has failureThreshold {threshold}, which is outside 1–10; set failureThreshold between 1 and 10 (Route 53's limits)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("500ms", "500ms")]
    [InlineData("16m", "16m")]
    public void Read_FunctionTimeoutOutside1sTo900s_Reported(string timeout, string shown)
    {
        var yaml = SeedTopologyYaml.With("handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", $"handler: hello, timeout: {timeout}, reservedConcurrency: 100 }}\n  eu-west-1");

        Assert.Equal(
            [$"topology.yaml:10:64: function 'hello' in region 'us-east-1' has timeout {shown}, which is outside 1s–900s; set timeout between 1s and 900s (Lambda's limits)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_NegativeReservedConcurrency_Reported()
    {
        var yaml = SeedTopologyYaml.With("reservedConcurrency: 100 }\n  eu-west-1", "reservedConcurrency: -1 }\n  eu-west-1");

        Assert.Equal(
            ["topology.yaml:10:90: function 'hello' in region 'us-east-1' has reservedConcurrency -1, which is negative; set reservedConcurrency to 0 or more, or remove it for unreserved concurrency"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_IntegrationTimeoutAbove300s_Reported()
    {
        var yaml = SeedTopologyYaml.With("  us-east-1:\n    functions:", "  us-east-1:\n    gateway: { integrationTimeout: 301s }\n    functions:");

        Assert.Equal(
            ["topology.yaml:8:36: gateway of region 'us-east-1' has integrationTimeout 5m1s, which is outside 50ms–300s; set integrationTimeout between 50ms and 300s (API Gateway's limits)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HealthCheckRegionNotACheckerRegion_SuggestsAndListsCheckerRegions()
    {
        var yaml = SeedTopologyYaml.With(
            "  hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health, interval: 30s, failureThreshold: 3 }",
            "  hc-us:\n    fqdn: api.us-east-1.example.test\n    path: /api/health\n    regions:\n      - eu-west-1\n      - us-est-1\n      - us-west-2");

        Assert.Equal(
            ["topology.yaml:32:9: health check 'hc-us' names 'us-est-1' in regions, which is not a Route 53 health-checker region (checkers probe only from those, not from the topology's locations); did you mean 'us-east-1'? checker regions: us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, sa-east-1; or remove regions to probe from all of them, Route 53's default"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HealthCheckRegionsNameALabLocationRoute53HasNoCheckersIn_ReportedWithTheFix()
    {
        // A topology written when regions named the lab's locations: eu-central-1 is a location but no checker region.
        var yaml = SeedTopologyYaml.Text.Replace("eu-west-1", "eu-central-1", StringComparison.Ordinal)
            .Replace("hc-eu: { type: HTTPS,", "hc-eu: { regions: [eu-central-1], type: HTTPS,", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:28:22: health check 'hc-eu' names 'eu-central-1' in regions, which is not a Route 53 health-checker region (checkers probe only from those, not from the topology's locations); checker regions: us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, sa-east-1; or remove regions to probe from all of them, Route 53's default"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HealthCheckNamesTwoCheckerRegions_RouteFiftyThreeNeedsThree()
    {
        var yaml = SeedTopologyYaml.With("hc-eu: { type: HTTPS,", "hc-eu: { regions: [eu-west-1, us-east-1], type: HTTPS,");

        Assert.Equal(
            ["topology.yaml:28:21: health check 'hc-eu' names 2 checker regions in regions, but Route 53 needs at least 3; list at least 3 of us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, sa-east-1, or remove regions to probe from all of them, Route 53's default"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HealthCheckNamesACheckerRegionTwice_Reported()
    {
        var yaml = SeedTopologyYaml.With("hc-eu: { type: HTTPS,", "hc-eu: { regions: [eu-west-1, us-east-1, eu-west-1, sa-east-1], type: HTTPS,");

        Assert.Equal(
            ["topology.yaml:28:44: health check 'hc-eu' names checker region 'eu-west-1' twice in regions; list each checker region once"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_NoRegions_ChecksProbeFromEveryCheckerRegion()
    {
        var topology = TopologyReader.Read(SeedTopologyYaml.Text, File).ThrowIfInvalid();

        var check = topology.FindHealthCheck("hc-us")!;
        Assert.Empty(check.Regions);
        Assert.Equal(["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"], check.ProbeRegions);
    }

    [Fact]
    public void Read_CheckerRegionNotALocation_GetsTheBuiltInLatencyUnlessLatencyMsGivesOne()
    {
        var yaml = SeedTopologyYaml.With("latencyMs:\n", "latencyMs:\n  ap-southeast-2: { eu-west-1: 150 }\n");

        var topology = TopologyReader.Read(yaml, File).ThrowIfInvalid();

        // Built in: half of the typical 198 ms round trip; given: the topology's row wins.
        Assert.Equal(TimeSpan.FromMilliseconds(99), topology.Latency.Find("ap-southeast-2", "us-east-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(150), topology.Latency.Find("ap-southeast-2", "eu-west-1"));

        // A checker region that is a location keeps the location's latencies.
        Assert.Equal(TimeSpan.FromMilliseconds(40), topology.Latency.Find("eu-west-1", "us-east-1"));
    }

    [Fact]
    public void Read_CheckerRegionWithNoKnownLatencyToARegion_ReportedWithTheFix()
    {
        // 'lab-west' is no AWS region: the built-in table cannot say how far sa-east-1's checkers are from it.
        var yaml = SeedTopologyYaml.Text.Replace("eu-west-1", "lab-west", StringComparison.Ordinal)
            .Replace("hc-eu: { type: HTTPS,", "hc-eu: { regions: [us-east-1, us-west-2, sa-east-1], type: HTTPS,", StringComparison.Ordinal)
            .Replace("hc-us: { type: HTTPS,", "hc-us: { regions: [us-east-1, us-west-2, sa-east-1], type: HTTPS,", StringComparison.Ordinal)
            .Replace("latencyMs:\n", "latencyMs:\n  us-west-2: { lab-west: 70 }\n", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:28:21: health check 'hc-us' probes from checker region 'sa-east-1', which is not a location, and the lab knows no latency from there to region 'lab-west' (its built-in table covers AWS regions only); add latencyMs: { sa-east-1: { lab-west: <ms> } }, or list in regions only checker regions that are locations of the topology"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_SetNamesUndefinedRegionAndHealthCheck_BothReported()
    {
        var yaml = SeedTopologyYaml.With("- { id: us, region: us-east-1, healthCheck: hc-us }", "- { id: us, region: us-east-2, healthCheck: hc-uss }");

        var errors = Render(TopologyReader.Read(yaml, File));

        Assert.Contains("topology.yaml:24:29: set 'us' of record 'api.example.test' names region 'us-east-2' in region, which is not defined; did you mean 'us-east-1'? defined regions: us-east-1, eu-west-1", errors);
        Assert.Contains("topology.yaml:24:53: set 'us' of record 'api.example.test' names health check 'hc-uss' in healthCheck, which is not defined; did you mean 'hc-us'? defined health checks: hc-us, hc-eu", errors);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Read_ClientLocationUndefined_Reported()
    {
        var yaml = SeedTopologyYaml.With("us-customers: { location: us-east-1", "us-customers: { location: ap-south-1");

        Assert.Equal(
            ["topology.yaml:30:29: client 'us-customers' names location 'ap-south-1' in location, which is not a location; defined locations: us-east-1, eu-west-1"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_RegionNotInLocations_FixListsLocationsWithIt()
    {
        var yaml = SeedTopologyYaml.With("locations: [us-east-1, eu-west-1]", "locations: [us-east-1]")
            .Replace("  eu-west-1: { us-east-1: 40, eu-west-1: 8 }\n", string.Empty, StringComparison.Ordinal);

        var errors = Render(TopologyReader.Read(yaml, File));

        Assert.Contains("topology.yaml:10:3: region 'eu-west-1' is not listed in locations; add it: locations: [us-east-1, eu-west-1]", errors);
    }

    [Fact]
    public void Read_TooManyLocations_Reported()
    {
        var many = string.Join(", ", Enumerable.Range(1, 253).Select(i => $"loc-{i}"));
        var yaml = SeedTopologyYaml.With("locations: [us-east-1, eu-west-1]", $"locations: [us-east-1, eu-west-1, {many}]")
            .Replace("routing: latency", "routing: weighted", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:2:12: the topology lists 255 locations, more than the lab's 254; list at most 254 locations (each owns one 127.0.k.0/24 subnet)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_DuplicateLocation_Reported()
    {
        var yaml = SeedTopologyYaml.With("locations: [us-east-1, eu-west-1]", "locations: [us-east-1, eu-west-1, us-east-1]");

        Assert.Equal(
            ["topology.yaml:2:35: location 'us-east-1' is defined twice (first at line 2); remove or rename one of them"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_LatencyRecordMissingLatencyPair_Reported()
    {
        var yaml = SeedTopologyYaml.With("locations: [us-east-1, eu-west-1]", "locations: [us-east-1, eu-west-1, ap-south-1]");

        Assert.Equal(
            [
                "topology.yaml:24:29: latency record 'api.example.test' routes to region 'us-east-1', but latencyMs gives no latency between location 'ap-south-1' and it; add latencyMs: { ap-south-1: { us-east-1: <ms> } }",
                "topology.yaml:25:29: latency record 'api.example.test' routes to region 'eu-west-1', but latencyMs gives no latency between location 'ap-south-1' and it; add latencyMs: { ap-south-1: { eu-west-1: <ms> } }",
            ],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_LatencyMatrixNamesUnknownLocation_Reported()
    {
        var yaml = SeedTopologyYaml.With("  eu-west-1: { us-east-1: 40, eu-west-1: 8 }", "  eu-west-1: { us-east-1: 40, eu-wset-1: 8 }");

        Assert.Equal(
            ["topology.yaml:5:31: latencyMs of 'eu-west-1' names 'eu-wset-1', which is not a location; did you mean 'eu-west-1'? defined locations: us-east-1, eu-west-1"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_LatencyRecordTwoSetsInOneRegion_Reported()
    {
        var yaml = SeedTopologyYaml.With("- { id: eu, region: eu-west-1, healthCheck: hc-eu }", "- { id: eu, region: us-east-1, healthCheck: hc-eu }");

        Assert.Contains(
            "topology.yaml:25:29: set 'eu' of latency record 'api.example.test' is in region 'us-east-1', like set 'us'; give a latency record at most one set per region (Route 53 allows one)",
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_FailoverWithoutPrimaryAndTwoSecondaries_Reported()
    {
        var yaml = SeedTopologyYaml.With("routing: latency", "routing: failover")
            .Replace("healthCheck: hc-us }", "healthCheck: hc-us, failover: secondary }", StringComparison.Ordinal)
            .Replace("healthCheck: hc-eu }", "healthCheck: hc-eu, failover: secondary }", StringComparison.Ordinal);

        Assert.Equal(
            [
                "topology.yaml:20:7: failover record 'api.example.test' has 0 primary sets, but must have exactly one; mark exactly one set failover: primary",
                "topology.yaml:20:7: failover record 'api.example.test' has 2 secondary sets, but may have at most one; mark at most one set failover: secondary",
            ],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_FailoverSetWithoutRoleAndBadRoleName_Reported()
    {
        var yaml = SeedTopologyYaml.With("routing: latency", "routing: failover")
            .Replace("healthCheck: hc-us }", "healthCheck: hc-us, failover: primery }", StringComparison.Ordinal);

        var errors = Render(TopologyReader.Read(yaml, File));

        Assert.Contains("topology.yaml:24:70: set 'us' of record 'api.example.test' has failover 'primery', which is not allowed; did you mean 'primary'? allowed: primary, secondary", errors);
        Assert.Contains("topology.yaml:25:11: set 'eu' of failover record 'api.example.test' has no failover role; add failover: primary or failover: secondary", errors);
        Assert.DoesNotContain(errors, e => e.Contains("set 'us' of failover record", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WeightAbove255_Reported()
    {
        var yaml = SeedTopologyYaml.With("routing: latency", "routing: weighted")
            .Replace("healthCheck: hc-us }", "healthCheck: hc-us, weight: 256 }", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:24:68: set 'us' of record 'api.example.test' has weight 256, which is outside 0–255; set weight between 0 and 255 (Route 53's limits)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_SimpleRecordWithTwoSets_Reported()
    {
        var yaml = SeedTopologyYaml.With("routing: latency", "routing: simple");

        Assert.Equal(
            ["topology.yaml:20:7: simple record 'api.example.test' has 2 sets, but must have exactly one; keep one set, or choose routing: latency, failover or weighted"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_UnknownRouting_SuggestsAndListsAllowed()
    {
        var yaml = SeedTopologyYaml.With("routing: latency", "routing: latncy");

        Assert.Equal(
            ["topology.yaml:21:16: record 'api.example.test' has routing 'latncy', which is not allowed; did you mean 'latency'? allowed: latency, failover, weighted, simple"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("- { name: api.eu-west-1.example.test, type: A }")]
    [InlineData("- { name: api.eu-west-1.example.test, type: A, sets: [] }")]
    public void Read_RecordWithoutSets_Reported(string record)
    {
        var yaml = SeedTopologyYaml.With("- { name: api.eu-west-1.example.test, type: A, region: eu-west-1 }", record);

        Assert.Equal(
            ["topology.yaml:19:7: record 'api.eu-west-1.example.test' has no sets; add region: <region> for a simple record, or sets: [...] for a routed one"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_RecordWithShorthandAndSets_Reported()
    {
        var yaml = SeedTopologyYaml.With("      routing: latency", "      region: us-east-1\n      routing: latency");

        Assert.Equal(
            ["topology.yaml:25:9: record 'api.example.test' has both region and sets; write region (and healthCheck) for one simple set, or sets for several, not both"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_DuplicateRecordName_ReportedAtSecond()
    {
        var yaml = SeedTopologyYaml.With("{ name: api.eu-west-1.example.test, type: A, region: eu-west-1 }", "{ name: api.us-east-1.example.test, type: A, region: eu-west-1 }");

        Assert.Contains(
            "topology.yaml:19:15: record 'api.us-east-1.example.test' is defined twice (first at line 18); remove or rename one of them",
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_DuplicateSetId_ReportedAtSecond()
    {
        var yaml = SeedTopologyYaml.With("- { id: eu, region: eu-west-1", "- { id: us, region: eu-west-1");

        Assert.Equal(
            ["topology.yaml:25:17: set 'us' of record 'api.example.test' is defined twice (first at line 24); remove or rename one of them"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_TwoFunctionsOnOneRoute_Reported()
    {
        var yaml = SeedTopologyYaml.With("hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", "hello: { route: GET /api/health, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1");

        Assert.Equal(
            ["topology.yaml:10:23: function 'hello' in region 'us-east-1' has route 'GET /api/health', which function 'health' already has; give each function of a region its own route"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("GET api/hello")]
    [InlineData("FETCH /api/hello")]
    [InlineData("/api/hello")]
    public void Read_BadRoute_Reported(string route)
    {
        var yaml = SeedTopologyYaml.With("hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", $"hello: {{ route: '{route}', handler: hello }}\n  eu-west-1");

        Assert.Equal(
            [$"topology.yaml:10:23: function 'hello' in region 'us-east-1' has route '{route}', which is not METHOD /path; write it like GET /api/hello; methods: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_UnknownHandler_SuggestsBuiltIns()
    {
        var yaml = SeedTopologyYaml.With("handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", "handler: helo, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1");

        Assert.Equal(
            ["topology.yaml:10:48: function 'hello' in region 'us-east-1' has handler 'helo', which is not a built-in handler; did you mean 'hello'? built-in handlers: health, hello"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HandlerAndUpstream_Reported()
    {
        var yaml = SeedTopologyYaml.With("handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", "handler: hello, upstream: 'http://127.0.0.1:5000' }\n  eu-west-1");

        Assert.Equal(
            ["topology.yaml:10:65: function 'hello' in region 'us-east-1' has both handler and upstream; keep one: handler for a built-in function, upstream to forward to your own service"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_NeitherHandlerNorUpstream_Reported()
    {
        var yaml = SeedTopologyYaml.With("hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", "hello: { route: GET /api/hello }\n  eu-west-1");

        Assert.Equal(
            ["topology.yaml:10:14: function 'hello' in region 'us-east-1' has neither handler nor upstream; add handler: hello (built-in handlers: health, hello) or upstream: http://127.0.0.1:5000"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("http://10.0.0.1:5000")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("localhost:5000")]
    public void Read_UpstreamNotLoopbackHttp_Reported(string upstream)
    {
        var yaml = SeedTopologyYaml.With("hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1", $"hello: {{ route: GET /api/hello, upstream: '{upstream}' }}\n  eu-west-1");

        Assert.Equal(
            [$"topology.yaml:10:49: function 'hello' in region 'us-east-1' has upstream '{upstream}', which is not an http(s) URL on loopback; the lab only talks to loopback: use a URL such as http://127.0.0.1:5000"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_UpstreamLambdaProtocolLayersAndRelease_Read()
    {
        var yaml = SeedTopologyYaml.With(
            "hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1",
            "hello: { route: GET /api/hello, upstream: { url: 'http://127.0.0.1:9000', protocol: lambda }, layers: [chaos-lambda-extension], chaosExtensionRelease: main }\n  eu-west-1");

        var result = TopologyReader.Read(yaml, File);

        Assert.Empty(Render(result));
        var hello = result.Topology!.FindRegion("us-east-1")!.Functions.Single(f => f.Name == "hello");
        Assert.Equal(new Uri("http://127.0.0.1:9000"), hello.Upstream);
        Assert.Equal(UpstreamProtocol.Lambda, hello.UpstreamProtocol);
        Assert.Equal(["chaos-lambda-extension"], hello.Layers);
        Assert.Equal(ChaosExtensionRelease.Main, hello.ChaosExtensionRelease);
    }

    [Fact]
    public void Read_NoLayersNorRelease_DefaultsToNoneAndTheTaggedRelease()
    {
        var hello = TopologyReader.Read(SeedTopologyYaml.Text, File).Topology!.FindRegion("us-east-1")!.Functions.Single(f => f.Name == "hello");

        Assert.Empty(hello.Layers);
        Assert.Equal(ChaosExtensionRelease.Tagged, hello.ChaosExtensionRelease);
        Assert.Equal(UpstreamProtocol.Http, hello.UpstreamProtocol);
    }

    [Fact]
    public void Read_BadUpstreamProtocolAndRelease_Reported()
    {
        var yaml = SeedTopologyYaml.With(
            "hello: { route: GET /api/hello, handler: hello, timeout: 10s, reservedConcurrency: 100 }\n  eu-west-1",
            "hello: { route: GET /api/hello, upstream: { url: 'http://127.0.0.1:9000', protocol: grpc }, chaosExtensionRelease: v9 }\n  eu-west-1");

        Assert.Equal(
            [
                "topology.yaml:10:91: upstream of function 'hello' in region 'us-east-1' has protocol 'grpc', which is not allowed; allowed: http, lambda",
                "topology.yaml:10:122: function 'hello' in region 'us-east-1' has chaosExtensionRelease 'v9', which is not allowed; allowed: v0.1.6, main",
            ],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_RecordOutsideZone_Reported()
    {
        var yaml = SeedTopologyYaml.With("- { name: api.eu-west-1.example.test,", "- { name: api.eu-west-1.example.org,")
            .Replace("fqdn: api.eu-west-1.example.test", "fqdn: api.eu-west-1.example.org", StringComparison.Ordinal);

        Assert.Equal(
            ["topology.yaml:19:15: record 'api.eu-west-1.example.org' is not inside zone 'example.test'; use a name ending in .example.test"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_RecordTypeOtherThanA_Reported()
    {
        var yaml = SeedTopologyYaml.With("{ name: api.us-east-1.example.test, type: A,", "{ name: api.us-east-1.example.test, type: AAAA,");

        Assert.Equal(
            ["topology.yaml:18:49: record 'api.us-east-1.example.test' has type 'AAAA', which the lab does not answer; use type: A (the only type supported), or remove type"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_ClientHostNotARecord_SuggestsRecord()
    {
        var yaml = SeedTopologyYaml.With("us-customers: { location: us-east-1, url: https://api.example.test/api/hello", "us-customers: { location: us-east-1, url: https://api.exmple.test/api/hello");

        Assert.Equal(
            ["topology.yaml:30:45: client 'us-customers' requests host 'api.exmple.test', which is not a record of zone 'example.test' (clients resolve through the lab DNS); did you mean 'api.example.test'? defined records: api.us-east-1.example.test, api.eu-west-1.example.test, api.example.test"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("0", "topology.yaml:30:87: client 'us-customers' has rate 0, which is not above zero; set rate to a positive rate such as 20/s")]
    [InlineData("20/d", "topology.yaml:30:87: client 'us-customers' has rate '20/d', which is not a rate; write a rate such as 20/s, 1200/m or 20 (per second)")]
    [InlineData("fast", "topology.yaml:30:87: client 'us-customers' has rate 'fast', which is not a rate; write a rate such as 20/s, 1200/m or 20 (per second)")]
    public void Read_BadClientRate_Reported(string rate, string expected)
    {
        var yaml = SeedTopologyYaml.With("hello, rate: 20/s }\n  eu-customers", $"hello, rate: {rate} }}\n  eu-customers");

        Assert.Equal([expected], Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_HealthCheckFqdnNotARecord_Reported()
    {
        var yaml = SeedTopologyYaml.With("fqdn: api.us-east-1.example.test", "fqdn: api.us-east-1.example.com");

        Assert.Equal(
            ["topology.yaml:27:31: health check 'hc-us' probes 'api.us-east-1.example.com', which is not a record of zone 'example.test' (checkers resolve through the lab DNS); did you mean 'api.us-east-1.example.test'? defined records: api.us-east-1.example.test, api.eu-west-1.example.test, api.example.test"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_StringMatchWithoutSearchString_Reported()
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS,", "hc-us: { type: HTTP_STR_MATCH,");

        Assert.Equal(
            ["topology.yaml:27:18: health check 'hc-us' has type HTTP_STR_MATCH but no searchString; add searchString: the text the response body must contain (at most 255 characters)"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_SearchStringOver255_Reported()
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS,", $"hc-us: {{ type: HTTP_STR_MATCH, searchString: {new string('x', 256)},");

        Assert.Equal(
            ["topology.yaml:27:48: health check 'hc-us' has a searchString of 256 characters, more than Route 53's 255; shorten searchString to at most 255 characters"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_SearchStringOnPlainHttps_WarnsButLoads()
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS,", "hc-us: { type: HTTPS, searchString: ok,");

        var result = TopologyReader.Read(yaml, File);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("topology.yaml:27:39: warning: health check 'hc-us' has a searchString, which type HTTPS ignores; use type HTTP_STR_MATCH or HTTPS_STR_MATCH, or remove searchString", warning.ToString());
        Assert.NotNull(result.Topology);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Read_TimeScaleNotPositive_IsOutOfRangeAsOnTheCommandLine(string timeScale)
    {
        var yaml = SeedTopologyYaml.With("name: hello-api", $"name: hello-api\ntimeScale: {timeScale}");

        Assert.Equal(
            [$"topology.yaml:2:12: timeScale {timeScale} is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_WrongNodeKinds_Reported()
    {
        var yaml = SeedTopologyYaml.With("  hc-eu: { type: HTTPS, fqdn: api.eu-west-1.example.test, path: /api/health, interval: 30s, failureThreshold: 3 }", "  hc-eu: [HTTPS]")
            .Replace("locations: [us-east-1, eu-west-1]", "locations: us-east-1", StringComparison.Ordinal);

        var errors = Render(TopologyReader.Read(yaml, File));

        Assert.Contains("topology.yaml:28:10: health check 'hc-eu' is a list, but must be a mapping; write it as key: value pairs", errors);
        Assert.Contains("topology.yaml:2:12: locations of the topology is a value, but must be a list; write it as a list, e.g. [a, b] or one '- item' per line", errors);
    }

    [Fact]
    public void Read_RecordAndSetNotMappings_OnlyThoseReported()
    {
        var yaml = SeedTopologyYaml.With("- { name: api.eu-west-1.example.test, type: A, region: eu-west-1 }", "- api.eu-west-1.example.test")
            .Replace("- { id: eu, region: eu-west-1, healthCheck: hc-eu }", "- eu", StringComparison.Ordinal)
            .Replace("fqdn: api.eu-west-1.example.test", "fqdn: api.us-east-1.example.test", StringComparison.Ordinal);

        Assert.Equal(
            [
                "topology.yaml:19:7: a record is a value, but must be a mapping; write it as key: value pairs",
                "topology.yaml:25:11: a set of record 'api.example.test' is a value, but must be a mapping; write it as key: value pairs",
            ],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Theory]
    [InlineData("port: 0,", "topology.yaml:27:31: health check 'hc-us' has port 0, which is outside 1–65535; set port between 1 and 65535 (TCP's limits)")]
    [InlineData("checkers: 65,", "topology.yaml:27:35: health check 'hc-us' has checkers 65, which is outside 1–64; set checkers between 1 and 64 (the lab's limits)")]
    [InlineData("path: api/health,", "topology.yaml:27:31: health check 'hc-us' has path 'api/health', which does not start with '/'; write path: /api/health")]
    public void Read_HealthCheckValueOutOfRange_Reported(string insert, string expected)
    {
        var yaml = SeedTopologyYaml.With("hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health,", $"hc-us: {{ type: HTTPS, {insert} fqdn: api.us-east-1.example.test,");

        Assert.Equal([expected], Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_NegativeLatency_Reported()
    {
        var yaml = SeedTopologyYaml.With("  eu-west-1: { us-east-1: 40, eu-west-1: 8 }", "  eu-west-1: { us-east-1: 40, eu-west-1: -8 }");

        Assert.Equal(
            ["topology.yaml:5:42: latencyMs from 'eu-west-1' to 'eu-west-1' is -8, which is negative; write a one-way latency in milliseconds, 0 or more"],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_BadNumberAndBoolean_Reported()
    {
        var yaml = SeedTopologyYaml.With("interval: 30s, failureThreshold: 3 }\n  hc-eu", "interval: 30s, failureThreshold: three, inverted: yes }\n  hc-eu");

        Assert.Equal(
            [
                "topology.yaml:27:111: health check 'hc-us' has failureThreshold 'three', which is not a whole number; write a whole number such as 3",
                "topology.yaml:27:128: health check 'hc-us' has inverted 'yes', which is not true or false; write true or false",
            ],
            Render(TopologyReader.Read(yaml, File)));
    }

    [Fact]
    public void Read_FiveDifferentErrors_ReportsAllFive()
    {
        var yaml = SeedTopologyYaml.With("ttl: 60s", "ttl: soon")
            .Replace("interval: 30s, failureThreshold: 3 }\n  hc-eu", "interval: 30s, failureThreshold: 12 }\n  hc-eu", StringComparison.Ordinal)
            .Replace("healthCheck: hc-eu }", "healthCheck: hc-e }", StringComparison.Ordinal)
            .Replace("reservedConcurrency: 100 }\n  eu-west-1", "reservedConcurency: 100 }\n  eu-west-1", StringComparison.Ordinal)
            .Replace("  eu-customers: { location: eu-west-1,", "  eu-customers: { location: eu-west-2,", StringComparison.Ordinal);

        var result = TopologyReader.Read(yaml, File);

        Assert.Equal(5, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal([10, 22, 25, 27, 31], result.Diagnostics.Select(d => d.Location!.Line).Order());
        Assert.Null(result.Topology);
    }

    [Fact]
    public void ThrowIfInvalid_WithErrors_ThrowsWithEveryDiagnostic()
    {
        var yaml = SeedTopologyYaml.With("ttl: 60s", "ttl: soon").Replace("routing: latency", "routing: fast", StringComparison.Ordinal);
        var result = TopologyReader.Read(yaml, File);

        var exception = Assert.Throws<InvalidInputException>(() => result.ThrowIfInvalid());

        Assert.Equal(2, exception.Diagnostics.Count);
        Assert.Contains("topology.yaml:22:12:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ReturnsDiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"faultline-missing-{Guid.NewGuid():N}", "topology.yaml");

        var result = TopologyReader.Load(path);

        Assert.True(result.HasErrors);
        Assert.Null(result.Topology);
        Assert.Equal($"topology file '{path}' was not found; check the path, or run 'faultline init' to write the seed topology", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Load_ExistingFile_UsesPathInDiagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"faultline-{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(path, SeedTopologyYaml.With("ttl: 60s", "ttl: soon"));
        try
        {
            var result = TopologyReader.Load(path);

            Assert.StartsWith($"{path}:22:12: ", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static List<string> Render(TopologyReadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];
}
