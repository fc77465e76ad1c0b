using Faultline.Core.Experiments;
using Faultline.Core.Sweeps;
using Faultline.Core.Topology;

namespace Faultline.Core.Tests.Sweeps;

public sealed class SweepApplierTests
{
    private static readonly TimeSpan Seconds10 = TimeSpan.FromSeconds(10);

    [Fact]
    public void ApplyAll_HealthCheckInterval_EachPointHasItsInterval()
    {
        var applications = SeedSweep.ApplyAll("healthChecks.hc-us.interval=10s,30s");

        Assert.Equal([Seconds10, TimeSpan.FromSeconds(30)], applications.Select(a => a.Topology!.FindHealthCheck("hc-us")!.Interval));
        Assert.All(applications, a => Assert.Equal(TimeSpan.FromSeconds(30), a.Topology!.FindHealthCheck("hc-eu")!.Interval));
        Assert.Contains("hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test, path: /api/health, interval: 10s, failureThreshold: 3 }", applications[0].TopologyText, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyAll_FailureThreshold_EachPointHasItsThreshold()
    {
        var applications = SeedSweep.ApplyAll("healthChecks.hc-us.failureThreshold=1,3,5");

        Assert.Equal([1, 3, 5], applications.Select(a => a.Topology!.FindHealthCheck("hc-us")!.FailureThreshold));
    }

    [Fact]
    public void ApplyAll_RecordTtlPickedByName_ChangesThatRecordOnly()
    {
        var applications = SeedSweep.ApplyAll("dns.records[api.example.test].ttl=10s,60s");

        Assert.Equal([Seconds10, TimeSpan.FromSeconds(60)], applications.Select(a => a.Topology!.Dns.FindRecord("api.example.test")!.Ttl));
        Assert.Equal(DnsRecord.DefaultTtl, applications[0].Topology!.Dns.FindRecord("api.us-east-1.example.test")!.Ttl);
    }

    [Fact]
    public void ApplyAll_ConnectionReuse_EachPointHasItsMode()
    {
        var applications = SeedSweep.ApplyAll("clients.us-customers.connectionReuse=perRequest,keepAlive");

        Assert.Equal([ConnectionReuse.PerRequest, ConnectionReuse.KeepAlive], applications.Select(a => a.Topology!.Clients.Single(c => c.Name == "us-customers").ConnectionReuse));
        Assert.All(applications, a => Assert.Equal(ConnectionReuse.PerRequest, a.Topology!.Clients.Single(c => c.Name == "eu-customers").ConnectionReuse));
    }

    [Fact]
    public void ApplyAll_ExperimentValues_ChangeTheExperiment()
    {
        var applications = SeedSweep.ApplyAll("load.baseline=60s,120s", "actions.inject-latency.duration=5m");

        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], applications.Select(a => a.Experiment!.Load.Baseline));
        Assert.All(applications, a => Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(a.Experiment!.Actions).Duration));
        Assert.All(applications, a => Assert.Equal(TimeSpan.FromSeconds(30), a.Topology!.FindHealthCheck("hc-us")!.Interval));
    }

    [Theory]
    [InlineData("healthChecks.hc-us.interval=10s,30s")]
    [InlineData("healthChecks.hc-us.failureThreshold=1,3,5")]
    [InlineData("dns.records[api.example.test].ttl=10s,60s")]
    [InlineData("dns.records[api.example.test].sets[us].healthCheck=hc-eu")]
    [InlineData("clients.us-customers.connectionReuse=perRequest,keepAlive")]
    [InlineData("clients.us-customers.maxConnections=16,64")]
    [InlineData("load.baseline=60s,120s")]
    [InlineData("actions.inject-latency.duration=5m,10m")]
    [InlineData("hypothesis.checks[steady state].successRate=\">= 95%\",\">= 99%\"")]
    [InlineData("topology:timeScale=10,20")]
    public void ApplyAll_DocumentedExample_ReadsAtEveryPoint(string argument)
    {
        var applications = SeedSweep.ApplyAll(argument);

        Assert.All(applications, a => Assert.NotNull(a.Experiment));
        Assert.Equal(applications.Count, applications.Select(a => a.TopologyText + a.ExperimentText).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ApplyAll_TwoAxes_PointsMatchTheirLabels()
    {
        var applications = SeedSweep.ApplyAll("healthChecks.hc-us.interval=10s,30s", "healthChecks.hc-us.failureThreshold=1,3,5");

        Assert.Equal(6, applications.Count);
        Assert.All(applications, a =>
        {
            var check = a.Topology!.FindHealthCheck("hc-us")!;
            Assert.Equal($"hc-us.interval={(int)check.Interval.TotalSeconds}s, hc-us.failureThreshold={check.FailureThreshold}", a.Point.Label);
        });
    }

    [Fact]
    public void ApplyAll_QuotedValue_IsReadAsWritten()
    {
        var application = SeedSweep.ApplyOne("hypothesis.checks[steady state].successRate=\">= 95%\"");

        Assert.Empty(application.Diagnostics);
        var check = Assert.IsType<TrafficCheck>(application.Experiment!.Hypothesis.Checks[0]);
        Assert.Equal(new Threshold(ComparisonOperator.GreaterOrEqual, 95, ThresholdUnit.Percent), check.Threshold);
    }

    [Fact]
    public void Apply_AbsentKeyInFlowMapping_IsAdded()
    {
        var application = SeedSweep.ApplyOne("clients.us-customers.maxConnections=64");

        Assert.Empty(application.Diagnostics);
        Assert.Equal(64, application.Topology!.Clients.Single(c => c.Name == "us-customers").MaxConnections);
        Assert.Contains("rate: 20/s, connectionReuse: perRequest, maxConnections: 64 }", application.TopologyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AbsentKeyInBlockMapping_IsAddedAboveTheFirstKey()
    {
        var application = SeedSweep.ApplyOne("dns.propagationDelay=5s");

        Assert.Empty(application.Diagnostics);
        Assert.Equal(TimeSpan.FromSeconds(5), application.Topology!.Dns.PropagationDelay);
        Assert.Contains("dns:\n  propagationDelay: 5s\n  zone: example.test\n", application.TopologyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AbsentKeyInListEntry_KeepsTheEntryTogether()
    {
        var application = SeedSweep.ApplyOne("dns.records[api.example.test].type=A");

        Assert.Empty(application.Diagnostics);
        Assert.Contains("    - type: A\n      name: api.example.test\n      routing: latency\n", application.TopologyText, StringComparison.Ordinal);
        Assert.Equal(2, application.Topology!.Dns.FindRecord("api.example.test")!.Sets.Count);
    }

    [Fact]
    public void Apply_AbsentTopLevelKeyWithPrefix_IsAdded()
    {
        var application = SeedSweep.ApplyOne("topology:timeScale=10");

        Assert.Empty(application.Diagnostics);
        Assert.Equal(10, application.Topology!.TimeScale);
        Assert.Equal(20, application.Experiment!.TimeScale);
    }

    [Fact]
    public void Apply_Edit_KeepsCommentsAndTheRestOfTheText()
    {
        var application = SeedSweep.ApplyOne("healthChecks.hc-us.interval=10s");

        Assert.Equal(SeedSweep.Sources.TopologyText.Replace("path: /api/health, interval: 30s, failureThreshold: 3 }\n  hc-eu", "path: /api/health, interval: 10s, failureThreshold: 3 }\n  hc-eu", StringComparison.Ordinal), application.TopologyText);
        Assert.NotEqual(SeedSweep.Sources.TopologyText, application.TopologyText);
        Assert.Equal(SeedSweep.Sources.ExperimentText, application.ExperimentText);
    }

    [Fact]
    public void ApplyAll_NoAxes_OneApplicationOfTheFilesAsWritten()
    {
        var result = SweepApplier.ApplyAll(SeedSweep.Sources, SeedSweep.Plan());

        var application = Assert.Single(result.Applications);
        Assert.False(result.HasErrors);
        Assert.Equal(SeedSweep.Sources.TopologyText, application.TopologyText);
        Assert.Equal(TimeSpan.FromSeconds(30), application.Topology!.FindHealthCheck("hc-us")!.Interval);
    }

    [Fact]
    public void Load_SeedExperiment_ReadsBothFiles()
    {
        var sources = SweepSources.Load(TestUtils.RepoPaths.Combine("samples", "seed", "experiment.yaml"));

        Assert.Equal(SeedSweep.Sources.ExperimentText, sources.ExperimentText);
        Assert.Equal(SeedSweep.Sources.TopologyText, sources.TopologyText);
        Assert.EndsWith("samples/seed/topology.yaml", sources.TopologyPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThenBadValue_AttributedWithTheLoadedPaths()
    {
        var sources = SweepSources.Load(TestUtils.RepoPaths.Combine("samples", "seed", "experiment.yaml"));

        var result = SweepApplier.ApplyAll(sources, SeedSweep.Plan("healthChecks.hc-us.interval=10s,abc"));

        Assert.Equal(
            ["--set 'healthChecks.hc-us.interval=10s,abc' at sweep point 2 of 2 (hc-us.interval=abc): health check 'hc-us' has interval 'abc', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M"],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(10), result.Applications[0].Topology!.FindHealthCheck("hc-us")!.Interval);
        Assert.Throws<Diagnostics.InvalidInputException>(() => result.ThrowIfInvalid());
    }

    [Fact]
    public void Load_MissingExperiment_Throws()
    {
        var exception = Assert.Throws<Diagnostics.InvalidInputException>(() => SweepSources.Load(TestUtils.RepoPaths.Combine("samples", "seed", "nope.yaml")));

        Assert.Contains("nope.yaml' was not found", Assert.Single(exception.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("healthChecks.hc-uss.interval=10s", "--set 'healthChecks.hc-uss.interval=10s': healthChecks has no key 'hc-uss'; did you mean 'hc-us'? keys of healthChecks: hc-us, hc-eu")]
    [InlineData("healthCheks.hc-us.interval=10s", "--set 'healthCheks.hc-us.interval=10s': 'healthCheks' is not a key of the experiment or of its topology; did you mean 'healthChecks'? top-level keys: topology, timeScale, seed, hypothesis, load, targets, actions, stopConditions, name, locations, latencyMs, regions, dns, healthChecks, clients; to add a key neither file writes yet, name the file: experiment:healthCheks or topology:healthCheks")]
    [InlineData("dns.records[api.exmple.test].ttl=10s", "--set 'dns.records[api.exmple.test].ttl=10s': dns.records has no entry named 'api.exmple.test'; did you mean 'api.example.test'? names in dns.records: api.us-east-1.example.test, api.eu-west-1.example.test, api.example.test")]
    [InlineData("dns.records[api.example.test].sets[usa].healthCheck=hc-eu", "--set 'dns.records[api.example.test].sets[usa].healthCheck=hc-eu': dns.records[api.example.test].sets has no entry named 'usa'; did you mean 'us'? names in dns.records[api.example.test].sets: us, eu")]
    [InlineData("healthChecks[hc-us].interval=10s", "--set 'healthChecks[hc-us].interval=10s': healthChecks is a mapping, not a list, so [hc-us] picks nothing from it; write healthChecks.hc-us")]
    [InlineData("dns.records.ttl=10s", "--set 'dns.records.ttl=10s': dns.records is a list, so it has no key 'ttl'; pick an entry by its name first, e.g. dns.records[api.us-east-1.example.test].ttl")]
    [InlineData("healthChecks.hc-us.interval.seconds=10", "--set 'healthChecks.hc-us.interval.seconds=10': healthChecks.hc-us.interval is a single value, so the path cannot go on past it; end the path at healthChecks.hc-us.interval")]
    [InlineData("healthChecks.hc-us=10s", "--set 'healthChecks.hc-us=10s': healthChecks.hc-us is a mapping, and --set changes single values; name one of its keys, e.g. healthChecks.hc-us.type; keys of healthChecks.hc-us: type, fqdn, path, interval, failureThreshold")]
    [InlineData("dns.records[api.example.test]=x", "--set 'dns.records[api.example.test]=x': dns.records[api.example.test] is a mapping, and --set changes single values; name one of its keys, e.g. dns.records[api.example.test].name; keys of dns.records[api.example.test]: name, routing, ttl, sets")]
    [InlineData("dns.records=x", "--set 'dns.records=x': dns.records is a list, and --set changes single values; name a value inside it, e.g. dns.records[NAME].KEY")]
    [InlineData("topology=./other.yaml", "--set 'topology=./other.yaml': the experiment's topology path cannot be swept; sweep values inside the topology instead, e.g. --set healthChecks.hc-us.interval=10s,30s")]
    [InlineData("experiment:lod.baseline=1m", "--set 'experiment:lod.baseline=1m': the experiment has no key 'lod'; did you mean 'load'? keys of the experiment: topology, timeScale, seed, hypothesis, load, targets, actions, stopConditions")]
    [InlineData("experiment:nope.x=1", "--set 'experiment:nope.x=1': the experiment has no key 'nope'; keys of the experiment: topology, timeScale, seed, hypothesis, load, targets, actions, stopConditions")]
    public void ApplyAll_BadPath_NamesTheArgumentTheStepAndWhatExists(string argument, string expected)
    {
        Assert.Equal([expected], SeedSweep.Problems(argument));
    }

    [Fact]
    public void ApplyAll_UnknownLastKey_ReaderSaysWhichKeysAreKnown()
    {
        Assert.Equal(
            ["--set 'healthChecks.hc-us.intervall=10s': health check 'hc-us' has unknown key 'intervall'; did you mean 'interval'? known keys: type, fqdn, port, path, interval, failureThreshold, searchString, checkers, regions, inverted, disabled"],
            SeedSweep.Problems("healthChecks.hc-us.intervall=10s"));
    }

    [Fact]
    public void ApplyAll_BadValue_ReaderMessageWithArgumentAndPoint()
    {
        Assert.Equal(
            [
                "--set 'healthChecks.hc-us.interval=10s,abc' at sweep point 3 of 4 (hc-us.interval=abc, hc-us.failureThreshold=1): health check 'hc-us' has interval 'abc', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M",
                "--set 'healthChecks.hc-us.interval=10s,abc' at sweep point 4 of 4 (hc-us.interval=abc, hc-us.failureThreshold=3): health check 'hc-us' has interval 'abc', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M",
            ],
            SeedSweep.Problems("healthChecks.hc-us.interval=10s,abc", "healthChecks.hc-us.failureThreshold=1,3"));
    }

    [Theory]
    [InlineData("healthChecks.hc-us.failureThreshold=0", "--set 'healthChecks.hc-us.failureThreshold=0' at sweep point 1 of 1 (hc-us.failureThreshold=0): health check 'hc-us' has failureThreshold 0, which is outside 1–10; set failureThreshold between 1 and 10 (Route 53's limits)")]
    [InlineData("healthChecks.hc-us.interval=20s", "--set 'healthChecks.hc-us.interval=20s' at sweep point 1 of 1 (hc-us.interval=20s): health check 'hc-us' has interval 20s, which Route 53 does not support; set interval to 10s or 30s")]
    [InlineData("clients.us-customers.connectionReuse=pooled", "--set 'clients.us-customers.connectionReuse=pooled' at sweep point 1 of 1 (us-customers.connectionReuse=pooled): client 'us-customers' has connectionReuse 'pooled', which is not allowed; allowed: keepAlive, perRequest")]
    [InlineData("dns.records[api.example.test].type=AAAA", "--set 'dns.records[api.example.test].type=AAAA' at sweep point 1 of 1 (records[api.example.test].type=AAAA): record 'api.example.test' has type 'AAAA', which the lab does not answer; use type: A (the only type supported), or remove type")]
    [InlineData("healthChecks.hc-us.interval=null", "--set 'healthChecks.hc-us.interval=null' at sweep point 1 of 1 (hc-us.interval=null): health check 'hc-us' has interval 'null', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M")]
    public void ApplyAll_BadValue_IsTheReadersJudgement(string argument, string expected)
    {
        Assert.Equal([expected], SeedSweep.Problems(argument));
    }

    [Fact]
    public void ApplyAll_ValueBreaksAnotherPart_KeepsThatPartsLocationAndNamesThePoint()
    {
        Assert.Equal(
            ["samples/seed/experiment.yaml:14:7: at sweep point 1 of 1 (load.baseline=0s): check 'steady state' looks at the baseline, but load has baseline 0s; set load.baseline to a positive duration such as 2m (the steady state needs load before the first fault)"],
            SeedSweep.Problems("load.baseline=0s"));
    }

    [Fact]
    public void ApplyAll_KeyAddedAboveAProblem_ProblemKeepsTheLineAsWritten()
    {
        Assert.Equal(
            [
                "samples/seed/experiment.yaml:14:7: at sweep point 1 of 1 (notes=x, load.baseline=0s): check 'steady state' looks at the baseline, but load has baseline 0s; set load.baseline to a positive duration such as 2m (the steady state needs load before the first fault)",
                "--set 'experiment:notes=x': the experiment has unknown key 'notes'; known keys: topology, timeScale, seed, hypothesis, load, targets, actions, stopConditions, awsTiming",
            ],
            SeedSweep.Problems("experiment:notes=x", "load.baseline=0s"));
    }

    [Fact]
    public void ApplyAll_SamePlaceWrittenTwoWays_IsAnError()
    {
        Assert.Equal(
            ["--set 'topology:healthChecks.hc-us.interval=30s': sets topology:healthChecks.hc-us.interval again (--set 'healthChecks.hc-us.interval=10s' sets it already); give topology:healthChecks.hc-us.interval once, with all its values separated by commas"],
            SeedSweep.Problems("healthChecks.hc-us.interval=10s", "topology:healthChecks.hc-us.interval=30s"));
    }

    [Fact]
    public void ApplyAll_KeyInBothFiles_AsksForTheFile()
    {
        var sources = SeedSweep.Sources with { TopologyText = "timeScale: 20\n" + SeedSweep.Sources.TopologyText };

        var problems = SweepApplier.ApplyAll(sources, SeedSweep.Plan("timeScale=10")).Diagnostics.Select(d => d.ToString());

        Assert.Equal(["--set 'timeScale=10': 'timeScale' is a key of both the experiment and its topology; name the file: experiment:timeScale or topology:timeScale"], problems);
        Assert.Equal(10, SweepApplier.ApplyAll(sources, SeedSweep.Plan("experiment:timeScale=10")).ThrowIfInvalid()[0].Experiment!.TimeScale);
    }

    [Fact]
    public void Apply_InvalidFiles_ReturnsTheirErrorsAsTheReadersGiveThem()
    {
        var sources = SeedSweep.Sources with { TopologyText = SeedSweep.Sources.TopologyText.Replace("failureThreshold: 3 }\n  hc-eu", "failureThreshold: 30 }\n  hc-eu", StringComparison.Ordinal) };

        var application = SweepApplier.Apply(sources, Assert.Single(SeedSweep.Plan("load.baseline=1m").Points));

        Assert.Null(application.Experiment);
        Assert.Equal(
            ["samples/seed/topology.yaml:30:111: health check 'hc-us' has failureThreshold 30, which is outside 1–10; set failureThreshold between 1 and 10 (Route 53's limits)"],
            application.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void OriginalLine_AfterAddedLines_MapsBack()
    {
        TextEdit[] edits = [new TextEdit(0, 0, "a: 1\n", NewLineAt: 5), new TextEdit(0, 0, "b: 1\n", NewLineAt: 9), new TextEdit(0, 0, "x", NewLineAt: 0)];

        Assert.Equal([1, 4, 5, 5, 6, 8, 9, 9, 10], new[] { 1, 4, 5, 6, 7, 9, 10, 11, 12 }.Select(line => TextEdit.OriginalLine(line, edits)));
    }
}
