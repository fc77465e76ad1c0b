using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Tests.Topology.Reading;

namespace Faultline.Core.Tests.Experiments.Reading;

public sealed class ExperimentReaderTests
{
    private const string Action = "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }";

    [Fact]
    public void Read_Seed_MapsEveryPart()
    {
        var result = SeedExperimentYaml.Read(SeedExperimentYaml.Text);

        Assert.Empty(SeedExperimentYaml.Render(result));
        var experiment = result.ThrowIfInvalid();
        Assert.Equal(20, experiment.TimeScale);
        Assert.Equal(42, experiment.Seed);
        Assert.Equal(SeedExperimentYaml.File, experiment.SourcePath);
        Assert.Equal("A failure in us-east-1 does not affect eu-west-1", experiment.Hypothesis.Title);
        var checks = experiment.Hypothesis.Checks;
        Assert.Equal(6, checks.Count);
        var steady = Assert.IsType<TrafficCheck>(checks[0]);
        Assert.True(steady.Window.IsBaseline);
        Assert.True(steady.Clients.IsAll);
        Assert.Equal(new TrafficMetric(TrafficMetricKind.SuccessRate), steady.Metric);
        Assert.Equal(new Threshold(ComparisonOperator.GreaterOrEqual, 99, ThresholdUnit.Percent), steady.Threshold);
        var eu = Assert.IsType<TrafficCheck>(checks[1]);
        Assert.Equal(["eu-customers"], eu.Clients.Names);
        Assert.Equal(CheckWindow.During(Phase.Fault), eu.Window);
        var failover = Assert.IsType<TrafficCheck>(checks[2]);
        Assert.Equal(new CheckWindow(new PhaseEdge(Phase.Fault, PhaseEdgeKind.Start, TimeSpan.FromMinutes(3)), new PhaseEdge(Phase.Fault, PhaseEdgeKind.End, TimeSpan.Zero)), failover.Window);
        var share = Assert.IsType<TrafficCheck>(checks[3]);
        Assert.Equal(new TrafficMetric(TrafficMetricKind.RegionShare, Region: "eu-west-1"), share.Metric);
        Assert.Equal(new Threshold(ComparisonOperator.GreaterOrEqual, 95, ThresholdUnit.Percent), share.Threshold);
        var health = Assert.IsType<HealthTransitionCheck>(checks[4]);
        Assert.Equal("hc-us", health.HealthCheck);
        Assert.False(health.BecomesHealthy);
        Assert.Equal(TimeSpan.FromMinutes(3), health.Within);
        var dns = Assert.IsType<DnsAnswerCheck>(checks[5]);
        Assert.Equal(("us-east-1", "api.example.test", "eu-west-1"), (dns.QuerierLocation, dns.QueryName, dns.AnswersRegion));
        Assert.Equal(["us-customers", "eu-customers"], experiment.Load.Populations.Select(p => p.Client));
        Assert.All(experiment.Load.Populations, p => Assert.Null(p.RatePerSecond));
        Assert.Equal(TimeSpan.FromMinutes(2), experiment.Load.Baseline);
        Assert.Equal(TimeSpan.FromMinutes(3), experiment.Load.Recovery);
        var target = Assert.Single(experiment.Targets);
        Assert.Equal(("us-functions", TargetType.Function, "us-east-1", SelectionMode.All), (target.Name, target.Type, target.Target.Region, target.Target.Selection));
        var fault = Assert.IsType<FaultAction>(Assert.Single(experiment.Actions));
        Assert.Equal(("inject-latency", "us-functions", 100.0, TimeSpan.FromMinutes(10)), (fault.Name, fault.Target, fault.Percentage, fault.Duration!.Value));
        Assert.Equal(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, fault.Options);
        Assert.Empty(fault.StartAfter);
        var stop = Assert.Single(experiment.StopConditions);
        Assert.Equal(("global outage", TrafficMetricKind.SuccessRate, true), (stop.Name, stop.Metric.Kind, stop.Clients.IsAll));
        Assert.Equal(new Threshold(ComparisonOperator.Less, 50, ThresholdUnit.Percent), stop.AlarmWhen);
        Assert.Equal(TimeSpan.FromMinutes(1), stop.For);
        Assert.Equal("experiment.yaml:22:5", stop.Location?.ToString());
        Assert.Equal("experiment.yaml:11:7", checks[4].Location?.ToString());
        Assert.Equal("experiment.yaml:20:3", fault.Location?.ToString());
    }

    [Fact]
    public void Read_Seed_TopologyResolvedAgainstTheExperimentsFolderAndReturned()
    {
        string? asked = null;
        var result = ExperimentReader.Read(SeedExperimentYaml.Text, "/lab/exp/experiment.yaml", (full, _) =>
        {
            asked = full;
            return Faultline.Core.Topology.Reading.TopologyReader.Read(SeedTopologyYaml.Text, "t.yaml");
        });

        Assert.Equal(Path.GetFullPath("/lab/exp/topology.yaml"), asked);
        Assert.Equal(asked, result.ThrowIfInvalid().TopologyPath);
        Assert.Equal("hello-api", result.Topology?.Name);
    }

