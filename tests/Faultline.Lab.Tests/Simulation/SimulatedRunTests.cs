using Faultline.Core.Experiments.Reading;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Faultline.Lab.Simulation;
using Faultline.TestUtils;
using Microsoft.Data.Sqlite;

namespace Faultline.Lab.Tests.Simulation;

[Collection(SimulationCollection.Name)]
public sealed class SimulatedRunTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faultline-simulated-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Seed_Simulated_HoldsWithTheBlogsFailover()
    {
        var outcome = await SimulateAsync("seed", 42, Path.Combine(_root, "a"));

        Assert.Equal(VerdictKind.Held, outcome.Verdict.Kind);
        var us = outcome.Verdict.Impact.Single(i => i.Population == "us-customers");
        Assert.Equal(18_000, us.Attempts);
        Assert.Contains(us.ServedBy, s => s.Region == "eu-west-1");
    }

    [Fact]
    public async Task Seed_Simulated_JournalsEveryCheckersFlipAndTheCheckFlipsUnder18Percent()
    {
        var outcome = await SimulateAsync("seed", 42, Path.Combine(_root, "share"));
        var events = RunJournalReader.Open(Path.Combine(outcome.Directory, "journal.db")).Events;

        // hc-us's 16 checkers each turn unhealthy once in the fault and back once after it: 32 moves of the share.
        var shares = events.OfType<HealthShareChanged>().Where(e => e.HealthCheck == "hc-us").ToList();
        var flip = events.OfType<HealthChanged>().First(e => e.HealthCheck == "hc-us" && !e.Healthy);
        Assert.Equal(32, shares.Count);
        Assert.Equal(93.75, shares[0].PercentageHealthy);
        Assert.Equal(0, shares.Min(s => s.PercentageHealthy));
        Assert.Equal(100, shares[^1].PercentageHealthy);
        Assert.True(flip.PercentageHealthy < 18, $"hc-us turned unhealthy at {flip.PercentageHealthy}% of checkers");
        Assert.Equal(shares.Last(s => s.At <= flip.At).PercentageHealthy, flip.PercentageHealthy);
    }

    [Fact]
    public async Task Misconfigured_Simulated_IsRefutedWithTheWrongRegionDiagnosis()
    {
        var outcome = await SimulateAsync(Path.Combine("seed", "misconfigured"), 42, Path.Combine(_root, "m"));

        Assert.Equal(VerdictKind.Refuted, outcome.Verdict.Kind);
        Assert.Contains(outcome.Verdict.Diagnosis, f => f.Code == DiagnosisCodes.HealthCheckProbesOtherRegion);
    }

    [Fact]
    public async Task AliasTargetHealth_Simulated_IsRefutedWithTheAliasDiagnosis()
    {
        var outcome = await SimulateAsync("alias-target-health", 42, Path.Combine(_root, "alias"));

        Assert.Equal(VerdictKind.Refuted, outcome.Verdict.Kind);
        var finding = Assert.Single(outcome.Verdict.Diagnosis, f => f.Code == DiagnosisCodes.AliasTargetHealthOnly);
        Assert.Equal(("us-east-1", "us-customers"), (finding.Region, finding.Population));
        Assert.Contains("the blog's class of bug in its most common modern form", finding.Headline, StringComparison.Ordinal);
        Assert.Equal("attach a health check to set 'us' that probes api.us-east-1.example.test on a path through the functions customers call; evaluateTargetHealth alone never fails over on a Lambda outage", finding.Fix);
        Assert.All(outcome.Verdict.Impact.Single(i => i.Population == "us-customers").ServedBy, s => Assert.Equal("us-east-1", s.Region));
    }

    [Fact]
    public async Task SameSeedTwice_ResultAndJournalAreIdentical()
    {
        var first = await SimulateAsync("seed", 7, Path.Combine(_root, "one"));
        var second = await SimulateAsync("seed", 7, Path.Combine(_root, "two"));

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.Directory, "result.json"), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(second.Directory, "result.json"), TestContext.Current.CancellationToken));
        foreach (var table in new[] { "events", "seconds", "check_results", "verdict" })
        {
            Assert.Equal(Dump(first.Directory, table), Dump(second.Directory, table));
        }

        Assert.Equal("simulated", RunJournalReader.Open(Path.Combine(first.Directory, "journal.db")).Header.Engine);
    }

    [Fact]
    public async Task DifferentSeeds_DrawDifferentCheckerPhases()
    {
        var first = await SimulateAsync("seed", 1, Path.Combine(_root, "s1"));
        var second = await SimulateAsync("seed", 2, Path.Combine(_root, "s2"));

        Assert.NotEqual(Dump(first.Directory, "events"), Dump(second.Directory, "events"));
    }

    [Fact]
    public async Task Runs200_TimeToUnhealthy_StaysWithinTheAnalyticBounds()
    {
        // hc-us: interval 30 s, threshold 3, 16 checkers with random phases; from the fault on every probe fails at
        // its 2 s response limit. A checker is unhealthy at its third failure: its first probe after the fault
        // (0–30 s later) + 2 × 30 s + 2 s. The check is unhealthy when fewer than 18% (≤ 2 of 16) see it healthy.
        // So: at least 62 s, at most 92 s after the fault reaches the health function, which the FIS Lambda extension's
        // ramp-up (awsTiming.lambdaRampUp, 60 s) delays by 0–60 s: at least 62 s, at most 152 s after the action starts.
        // The record's TTL (60 s) then bounds DNS moving: at most 152 + 60 s.
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        var options = Options("seed") with { WriteRunFolder = false };

        var (summary, runs) = await SimulationBatch.RunAsync(read.Experiment!, read.Topology!, options, Enumerable.Range(1, 200).ToArray(), string.Empty, [], completed: null, TestContext.Current.CancellationToken);

        Assert.Equal(200, runs.Count);
        var unhealthy = summary.TimeToUnhealthy["hc-us"];
        Assert.Equal(200, unhealthy.Count);
        Assert.InRange(unhealthy.Min!.Value, TimeSpan.FromSeconds(62), TimeSpan.FromSeconds(152));
        Assert.InRange(unhealthy.Max!.Value, TimeSpan.FromSeconds(62), TimeSpan.FromSeconds(152));
        Assert.True(unhealthy.P95 > unhealthy.P5, "the checkers' phases must spread the failover time");
        var move = summary.TimeToDnsMove["us-east-1 → api.example.test"];
        Assert.Equal(200, move.Count);
        Assert.InRange(move.Max!.Value, unhealthy.Min!.Value, TimeSpan.FromSeconds(152 + 60));
        Assert.Equal(0, summary.TimeToUnhealthy["hc-eu"].Count);
        Assert.Equal(200, summary.Verdicts[VerdictKind.Held]);
    }

    private static string Dump(string runDirectory, string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(runDirectory, "journal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join("\n", rows);
    }

    private static RunOptions Options(string sample) => new()
    {
        Engine = RunEngine.Simulated,
        TimeScale = 1,
        Seed = 42,
        ExperimentPath = RepoPaths.Combine("samples", sample, "experiment.yaml"),
        ExperimentText = File.ReadAllText(RepoPaths.Combine("samples", sample, "experiment.yaml")),
        TopologyPath = RepoPaths.Combine("samples", sample, "topology.yaml"),
        TopologyText = File.ReadAllText(RepoPaths.Combine("samples", sample, "topology.yaml")),
    };

    private static async Task<RunOutcome> SimulateAsync(string sample, int seed, string runsRoot)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", sample, "experiment.yaml"));
        await using var lab = new SimulatedRunLab(read.Topology!, seed);
        return await ExperimentRunner.RunAsync(read.Experiment!, read.Topology!, Options(sample) with { Seed = seed, RunsRoot = runsRoot }, lab, observer: null, loggers: null, TestContext.Current.CancellationToken);
    }
}
