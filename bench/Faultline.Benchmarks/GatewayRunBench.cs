using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Faultline.Core.Journal;
using Faultline.Core.Load;

namespace Faultline.Benchmarks;

/// <summary>
/// Load through the lab gateway inside <c>faultline run</c> (the real runner, its own lab, time scale 1) at rising
/// total rates, both seed clients kept alive at half the rate each; per step the baseline's send lag, drops, errors and
/// answered rate from the run's journal, and the process's open descriptors sampled every 100 ms. Then wrk against
/// the same gateway under <c>faultline lab up</c>. Writes a Markdown report.
/// </summary>
internal static partial class GatewayRunBench
{
    private static readonly TimeSpan MaxLagP99 = TimeSpan.FromMilliseconds(2);

    // The process's warm-up (tier-1 JIT, the thread pool's growth, the first connections) falls in the first seconds of
    // load; a step is judged on what follows, as wrk2 leaves out its calibration period. Both are reported.
    private const int WarmUpSeconds = 2;

    // How long the host floor is measured before each run.
    private const int FloorSeconds = 2;

    // usage: gateway OUT.md FAULTLINE_DLL RATES STEP_SECONDS [MAX_CONNECTIONS,...] [REPETITIONS]
    public static async Task<int> RunAsync(string[] args)
    {
        // Each entry is one series of steps: "auto" keeps the default bound, a number sets maxConnections.
        var bounds = (args.Length > 4 ? args[4] : "auto").Split(',');
        var repetitions = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;
        var output = args[0];
        var cli = args[1];
        var rates = args[2].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var step = int.Parse(args[3], CultureInfo.InvariantCulture);
        var scratch = Directory.CreateTempSubdirectory("faultline-gateway-bench-").FullName;
        try
        {
            var md = new StringBuilder();
            md.AppendLine("# Gateway load inside `faultline run`");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/gateway.sh` on {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {BenchProcesses.Version("wrk", "-v")}.");
            md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the start: {BenchProcesses.LoadAverage()}.");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Each step is one `faultline run` of the seed topology (both functions with reservedConcurrency 10000; one-way latency 0 from each client to its own region and 1 ms to the other, so latency routing sends each client to its own region, each region's gateway takes half the load, below API Gateway's default stage throttle of 10,000 req/s, and wrk's closed loop and the open model see the same gateway) at time scale 1, its own lab in the same process, both clients `keepAlive` at half the total rate, `maxConnections` per series (`auto`: the default, sized for the rate), a {step} s baseline measured after a warm-up: its first {WarmUpSeconds} s (the process's warm-up: tier-1 JIT, the thread pool's growth, the first connections) and its last second are left out, as wrk2 leaves out its calibration period; the send-lag p99 with the warm-up seconds included is shown too. Each step runs {repetitions} times, the repetitions interleaved (every step once, then every step again) so a noisy minute of the machine falls on different steps; a cell shows the median [min–max] of its runs. A step is *held* when in every run every scheduled request was sent (no drops), ≥ 97% of the rate answered 2xx and nothing failed, and the median send-lag p99 is ≤ {MaxLagP99.TotalMilliseconds:0} ms. The host floor: just before each run, one thread of the idle benchmark process naps 250 µs at a time for {FloorSeconds} s (as a busy pacer does); the column shows how far past its naps it woke (p99 / p99.9) and how many naps a second overslept more than 2 ms: the host's own noise that minute, which no process beats. Descriptors: the `faultline run` process's `/proc/PID/fd`, sampled every 100 ms. wrk: `wrk -t2 -c64 -d10s` against us-east-1's gateway of `faultline lab up` with the same topology.");
            md.AppendLine();
            md.AppendLine("| maxConnections | total rate (req/s) | result | sent (req/s) | answered 2xx (req/s) | dropped | errors | send lag p50 / p99 | send lag p99 with the warm-up | host floor: nap oversleep p99 / p99.9, stalls > 2 ms a second | latency p50 / p99 | descriptors min / max during the run | verdict |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            var runs = new Dictionary<(string Bound, int Rate), List<StepRun>>();
            for (var repetition = 1; repetition <= repetitions; repetition++)
            {
                foreach (var bound in bounds)
                {
                    foreach (var rate in rates)
                    {
                        var run = await StepAsync(cli, scratch, rate, step, bound);
                        Console.Error.WriteLine($"run {repetition}/{repetitions}, maxConnections {bound}, {rate} req/s: {run}");
                        (runs.TryGetValue((bound, rate), out var list) ? list : runs[(bound, rate)] = []).Add(run);
                    }
                }
            }

            var held = new Dictionary<string, int?>();
            foreach (var bound in bounds)
            {
                held[bound] = null;
                foreach (var rate in rates)
                {
                    var (line, stepHeld) = Summarize(bound, rate, runs[(bound, rate)]);
                    md.AppendLine(line);
                    if (stepHeld)
                    {
                        held[bound] = rate;
                    }
                }
            }

            md.AppendLine();
            var wrk = await WrkAsync(cli, scratch, step);
            md.AppendLine("| | req/s | latency p50 / p99 | lab descriptors before / max during wrk |");
            md.AppendLine("|---|---|---|---|");
            foreach (var (bound, rate) in held)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| **faultline run** (maxConnections {bound}), highest held rate | {(rate is null ? "none" : rate.Value.ToString("N0", CultureInfo.InvariantCulture))} | (see the table above) | |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| **wrk** closed loop against the same gateway | {wrk.Rps:N0} | {wrk.P50} / {wrk.P99} | {wrk.FdBefore} / {wrk.FdMax} |");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {BenchProcesses.LoadAverage()}.");
            await File.WriteAllTextAsync(output, md.ToString());
            Console.WriteLine(md);
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Topology(int totalRate, string bound = "auto") =>
        File.ReadAllText("samples/seed/topology.yaml")
            .Replace("reservedConcurrency: 100", "reservedConcurrency: 10000", StringComparison.Ordinal)
            .Replace("{ us-east-1: 8, eu-west-1: 40 }", "{ us-east-1: 0, eu-west-1: 1 }", StringComparison.Ordinal)
            .Replace("{ us-east-1: 40, eu-west-1: 8 }", "{ us-east-1: 1, eu-west-1: 0 }", StringComparison.Ordinal)
            .Replace("rate: 20/s, connectionReuse: perRequest", $"rate: {(totalRate / 2.0).ToString(CultureInfo.InvariantCulture)}/s, connectionReuse: keepAlive{(bound == "auto" ? string.Empty : $", maxConnections: {bound}")}", StringComparison.Ordinal);

    private static string Experiment(int step) => $$"""
        topology: ./topology.yaml
        timeScale: 1
        seed: 42
        hypothesis:
          title: the gateway keeps up
          checks:
            - { name: steady state, clients: all, during: baseline, successRate: ">= 99%" }
        load:
          clients: [us-customers, eu-customers]
          baseline: {{step}}s
          recovery: 1s
        targets:
          us-functions: { type: function, region: us-east-1, selectionMode: ALL }
        actions:
          nudge: { fault: latency, target: us-functions, delay: 1ms, percentage: 100, duration: 1s }
        """;

    private static (string Line, bool Held) Summarize(string bound, int rate, List<StepRun> runs)
    {
        var measured = runs.Where(r => r.Measured).ToList();
        if (measured.Count < runs.Count)
        {
            var failed = runs.First(r => !r.Measured);
            return ($"| {bound} | {rate:N0} | not held: a run did not start ({failed.Verdict}) | | | | | | | | | {failed.FdMin} / {failed.FdMax} | |", false);
        }

        static string Spread(IEnumerable<double> values, string format)
        {
            var sorted = values.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            return sorted.Length == 1
                ? median.ToString(format, CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{median.ToString(format, CultureInfo.InvariantCulture)} [{sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)}]");
        }

        var medianLag = measured.Select(r => r.LagP99).Order().ElementAt(measured.Count / 2);
        var held = measured.All(r => r.Dropped == 0 && r.Errors == 0 && r.Answered >= rate * 0.97) && medianLag <= MaxLagP99.TotalMilliseconds;
        var verdicts = string.Join(", ", measured.GroupBy(r => r.Verdict).Select(g => g.Count() == measured.Count ? g.Key : $"{g.Key} ×{g.Count()}"));
        return (string.Create(CultureInfo.InvariantCulture, $"| {bound} | {rate:N0} | {(held ? "held" : "not held")} | {Spread(measured.Select(r => r.Sent), "N0")} | {Spread(measured.Select(r => r.Answered), "N0")} | {measured.Sum(r => r.Dropped):N0} | {measured.Sum(r => r.Errors):N0} | {Spread(measured.Select(r => r.LagP50), "0.00")} / {Spread(measured.Select(r => r.LagP99), "0.00")} ms | {Spread(measured.Select(r => r.LagP99WithWarmUp), "0.00")} ms | {Spread(measured.Select(r => r.Floor.P99), "0.00")} / {Spread(measured.Select(r => r.Floor.P999), "0.00")} ms, {Spread(measured.Select(r => r.Floor.StallsPerSecond), "0.0")} | {Spread(measured.Select(r => r.LatencyP50), "0.0")} / {Spread(measured.Select(r => r.LatencyP99), "0.0")} ms | {measured.Min(r => r.FdMin)} / {measured.Max(r => r.FdMax)} | {verdicts} |"), held);
    }

    private static async Task<StepRun> StepAsync(string cli, string scratch, int rate, int step, string bound)
    {
        var dir = Path.Combine(scratch, $"rate-{rate}-{bound}");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "topology.yaml"), Topology(rate, bound));
        await File.WriteAllTextAsync(Path.Combine(dir, "experiment.yaml"), Experiment(step));
        var runs = Path.Combine(dir, "runs");
        var floor = HostFloor.Measure(TimeSpan.FromSeconds(FloorSeconds));
        var (exit, fdMin, fdMax, _) = await RunSampledAsync(cli, ["run", Path.Combine(dir, "experiment.yaml"), "--out", runs, "--no-dashboard"], TimeSpan.FromSeconds(step + 60), stopWhen: null);
        var folder = Directory.Exists(runs) ? Directory.GetDirectories(runs).FirstOrDefault() : null;
        if (folder is null)
        {
            return new StepRun(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, floor, fdMin, fdMax, $"exit {exit}");
        }

        var journal = RunJournalReader.Open(Path.Combine(folder, "journal.db"));
        var faultStart = journal.Phases.FaultStart ?? journal.Phases.RunEnd ?? DateTimeOffset.MaxValue;
        var seconds = journal.Traffic.Where(s => s.Stats.Sent > 0 || s.Stats.DroppedSends > 0).ToList();
        var first = seconds.Count == 0 ? DateTimeOffset.MaxValue : seconds.Min(s => s.Start);
        var window = seconds.Where(s => s.Start >= first.AddSeconds(WarmUpSeconds) && s.Start.AddSeconds(2) <= faultStart).ToList();
        var stats = LoadStats.Merge(window.Select(s => s.Stats));
        var withWarmUp = LoadStats.Merge(seconds.Where(s => s.Start.AddSeconds(2) <= faultStart).Select(s => s.Stats));
        // Seconds by index: each population's seconds start at its own instant, microseconds apart.
        var span = window.Select(s => s.Index).Distinct().Count();
        var answered = span == 0 ? 0 : stats.Status2xx / (double)span;
        var sent = span == 0 ? 0 : stats.Sent / (double)span;
        var errors = stats.ConnectErrors + stats.DnsErrors + stats.Timeouts + stats.OtherErrors + stats.Status4xx + stats.Status5xx;
        var verdict = journal.Verdict is { } v && v.TryGetProperty("kind", out var kind) ? kind.ToString() : $"exit {exit}";
        return new StepRun(
            span > 0,
            sent,
            answered,
            stats.DroppedSends,
            errors,
            stats.SendLag(50).TotalMilliseconds,
            stats.SendLag(99).TotalMilliseconds,
            withWarmUp.SendLag(99).TotalMilliseconds,
            stats.Latency(50).TotalMilliseconds,
            stats.Latency(99).TotalMilliseconds,
            floor,
            fdMin,
            fdMax,
            verdict);
    }

    /// <summary>One run of a step: rates per second over the measured window, lags and latencies in milliseconds.</summary>
    private sealed record StepRun(
        bool Measured, double Sent, double Answered, long Dropped, long Errors, double LagP50, double LagP99, double LagP99WithWarmUp, double LatencyP50, double LatencyP99, HostFloorSample Floor, int FdMin, int FdMax, string Verdict)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"sent {Sent:N0}/s, 2xx {Answered:N0}/s, dropped {Dropped}, errors {Errors}, send lag p99 {LagP99:0.00} ms ({LagP99WithWarmUp:0.00} ms with the warm-up), host floor p99 {Floor.P99:0.00} ms, {Verdict}");
    }

    private static async Task<(double Rps, string P50, string P99, int FdBefore, int FdMax)> WrkAsync(string cli, string scratch, int step)
    {
        var dir = Path.Combine(scratch, "wrk");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "topology.yaml"), Topology(10_000));
        var port = FreePort();
        string wrkOutput = string.Empty;
        var fdBefore = 0;
        var (_, _, fdMax, _) = await RunSampledAsync(
            cli,
            ["lab", "up", Path.Combine(dir, "topology.yaml"), "--http-port", port.ToString(CultureInfo.InvariantCulture), "--dns-port", "0", "--control-port", "0", "--state-dir", dir, "--time-scale", "1"],
            TimeSpan.FromSeconds(step + 90),
            stopWhen: async (process, fds) =>
            {
                if (!(await ReadyAsync(port)))
                {
                    return false;
                }

                fdBefore = fds();
                wrkOutput = await BenchProcesses.RunAsync("wrk", ["-t2", "-c64", "-d10s", "--latency", $"http://127.0.1.1:{port}/api/hello"], TimeSpan.FromSeconds(40));
                return true;
            });
        var rps = RpsRegex().Match(wrkOutput);
        var p50 = PercentileRegex("50").Match(wrkOutput);
        var p99 = PercentileRegex("99").Match(wrkOutput);
        return (rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0, p50.Success ? p50.Groups[1].Value : "?", p99.Success ? p99.Groups[1].Value : "?", fdBefore, fdMax);
    }

    // Runs the CLI, sampling its descriptors every 100 ms; with stopWhen, interrupts it (SIGINT) once stopWhen returns true.
    private static async Task<(int Exit, int FdMin, int FdMax, string Output)> RunSampledAsync(string cli, string[] args, TimeSpan limit, Func<Process, Func<int>, Task<bool>>? stopWhen)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var fdMin = int.MaxValue;
        var fdMax = 0;
        int Fds()
        {
            try
            {
                return Directory.GetFileSystemEntries($"/proc/{process.Id}/fd").Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        using var cts = new CancellationTokenSource(limit);
        var sampler = Task.Run(async () =>
        {
            using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (!process.HasExited && !cts.IsCancellationRequested)
            {
                var n = Fds();
                if (n > 0)
                {
                    fdMin = Math.Min(fdMin, n);
                    fdMax = Math.Max(fdMax, n);
                }

                await every.WaitForNextTickAsync();
            }
        });
        if (stopWhen is not null)
        {
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (!process.HasExited && !cts.IsCancellationRequested && !await stopWhen(process, Fds))
            {
                await poll.WaitForNextTickAsync();
            }

            Interrupt(process);
        }

        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await sampler;
        return (process.ExitCode, fdMin == int.MaxValue ? 0 : fdMin, fdMax, await stdout + await stderr);
    }

    private static void Interrupt(Process process)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    private static async Task<bool> ReadyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.1.1:{port}/api/hello"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.1.1"), 0));
        return ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static Regex PercentileRegex(string p) => new($@"^\s*{p}(?:\.000)?%\s+(\S+)", RegexOptions.Multiline);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsRegex();
}