    [Fact]
    public void Read_DefaultsAndOptionalForms_Mapped()
    {
        var yaml = SeedExperimentYaml.With("timeScale: 20\nseed: 42\n", string.Empty)
            .Replace("  clients: [us-customers, eu-customers]\n  baseline: 2m\n  recovery: 3m\n", "  clients: { us-customers: { rate: 1200/m, rampFrom: 5/s, rampOver: 1m }, eu-customers: {} }\n", StringComparison.Ordinal)
            .Replace("clients: all, below: 50%, for: 1m", "clients: eu-customers, above: 5s, for: 30s", StringComparison.Ordinal)
            .Replace("metric: successRate", "metric: p99.9", StringComparison.Ordinal)
            .Replace("during: fault, successRate: \">= 99%\"", "latency: { p99: \"< 2s\" }", StringComparison.Ordinal)
            .Replace("clients: all, during: baseline,", "during: { from: baseline.end - 30s, to: recovery.start },", StringComparison.Ordinal);

        var experiment = SeedExperimentYaml.Read(yaml).ThrowIfInvalid();

        Assert.Null(experiment.TimeScale);
        Assert.Null(experiment.Seed);
        Assert.Equal(LoadPlan.DefaultBaseline, experiment.Load.Baseline);
        var us = experiment.Load.Populations[0];
        Assert.Equal((20.0, 5.0, TimeSpan.FromMinutes(1)), (us.RatePerSecond!.Value, us.RampFromPerSecond!.Value, us.RampOver!.Value));
        Assert.Null(experiment.Load.Populations[1].RatePerSecond);
        var steady = Assert.IsType<TrafficCheck>(experiment.Hypothesis.Checks[0]);
        Assert.True(steady.Clients.IsAll);
        Assert.Equal(new PhaseEdge(Phase.Baseline, PhaseEdgeKind.End, TimeSpan.FromSeconds(-30)), steady.Window.From);
        Assert.Equal(new PhaseEdge(Phase.Recovery, PhaseEdgeKind.Start, TimeSpan.Zero), steady.Window.To);
        var latency = Assert.IsType<TrafficCheck>(experiment.Hypothesis.Checks[1]);
        Assert.Equal(CheckWindow.During(Phase.Fault), latency.Window);
        Assert.Equal(new TrafficMetric(TrafficMetricKind.LatencyPercentile, 99), latency.Metric);
        Assert.Equal(new Threshold(ComparisonOperator.Less, 2000, ThresholdUnit.Milliseconds), latency.Threshold);
        var stop = Assert.Single(experiment.StopConditions);
        Assert.Equal(new TrafficMetric(TrafficMetricKind.LatencyPercentile, 99.9), stop.Metric);
        Assert.Equal(new Threshold(ComparisonOperator.Greater, 5000, ThresholdUnit.Milliseconds), stop.AlarmWhen);
        Assert.Equal(["eu-customers"], stop.Clients.Names);
        Assert.Equal(TimeSpan.FromSeconds(30), stop.For);
    }

    [Fact]
    public void Read_EveryFaultKind_MapsOptions()
    {
        var yaml = SeedExperimentYaml.With("targets:\n", "targets:\n  gw: { type: region, region: eu-west-1, from: us-east-1 }\n  rec: { type: record, record: API.example.test. }\n  hc: { type: healthCheck, healthCheck: hc-eu }\n  one: { type: function, function: hello, route: GET /api/hello, selectionMode: COUNT(1) }\n")
            .Replace(Action, Action + """

                  e: { fault: error, target: one, preventExecution: false, duration: 1m, startAfter: inject-latency }
                  h: { fault: http-response, target: one, statusCode: 503, body: x, contentType: text/plain, duration: 1m, startAfter: [e] }
                  t: { fault: throttle, target: us-functions, concurrency: 2, duration: 1m }
                  n: { fault: network, target: gw, mode: latency, delay: 200ms, duration: 1m }
                  d: { fault: dns, target: rec, mode: nxdomain, duration: 1m }
                  o: { fault: health-override, target: hc, status: healthy, duration: 1m, description: force it }
                  r: { fault: latency, target: one, min: 1s, max: 2s, duration: 1m }
                """, StringComparison.Ordinal);

        var result = SeedExperimentYaml.Read(yaml);

        Assert.Empty(SeedExperimentYaml.Render(result));
        var experiment = result.ThrowIfInvalid();
        Assert.Equal(["inject-latency"], experiment.FindAction("e")!.StartAfter);
        Assert.Equal(new HttpResponseFaultOptions { StatusCode = 503, Body = "x", ContentType = "text/plain" }, ((FaultAction)experiment.FindAction("h")!).Options);
        Assert.Equal(new NetworkFaultOptions { Mode = NetworkMode.Latency, Delay = TimeSpan.FromMilliseconds(200) }, ((FaultAction)experiment.FindAction("n")!).Options);
        Assert.Equal(new DnsFaultOptions { Mode = DnsFaultMode.Nxdomain }, ((FaultAction)experiment.FindAction("d")!).Options);
        Assert.Equal("force it", experiment.FindAction("o")!.Description);
        Assert.Equal(new LatencyFaultOptions { Min = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(2) }, ((FaultAction)experiment.FindAction("r")!).Options);
        Assert.Equal(["us-east-1"], experiment.FindTarget("gw")!.Target.FromLocations);
        Assert.Equal("api.example.test", experiment.FindTarget("rec")!.Target.Record);
        Assert.Equal(new SelectionMode(SelectionModeKind.Count, 1), experiment.FindTarget("one")!.Target.Selection);
    }

