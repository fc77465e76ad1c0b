using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Faultline.Lab.Simulation;

namespace Faultline.Benchmarks;

/// <summary>
/// Live and simulated side by side (bench/agreement.sh): each sample experiment run live by the CLI on a few seeds and
/// simulated on the same seeds; verdicts, and the medians of time to unhealthy and to DNS moving, compared with
/// the tolerance ±10% or one health-check interval, whichever is larger.
/// </summary>
internal static class AgreementBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = args[0];
        var cli = args[1];
        var seeds = args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var samples = args.Length > 3 ? args[3].Split(',') : ["seed/experiment.yaml", "seed/misconfigured/experiment.yaml", "seed/experiment-fis.yaml", "seed/misconfigured/experiment-fis.yaml", "stop-condition/experiment.yaml", "three-regions/experiment.yaml"];
        var scratch = Directory.CreateTempSubdirectory("faultline-agreement-").FullName;
        var md = new StringBuilder();
        md.AppendLine("# Live and simulated engines side by side");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/agreement.sh` on {Environment.ProcessorCount} CPUs, .NET {Environment.Version}. Load average at the start: {BenchProcesses.LoadAverage()}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each sample ran live (`faultline run`, its own lab, the sample's time scale) and simulated (`faultline simulate`) on seeds {string.Join(", ", seeds)}. Times are lab time from the fault's start, medians over the seeds; *agrees* when the verdicts are the same and each median is within ±10% or one health-check interval (whichever is larger) of the other engine's. Live verdicts that are `inconclusive` because the host was late are shown as such and not counted against agreement.");
        md.AppendLine();
        md.AppendLine("| experiment | live verdicts | simulated verdicts | verdicts agree | measure | live median | simulated median | tolerance | agrees |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        try
        {
            foreach (var sample in samples)
            {
                var path = Path.GetFullPath(Path.Combine("samples", sample));
                var read = ExperimentReader.Load(path);
                var topology = read.Topology!;
                var checks = topology.HealthChecks.Select(c => c.Id).ToArray();
                var interval = topology.HealthChecks.Select(c => c.Interval).DefaultIfEmpty(TimeSpan.FromSeconds(30)).Max();
                var live = new List<RunMeasures>();
                foreach (var seed in seeds)
                {
                    var runs = Path.Combine(scratch, "live", $"{sample.Replace('/', '-')}-{seed}");
                    await BenchProcesses.RunAsync("dotnet", [cli, "run", path, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", runs, "--no-dashboard"], TimeSpan.FromMinutes(5));
                    var folder = Directory.GetDirectories(runs).Single();
                    var journal = RunJournalReader.Open(Path.Combine(folder, "journal.db"));
                    var kind = journal.Verdict is { } v && v.TryGetProperty("kind", out var k) ? Enum.Parse<VerdictKind>(k.GetString()!.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true) : VerdictKind.Inconclusive;
                    live.Add(RunMeasures.FromEvents(journal.Events, kind, checks));
                }

                var options = new RunOptions { Engine = RunEngine.Simulated, TimeScale = 1, Seed = seeds[0], ExperimentPath = path, ExperimentText = string.Empty, TopologyPath = read.Experiment!.TopologyPath, TopologyText = string.Empty, WriteRunFolder = false };
                var (simulated, _) = await SimulationBatch.RunAsync(read.Experiment!, topology, options, seeds, string.Empty, [], completed: null, CancellationToken.None);
                var liveSummary = SimulationSummary.Of(string.Empty, [], seeds, live);
                var liveVerdicts = Verdicts(liveSummary);
                var simulatedVerdicts = Verdicts(simulated);
                var decided = liveSummary.Verdicts.Keys.Where(k => k is not (VerdictKind.Inconclusive or VerdictKind.NotRun)).ToList();
                var verdictsAgree = decided.Count == 0 ? "host-impaired (live said it could not tell)" : decided.All(k => simulated.Verdicts.ContainsKey(k)) ? "yes" : "**no**";
                var rows = new List<(string Measure, TimeDistribution? Live, TimeDistribution? Sim)>();
                rows.AddRange(simulated.TimeToUnhealthy.Keys.Union(liveSummary.TimeToUnhealthy.Keys).Select(k => ($"{k} unhealthy", liveSummary.TimeToUnhealthy.GetValueOrDefault(k), simulated.TimeToUnhealthy.GetValueOrDefault(k))));
                rows.AddRange(simulated.TimeToDnsMove.Keys.Union(liveSummary.TimeToDnsMove.Keys).Select(k => ($"DNS at {k} moves", liveSummary.TimeToDnsMove.GetValueOrDefault(k), simulated.TimeToDnsMove.GetValueOrDefault(k))));
                var first = true;
                foreach (var (measure, l, s) in rows)
                {
                    var lm = l?.P50;
                    var sm = s?.P50;
                    var tolerance = lm is { } x ? TimeSpan.FromTicks(Math.Max(x.Ticks / 10, interval.Ticks)) : interval;
                    var agrees = lm is null && sm is null || lm is { } a && sm is { } b && (a - b).Duration() <= tolerance;
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {(first ? sample : string.Empty)} | {(first ? liveVerdicts : string.Empty)} | {(first ? simulatedVerdicts : string.Empty)} | {(first ? verdictsAgree : string.Empty)} | {measure} | {Show(lm)} | {Show(sm)} | ±{tolerance.TotalSeconds:0} s | {(agrees ? "yes" : "**no**")} |");
                    first = false;
                }

                if (first)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {sample} | {liveVerdicts} | {simulatedVerdicts} | {verdictsAgree} | (no health flips or DNS moves) | | | | |");
                }

                Console.Error.WriteLine($"{sample}: live {liveVerdicts}; simulated {simulatedVerdicts}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {BenchProcesses.LoadAverage()}.");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine(md);
        return 0;
    }

    private static string Verdicts(SimulationSummary summary) => string.Join(", ", summary.Verdicts.Select(v => $"{JsonNamingPolicy.KebabCaseLower.ConvertName(v.Key.ToString())} {v.Value}"));

    private static string Show(TimeSpan? value) => value is { } v ? $"{v.TotalSeconds:0.#} s" : "never";
}