    [Fact]
    public void Read_TopologyNotFound_ReportedAtTheTopologyKey()
    {
        var result = ExperimentReader.Read(SeedExperimentYaml.Text, SeedExperimentYaml.File, (_, _) => null);

        var diagnostic = Assert.Single(SeedExperimentYaml.Render(result));
        Assert.StartsWith("experiment.yaml:1:11: the experiment names topology './topology.yaml', which was not found (looked for ", diagnostic, StringComparison.Ordinal);
        Assert.EndsWith("; write the topology file's path relative to the experiment file's folder, e.g. topology: ./topology.yaml", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TopologyInvalid_IncludesItsDiagnosticsUnderItsOwnName()
    {
        var result = SeedExperimentYaml.Read(SeedExperimentYaml.Text, SeedTopologyYaml.With("hc-us: { type: HTTPS, fqdn:", "hc-us: { type: HTTPS, fqnd:"));

        Assert.Contains("topology.yaml:27:25: health check 'hc-us' has unknown key 'fqnd'; did you mean 'fqdn'? known keys: type, fqdn, port, path, interval, failureThreshold, searchString, checkers, regions, inverted, disabled", SeedExperimentYaml.Render(result));
        Assert.All(SeedExperimentYaml.Render(result), d => Assert.StartsWith("topology.yaml:", d, StringComparison.Ordinal));
        Assert.Null(result.Experiment);
    }

    [Fact]
    public void Read_TopologyInAnotherFolder_DiagnosticsNameItRelativeToTheCurrentDirectory()
    {
        var yaml = SeedExperimentYaml.With("topology: ./topology.yaml", "topology: ../seed/topology.yaml");
        string? display = null;

        ExperimentReader.Read(yaml, Path.Combine("samples", "stop", "experiment.yaml"), (_, d) =>
        {
            display = d;
            return Faultline.Core.Topology.Reading.TopologyReader.Read(SeedTopologyYaml.Text, d);
        });

        Assert.Equal("samples/seed/topology.yaml", display);
    }

    [Fact]
    public void Read_AwsTiming_MappedWithAwsDefaults()
    {
        var given = SeedExperimentYaml.Read(SeedExperimentYaml.Text + "awsTiming: { lambdaRampUp: 30s, lambdaRampDown: 0s, configureDelay: 1m }\n").ThrowIfInvalid();
        var defaults = SeedExperimentYaml.Read(SeedExperimentYaml.Text).ThrowIfInvalid();

        Assert.Equal(new AwsTiming { LambdaRampUp = TimeSpan.FromSeconds(30), LambdaRampDown = TimeSpan.Zero, ConfigureDelay = TimeSpan.FromMinutes(1) }, given.AwsTiming);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10)), (defaults.AwsTiming.LambdaRampUp, defaults.AwsTiming.LambdaRampDown, defaults.AwsTiming.ConfigureDelay));
    }

    [Fact]
    public void Read_AwsTimingBadValues_ReportedAtEachKey()
    {
        var yaml = SeedExperimentYaml.Text + "awsTiming:\n  lambdaRampUp: 20m\n  lambdaRampDown: soon\n  configureDelai: 5s\n";

        Assert.Equal(
            [
                "experiment.yaml:24:17: awsTiming has lambdaRampUp 20m, which is longer than 15m; set lambdaRampUp to at most 15m, or 0s for an idealised run in which actions take effect at once",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)).Take(1));
        Assert.Equal(3, SeedExperimentYaml.Read(yaml).Diagnostics.Count);
    }

    [Fact]
    public void Read_BaselineCheckWithZeroBaseline_Reported()
    {
        var yaml = SeedExperimentYaml.With("baseline: 2m", "baseline: 0s");

        Assert.Equal(
            ["experiment.yaml:7:7: check 'steady state' looks at the baseline, but load has baseline 0s; set load.baseline to a positive duration such as 2m (the steady state needs load before the first fault)"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_UnknownKeys_DidYouMeanAndKnownKeys()
    {
        var yaml = SeedExperimentYaml.With("stopConditions:", "stopCondition:").Replace("recovery: 3m", "recover: 3m", StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:16:3: load has unknown key 'recover'; did you mean 'recovery'? known keys: clients, baseline, recovery",
                "experiment.yaml:21:1: the experiment has unknown key 'stopCondition'; did you mean 'stopConditions'? known keys: topology, timeScale, seed, hypothesis, load, targets, actions, stopConditions, awsTiming",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_MissingRequiredKeys_ReportedWithExamples()
    {
        var yaml = SeedExperimentYaml.With("topology: ./topology.yaml\n", string.Empty).Replace("  title: A failure in us-east-1 does not affect eu-west-1\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:1:1: the experiment is missing required key 'topology'; add topology: ./topology.yaml",
                "experiment.yaml:4:3: the hypothesis is missing required key 'title'; add title: A failure in us-east-1 does not affect eu-west-1",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_UnknownClient_DidYouMeanAtTheName()
    {
        var yaml = SeedExperimentYaml.With("clients: eu-customers, during: fault", "clients: eu-customer, during: fault");

        Assert.Equal(
            ["experiment.yaml:8:49: check 'eu customers unaffected' names client 'eu-customer', which the topology does not define; did you mean 'eu-customers'? clients in the topology: us-customers, eu-customers"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_UnknownNamesInLoadChecksAndStopConditions_EachReported()
    {
        var yaml = SeedExperimentYaml.With("clients: [us-customers, eu-customers]", "clients: [us-customers, ap-customers]")
            .Replace("healthCheck: hc-us,", "healthCheck: hc-ux,", StringComparison.Ordinal)
            .Replace("location: us-east-1, name: api.example.test, answers: eu-west-1", "location: us-east-2, name: app.example.test, answers: eu-west-2", StringComparison.Ordinal)
            .Replace("regionShare: { eu-west-1:", "regionShare: { eu-west:", StringComparison.Ordinal)
            .Replace("clients: all, below", "clients: [eu], below", StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:10:120: check 'us moved to eu' names region 'eu-west', which the topology does not define; did you mean 'eu-west-1'? regions in the topology: us-east-1, eu-west-1",
                "experiment.yaml:11:51: check 'hc-us turns unhealthy' names health check 'hc-ux', which the topology does not define; did you mean 'hc-us'? health checks in the topology: hc-us, hc-eu",
                "experiment.yaml:12:48: check 'us answered eu' names location 'us-east-2', which the topology does not define; did you mean 'us-east-1'? locations in the topology: us-east-1, eu-west-1",
                "experiment.yaml:12:65: check 'us answered eu' names record 'app.example.test', which the topology does not define; did you mean 'api.example.test'? records in the topology: api.us-east-1.example.test, api.eu-west-1.example.test, api.example.test",
                "experiment.yaml:12:92: check 'us answered eu' names region 'eu-west-2', which the topology does not define; did you mean 'eu-west-1'? regions in the topology: us-east-1, eu-west-1",
                "experiment.yaml:14:27: load names client 'ap-customers', which the topology does not define; did you mean 'us-customers'? clients in the topology: us-customers, eu-customers",
                "experiment.yaml:22:59: stop condition 'global outage' names client 'eu', which the topology does not define; clients in the topology: us-customers, eu-customers",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_TargetOfWrongTypeForTheFault_Reported()
    {
        var yaml = SeedExperimentYaml.With("fault: latency, target: us-functions, delay: 60s,", "fault: network, target: us-functions, mode: blackhole,");

        Assert.Equal(
            ["experiment.yaml:20:45: action 'inject-latency' (network) uses target 'us-functions' of type function, but network acts on a target of type region; name a target of type region, or define one: { type: region, ... }"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_ConfigureOnRegionTarget_Reported()
    {
        var yaml = SeedExperimentYaml.With("targets:\n", "targets:\n  gw: { type: region }\n").Replace(Action, "  attach: { configure: { target: gw, attachLayer: x } }", StringComparison.Ordinal);

        Assert.Equal(
            ["experiment.yaml:21:34: action 'attach' (configure) uses target 'gw' of type region, but configure acts on a target of type function; name a target of type function, or define one: { type: function, ... }"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_TargetSelectingNothingOrUnknownNames_Reported()
    {
        var yaml = SeedExperimentYaml.With(
            "  us-functions: { type: function, region: us-east-1, selectionMode: ALL }",
            "  us-functions: { type: function, region: us-east-1, tags: { team: x } }\n  b: { type: function, region: us-east-2 }\n  c: { type: function, region: eu-west-1, function: helo }\n  d: { type: record, record: nope.example.test, region: us-east-1 }\n  e: { type: healthCheck, healthCheck: hc-eu, selectionMode: SOME }\n  f: { type: region, from: [mars] }\n  g: { type: functions }");

        Assert.Equal(
            [
                "experiment.yaml:18:17: target 'us-functions' selects no function of the topology; loosen its region, function, route or tags; functions: us-east-1/health (GET /api/health), us-east-1/hello (GET /api/hello), eu-west-1/health (GET /api/health), eu-west-1/hello (GET /api/hello)",
                "experiment.yaml:19:32: target 'b' names region 'us-east-2', which the topology does not define; did you mean 'us-east-1'? regions in the topology: us-east-1, eu-west-1",
                "experiment.yaml:20:53: target 'c' names function 'helo', which the topology does not define; did you mean 'hello'? functions in the topology: health, hello",
                "experiment.yaml:21:57: target 'd' of type record does not take 'region'; remove it; keys for type record: record, selectionMode",
                "experiment.yaml:21:30: target 'd' names record 'nope.example.test', which the topology does not define; did you mean 'api.example.test'? records in the topology: api.us-east-1.example.test, api.eu-west-1.example.test, api.example.test",
                "experiment.yaml:22:62: target 'e' has selectionMode 'SOME', which is not a selection mode; write ALL, COUNT(n) with n >= 1, or PERCENT(n) with n 1-100",
                "experiment.yaml:23:29: target 'f' names location 'mars', which the topology does not define; locations in the topology: us-east-1, eu-west-1",
                "experiment.yaml:24:14: target 'g' has type 'functions', which is not allowed; did you mean 'function'? allowed: function, region, record, healthCheck",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_ActionNamingUnknownTarget_DidYouMean()
    {
        var yaml = SeedExperimentYaml.With("target: us-functions, delay", "target: us-function, delay");

        Assert.Equal(
            ["experiment.yaml:20:45: action 'inject-latency' names target 'us-function', which is not defined; did you mean 'us-functions'? defined targets: us-functions"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_StartAfterUnknownOrSelf_Reported()
    {
        var yaml = SeedExperimentYaml.With(Action, Action + "\n  w: { wait: 1m, startAfter: [inject-latncy, w] }");

        Assert.Equal(
            [
                "experiment.yaml:21:31: action 'w' names action 'inject-latncy', which is not defined; did you mean 'inject-latency'? defined actions: inject-latency, w",
                "experiment.yaml:21:46: action 'w' starts after itself; remove it from its own startAfter",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_CycleInTheGraph_NamesTheCycle()
    {
        var yaml = SeedExperimentYaml.With(Action, Action + "\n  a: { wait: 1m, startAfter: [c] }\n  b: { wait: 1m, startAfter: [a] }\n  c: { wait: 1m, startAfter: [b, inject-latency] }");

        Assert.Equal(
            ["experiment.yaml:21:30: the actions form a cycle: a -> b -> c -> a; remove one startAfter of the cycle; no action in it could ever start"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_DurationRules_Reported()
    {
        var yaml = SeedExperimentYaml.With(
            Action,
            "  f: { fault: latency, target: us-functions, delay: 60s }\n  z: { fault: latency, target: us-functions, delay: 60s, duration: 0s }\n  w: { wait: 0s }\n  c: { configure: { target: us-functions, attachLayer: x }, duration: 1m }\n  n: { configure: { target: us-functions } }");

        Assert.Equal(
            [
                "experiment.yaml:20:6: action 'f' is missing required key 'duration'; add duration: 10m",
                "experiment.yaml:21:68: action 'z' has duration 0s, which is not above zero; set duration to a positive duration such as 10m",
                "experiment.yaml:22:14: action 'w' has wait 0s, which is not above zero; set wait to a positive duration such as 10m",
                "experiment.yaml:23:71: action 'c' is a configure step and has a duration, but configure steps take no time; remove duration; hold the change with a wait action that starts after it, as the seed's FIS graph does",
                "experiment.yaml:24:19: action 'n' configures nothing; add setEnvironment, unsetEnvironment, attachLayer or detachLayer",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_FaultParameters_Validated()
    {
        var yaml = SeedExperimentYaml.With(
            Action,
            """
              a: { fault: latncy, target: us-functions, duration: 1m }
              b: { fault: latency, target: us-functions, duration: 1m }
              c: { fault: latency, target: us-functions, delay: 1s, min: 1s, max: 2s, duration: 1m }
              d: { fault: latency, target: us-functions, min: 3s, max: 2s, duration: 1m }
              e: { fault: http-response, target: us-functions, statusCode: 700, duration: 1m }
              f: { fault: throttle, target: us-functions, concurrency: -1, duration: 1m }
              g: { fault: error, target: us-functions, percentage: 101, statusCode: 500, duration: 1m }
            """);

        Assert.Equal(
            [
                "experiment.yaml:20:15: action 'a' has fault 'latncy', which is not a fault kind; did you mean 'latency'? fault kinds: latency, error, http-response, throttle, network, dns, health-override",
                "experiment.yaml:21:6: action 'b' (latency): neither delay nor both min and max is given; add delay: 60s, or min: 1s and max: 5s for a uniformly drawn delay",
                "experiment.yaml:22:53: action 'c' (latency): both delay and min/max are given; keep delay for a fixed delay, or min and max for a range",
                "experiment.yaml:23:51: action 'd' (latency): min 3s is above max 2s; make min at most max",
                "experiment.yaml:24:64: action 'e' (http-response): statusCode is 700; it must be between 100 and 599; set statusCode to an HTTP status such as 500 or 503",
                "experiment.yaml:25:60: action 'f' (throttle): concurrency is -1; it must be 0 or more; set concurrency to 0 (throttle everything) or more",
                "experiment.yaml:26:56: action 'g' (error): percentage is 101; it must be between 0 and 100; set percentage to the share of requests affected, from 0 to 100",
                "experiment.yaml:26:61: action 'g' has unknown key 'statusCode'; known keys: startAfter, description, fault, target, duration, percentage, preventExecution",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_FaultDelayLongerThanTheLabInjects_IsALocatedError()
    {
        var yaml = SeedExperimentYaml.With(
            Action,
            """
              a: { fault: latency, target: us-functions, delay: 2h, duration: 1m }
            """);

        Assert.Equal(
            ["experiment.yaml:20:53: action 'a' (latency): delay is 2h; it must be at most 15m (a Lambda function's longest timeout); give a delay from 0s to 15m"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_NetworkAndDnsModes_NeedTheirDelay()
    {
        var yaml = SeedExperimentYaml.With("targets:\n", "targets:\n  gw: { type: region }\n  rec: { type: record, record: api.example.test }\n").Replace(
            Action,
            "  n: { fault: network, target: gw, mode: latency, duration: 1m }\n  d: { fault: dns, target: rec, delay: 1s, duration: 1m }\n  m: { fault: network, target: gw, mode: slow, duration: 1m }",
            StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:22:42: action 'n' (network): mode latency needs delay; add delay: 200ms",
                "experiment.yaml:23:40: action 'd' (dns): delay is given, but mode servfail does not delay; remove delay, or set mode: delay",
                "experiment.yaml:24:42: action 'm' (network): mode is 'slow', which is not allowed; allowed: blackhole, reset, latency",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_ActionKinds_ExactlyOne()
    {
        var yaml = SeedExperimentYaml.With(Action, "  a: { target: us-functions, duration: 1m }\n  b: { wait: 1m, fault: error, target: us-functions }");

        Assert.Equal(
            [
                "experiment.yaml:20:3: action 'a' is neither a fault, a wait nor a configure step; add fault: KIND (with target and duration), wait: DURATION, or configure: { target: ..., setEnvironment: ... }",
                "experiment.yaml:21:3: action 'b' is more than one kind of action (fault, wait); split it into one action per kind and order them with startAfter",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Theory]
    [InlineData("successRate: \">= 99%\"", "successRate: \"99%\"", "experiment.yaml:8:91: check 'eu customers unaffected' has successRate '99%', which is not a threshold; write an operator (>=, >, <=, <) and a value, quoted: \">= 99%\", \"< 2s\", \"<= 250ms\" or \">= 100\"")]
    [InlineData("successRate: \">= 99%\"", "successRate: \"< 2s\"", "experiment.yaml:8:91: check 'eu customers unaffected' has successRate '< 2s', but a rate is measured in percent; write a percentage such as 99%")]
    [InlineData("successRate: \">= 99%\"", "successRate: \">= 101%\"", "experiment.yaml:8:91: check 'eu customers unaffected' has successRate '>= 101%', which is outside 0%-100%; set successRate between 0% and 100%")]
    [InlineData("successRate: \">= 99%\"", "latency: { p99: \"< 99%\" }", "experiment.yaml:8:94: check 'eu customers unaffected' has latency p99 '< 99%', but latency is measured in time; write a duration such as 2s or 250ms")]
    [InlineData("successRate: \">= 99%\"", "latency: { p101: \"< 2s\" }", "experiment.yaml:8:89: check 'eu customers unaffected' has latency percentile 'p101', which is not a percentile between p0 and p100; write p50, p90, p99 or p99.9")]
    [InlineData("successRate: \">= 99%\"", "latency: { p50: \"< 1s\", p99: \"< 2s\" }", "experiment.yaml:8:87: check 'eu customers unaffected' has 2 percentiles under latency, but a check measures exactly one; write one check per percentile, e.g. latency: { p99: \"< 2s\" }")]
    [InlineData("successRate: \">= 99%\"", "requests: \">= 5%\"", "experiment.yaml:8:88: check 'eu customers unaffected' has requests '>= 5%', but requests is measured in a plain count; write a number such as 100")]
    [InlineData("successRate: \">= 99%\"", "errorRate: \"= 1%\"", "experiment.yaml:8:89: check 'eu customers unaffected' has errorRate '= 1%', which is not a threshold; write an operator (>=, >, <=, <) and a value, quoted: \">= 99%\", \"< 2s\", \"<= 250ms\" or \">= 100\"")]
    public void Read_BadThreshold_Reported(string oldText, string newText, string expected)
    {
        var yaml = SeedExperimentYaml.With("during: fault, " + oldText, "during: fault, " + newText);

        Assert.Equal([expected], SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Theory]
    [InlineData("during: fault,", "during: faults,", "experiment.yaml:8:71: check 'eu customers unaffected' has during 'faults', which is not a phase; did you mean 'fault'? phases: run, baseline, fault, recovery; or a window such as { from: fault.start + 3m, to: fault.end }")]
    [InlineData("during: fault,", "during: { from: fault.begin, to: fault.end },", "experiment.yaml:8:79: check 'eu customers unaffected' has from 'fault.begin', which is not a phase edge; write PHASE.start or PHASE.end, optionally + or - a duration, e.g. fault.start + 3m; phases: run, baseline, fault, recovery")]
    [InlineData("during: fault,", "during: { from: falt.start, to: fault.end },", "experiment.yaml:8:79: check 'eu customers unaffected' has from 'falt', which is not a phase; did you mean 'fault'? phases: run, baseline, fault, recovery; or a window such as { from: fault.start + 3m, to: fault.end }")]
    [InlineData("during: fault,", "during: { from: fault.start + 3x, to: fault.end },", "experiment.yaml:8:79: check 'eu customers unaffected' has from 'fault.start + 3x', which is not a phase edge; write PHASE.start or PHASE.end, optionally + or - a duration, e.g. fault.start + 3m; phases: run, baseline, fault, recovery")]
    [InlineData("during: fault,", "during: { from: fault.end, to: fault.end - 1m },", "experiment.yaml:8:71: check 'eu customers unaffected' has a window from fault.end to fault.end - 1m, which is empty; make 'to' later than 'from'")]
    [InlineData("during: fault,", "during: { from: fault.start },", "experiment.yaml:8:71: during of check 'eu customers unaffected' is missing required key 'to'; add to: fault.end")]
    public void Read_BadWindow_Reported(string oldText, string newText, string expected)
    {
        var yaml = SeedExperimentYaml.With("clients: eu-customers, " + oldText, "clients: eu-customers, " + newText);

        Assert.Equal([expected], SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_HealthAndDnsChecks_WithinAndBecomesValidated()
    {
        var yaml = SeedExperimentYaml.With("becomes: unhealthy, within: 3m", "becomes: down, within: 0s").Replace("answers: eu-west-1 }, within: 3m", "answers: eu-west-1 } ", StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:11:67: check 'hc-us turns unhealthy' has becomes 'down', which is not allowed; allowed: healthy, unhealthy",
                "experiment.yaml:11:81: check 'hc-us turns unhealthy' has within 0s, which is not above zero; set within to a positive duration such as 3m",
                "experiment.yaml:12:7: check 'us answered eu' is missing required key 'within'; add within: 3m",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_CheckMetrics_ExactlyOne()
    {
        var yaml = SeedExperimentYaml.With("during: fault, successRate:", "during: fault, sucessRate:")
            .Replace("during: baseline, successRate: \">= 99%\"", "during: baseline, successRate: \">= 99%\", errorRate: \"< 1%\"", StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:7:7: check 'steady state' has more than one metric (successRate, errorRate); split it into one check per metric",
                "experiment.yaml:8:7: check 'eu customers unaffected' measures nothing; add exactly one of: successRate, status2xxRate, status4xxRate, status5xxRate, errorRate, requests, latency, regionShare, healthCheck (with becomes and within), dns (with within)",
                "experiment.yaml:8:78: check 'eu customers unaffected' has unknown key 'sucessRate'; did you mean 'successRate'? known keys: name, clients, during, becomes, within, successRate, status2xxRate, status4xxRate, status5xxRate, errorRate, requests, latency, regionShare, healthCheck, dns",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_DuplicateCheckNames_Reported()
    {
        var yaml = SeedExperimentYaml.With("name: eu customers unaffected", "name: steady state");

        Assert.Equal(
            ["experiment.yaml:8:7: check 'steady state' is defined twice (first at line 7); give each check its own name"],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_StopConditionRules_Reported()
    {
        var yaml = SeedExperimentYaml.With(
            "  - { name: global outage, metric: successRate, clients: all, below: 50%, for: 1m }",
            "  - { name: a, metric: successRate }\n  - { name: b, metric: successRate, below: 50%, above: 99% }\n  - { name: c, metric: sucessRate, below: 50% }\n  - { name: d, metric: p99, above: 50% }\n  - { name: e, metric: requests, below: 10, for: 0s }");

        Assert.Equal(
            [
                "experiment.yaml:22:5: stop condition 'a' has neither below nor above; add below: 50% (alarm when the metric falls under it) or above: 5%",
                "experiment.yaml:23:56: stop condition 'b' has both below and above; keep one; write two stop conditions to alarm on both sides",
                "experiment.yaml:24:24: stop condition 'c' has metric 'sucessRate', which is not a traffic metric; did you mean 'successRate'? metrics (any pNN for latency): successRate, status2xxRate, status4xxRate, status5xxRate, errorRate, requests, p50, p90, p99",
                "experiment.yaml:25:36: stop condition 'd' has above '50%', but latency is measured in time; write a duration such as 2s or 250ms",
                "experiment.yaml:26:50: stop condition 'e' has for 0s, which is not above zero; set for to a positive duration such as 1m",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Theory]
    [InlineData("breaching", MissingDataTreatment.Breaching)]
    [InlineData("notBreaching", MissingDataTreatment.NotBreaching)]
    [InlineData("ignore", MissingDataTreatment.Ignore)]
    [InlineData("missing", MissingDataTreatment.Missing)]
    [InlineData("NotBreaching", MissingDataTreatment.NotBreaching)]
    public void Read_StopConditionTreatMissingData_ReadsEachCloudWatchValue(string text, MissingDataTreatment expected)
    {
        var yaml = SeedExperimentYaml.With("below: 50%, for: 1m }", $"below: 50%, for: 1m, treatMissingData: {text} }}");

        var stop = Assert.Single(SeedExperimentYaml.Read(yaml).ThrowIfInvalid().StopConditions);

        Assert.Equal((expected, expected), (stop.TreatMissingData, stop.MissingData));
    }

    [Fact]
    public void Read_StopConditionWithoutTreatMissingData_MetricDefault()
    {
        var yaml = SeedExperimentYaml.With(
            "  - { name: global outage, metric: successRate, clients: all, below: 50%, for: 1m }",
            "  - { name: a, metric: successRate, below: 50% }\n  - { name: b, metric: p99, above: 2s }\n  - { name: c, metric: status5xxRate, above: 5% }");

        var stops = SeedExperimentYaml.Read(yaml).ThrowIfInvalid().StopConditions;

        Assert.Equal(
            [("a", null, MissingDataTreatment.Breaching), ("b", null, MissingDataTreatment.Breaching), ("c", null, MissingDataTreatment.NotBreaching)],
            stops.Select(s => (s.Name, s.TreatMissingData, s.MissingData)));
    }

    [Fact]
    public void Read_StopConditionTreatMissingDataErrors_LocatedWithDidYouMean()
    {
        var yaml = SeedExperimentYaml.With(
            "  - { name: global outage, metric: successRate, clients: all, below: 50%, for: 1m }",
            "  - { name: a, metric: successRate, below: 50%, treatMissingData: breeching }\n  - { name: b, metric: p99, above: 2s, treatMissingData: [ignore] }\n  - { name: c, metric: errorRate, above: 5%, treatMisingData: ignore }");

        var result = SeedExperimentYaml.Read(yaml);
        var errors = SeedExperimentYaml.Render(result);

        Assert.Null(result.Experiment);
        Assert.Equal(3, errors.Length);
        Assert.Equal(
            "experiment.yaml:22:67: stop condition 'a' has treatMissingData 'breeching', which is not a way to treat missing data; did you mean 'breaching'? ways: breaching, notBreaching, ignore, missing (as CloudWatch's treatMissingData; see docs/experiments.md)",
            errors[0]);
        Assert.StartsWith("experiment.yaml:23:58: treatMissingData of stop condition 'b' ", errors[1], StringComparison.Ordinal);
        Assert.Equal(
            "experiment.yaml:24:46: stop condition 'c' has unknown key 'treatMisingData'; did you mean 'treatMissingData'? known keys: name, metric, clients, below, above, for, treatMissingData",
            errors[2]);
    }

    [Fact]
    public void Read_TimeScaleAndSeed_Validated()
    {
        var yaml = SeedExperimentYaml.With("timeScale: 20\nseed: 42", "timeScale: 0\nseed: 4.2");

        Assert.Equal(
            [
                "experiment.yaml:2:12: timeScale 0 is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000",
                "experiment.yaml:3:7: the experiment has seed '4.2', which is not a whole number; write a whole number such as 3",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_NoActionsNoChecks_NothingToTest()
    {
        var yaml = SeedExperimentYaml.With(Action, string.Empty).Replace("actions:\n\n", "actions: {}\n", StringComparison.Ordinal);
        yaml = string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith("    - {", StringComparison.Ordinal))).Replace("  checks:\n", "  checks: []\n", StringComparison.Ordinal);

        Assert.Equal(
            [
                "experiment.yaml:6:11: the hypothesis has no checks, so nothing would decide it; add a check under hypothesis.checks, e.g. - { name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }",
                "experiment.yaml:13:10: the experiment has no actions, so there is nothing to test; add an action, e.g. actions: { inject-latency: { fault: latency, target: us-functions, delay: 60s, duration: 10m } }",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_LoadRules_Reported()
    {
        var yaml = SeedExperimentYaml.With(
            "  clients: [us-customers, eu-customers]",
            "  clients: { us-customers: { rate: fast }, eu-customers: { rampFrom: 1/s }, eu-customer: {} }");

        Assert.Equal(
            [
                "experiment.yaml:14:36: load of client 'us-customers' has rate 'fast', which is not a rate above zero; write a rate such as 50/s, 1200/m or 20 (per second)",
                "experiment.yaml:14:58: load of client 'eu-customers' has only one of rampFrom and rampOver; give both, e.g. rampFrom: 5/s, rampOver: 1m, or neither",
                "experiment.yaml:14:77: load names client 'eu-customer', which the topology does not define; did you mean 'eu-customers'? clients in the topology: us-customers, eu-customers",
            ],
            SeedExperimentYaml.Render(SeedExperimentYaml.Read(yaml)));
    }

    [Fact]
    public void Read_FiveErrors_FiveDiagnosticsAtOnce()
    {
        var yaml = SeedExperimentYaml.With("timeScale: 20", "timeScale: -1")
            .Replace("clients: eu-customers, during", "clients: eu-customer, during", StringComparison.Ordinal)
            .Replace("recovery: 3m", "recovery: soon", StringComparison.Ordinal)
            .Replace("target: us-functions, delay", "target: us-function, delay", StringComparison.Ordinal)
            .Replace("below: 50%", "below: half", StringComparison.Ordinal);

        var result = SeedExperimentYaml.Read(yaml);

        Assert.Equal(5, result.Diagnostics.Count);
        Assert.Equal([2, 8, 16, 20, 22], result.Diagnostics.Select(d => d.Location!.Line).Order());
        Assert.Null(result.Experiment);
    }

    [Fact]
    public void Read_YamlSyntaxError_OneDiagnostic()
    {
        var result = SeedExperimentYaml.Read("topology: ./topology.yaml\nhypothesis: [a\n");

        var diagnostic = Assert.Single(SeedExperimentYaml.Render(result));
        Assert.StartsWith("experiment.yaml:3:1: invalid YAML:", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_OneDiagnostic()
    {
        var result = ExperimentReader.Load("/no/such/experiment.yaml");

        Assert.Equal(["experiment file '/no/such/experiment.yaml' was not found; check the path, or run 'faultline init' to write the seed experiment"], SeedExperimentYaml.Render(result));
    }
}
