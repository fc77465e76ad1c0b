using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Faultline.Benchmarks;

/// <summary>
/// The whole load-generator benchmark in one run: for each endpoint wrk's closed-loop maximum, then the
/// generator's highest held open-model rate, side by side; then a memory run in a fresh process. Writes markdown.
/// </summary>
internal static partial class Report
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = args[0];
        var endpoints = new[] { ("nginx (Debian, 1 worker, access_log off)", new Uri(args[1])), ("bare Kestrel app", new Uri(args[2])) };
        var rates = args[3].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var step = TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture));
        var memoryArgs = args.Length > 5 ? args[5].Split(',') : ["500", "10", "10"];

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load generator benchmark");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run.sh` on {Environment.ProcessorCount} CPUs, {MemoryGib():0.0} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {BenchProcesses.Version("wrk", "-v")}; {BenchProcesses.Version("nginx", "-v")}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the start: {BenchProcesses.LoadAverage()} (other work on the machine competes for the same 2 cores and shows up as send lag).");
        md.AppendLine("Client and server share the machine; everything on 127.0.0.1. Absolute numbers swing ±30% run to run on shared machines: compare the columns of one run.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Open model: the generator's rate is stepped up ({string.Join(", ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}/s, {step.TotalSeconds:0} s each, the first and last second of a step left out); a step is *sustained* when every scheduled request was sent and answered at the rate (no drops, no errors, ≥ 97% answered), and *held* when it is sustained with send-lag p99 ≤ {OpenModelBench.MaxLagP99.TotalMilliseconds:0} ms. A missed step gets one more try (other work on a shared machine only makes a step worse); stepping stops at the first step not sustained. Closed loop: `wrk -t2 -c64 -d10s`.");
        md.AppendLine();
        md.AppendLine("| endpoint | wrk closed-loop max (req/s) | wrk p50 / p99 latency | generator: highest held rate (lag p99 ≤ 2 ms) | generator: highest sustained rate | at that rate: send lag p50 / p99, latency p50 / p99 | sustained ÷ wrk |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        // The memory run goes first, in a fresh process, while nginx and the loopback are unstressed by the steps.
        var memoryUrl = endpoints[0].Item2;
        var memory = await RunSelfAsync(["memory", memoryUrl.ToString(), .. memoryArgs], TimeSpan.FromMinutes(3));
        Console.Error.Write(memory);

        var details = new StringBuilder();
        foreach (var (name, url) in endpoints)
        {
            var wrk = await WrkAsync(url);
            Console.Error.WriteLine($"{name}: wrk {wrk.Rps:0} req/s");
            var steps = await OpenModelBench.StepAsync(url, rates, step);
            var held = steps.Where(s => s.Held).MaxBy(s => s.Rate);
            var sustained = steps.Where(s => s.Sustained).OrderBy(s => s.Rate).ThenBy(s => s.Stats.SendLag(99)).LastOrDefault();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {wrk.Rps:0} | {wrk.P50} / {wrk.P99} | {(held is null ? "none" : held.Rate.ToString("0", CultureInfo.InvariantCulture))} | {(sustained is null ? "none" : sustained.Rate.ToString("0", CultureInfo.InvariantCulture))} | {(sustained is null ? "—" : $"{sustained.Stats.SendLag(50).TotalMilliseconds:0.00} / {sustained.Stats.SendLag(99).TotalMilliseconds:0.00} ms, {sustained.Stats.Latency(50).TotalMilliseconds:0.00} / {sustained.Stats.Latency(99).TotalMilliseconds:0.00} ms")} | {(sustained is null || wrk.Rps == 0 ? "—" : (sustained.Rate / wrk.Rps).ToString("0.00", CultureInfo.InvariantCulture))} |");
            details.AppendLine(CultureInfo.InvariantCulture, $"{name} ({url}):");
            details.AppendLine("```");
            foreach (var s in steps)
            {
                details.AppendLine(s.ToString());
            }

            details.AppendLine("```");
        }

        md.AppendLine();
        md.AppendLine("Steps:");
        md.AppendLine();
        md.Append(details);
        md.AppendLine();

        md.AppendLine(CultureInfo.InvariantCulture, $"## Memory at a fixed rate");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run before the steps above: a fresh process runs one population at {memoryArgs[0]} requests per lab second under a {memoryArgs[1]}× scaled clock ({double.Parse(memoryArgs[0], CultureInfo.InvariantCulture) * double.Parse(memoryArgs[1], CultureInfo.InvariantCulture):0} req/s wall) against nginx for {memoryArgs[2]} lab-minutes; the subscriber keeps nothing (the runner keeps what it needs), the generator keeps its ring of recent seconds.");
        md.AppendLine();
        md.AppendLine("```");
        md.Append(memory);
        md.AppendLine("```");
        var rss = RssRegex().Matches(memory).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        if (rss.Length == 2)
        {
            var growth = (rss[1] - rss[0]) / rss[0] * 100;
            md.AppendLine(CultureInfo.InvariantCulture, $"Resident set after 1 lab-minute {rss[0]:0.0} MiB, after {memoryArgs[2]} lab-minutes {rss[1]:0.0} MiB: {growth:+0.0;-0.0}% ({(Math.Abs(growth) <= 10 ? "flat within 10%" : "NOT flat within 10%")}).");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {BenchProcesses.LoadAverage()}.");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine(md);
        return 0;
    }

    private static async Task<(double Rps, string P50, string P99)> WrkAsync(Uri url)
    {
        var output = await BenchProcesses.RunAsync("wrk", ["-t2", "-c64", "-d10s", "--latency", url.ToString()], TimeSpan.FromSeconds(30));
        var rps = RpsRegex().Match(output);
        var p50 = PercentileRegex("50").Match(output);
        var p99 = PercentileRegex("99").Match(output);
        return (rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0, p50.Success ? p50.Groups[1].Value : "?", p99.Success ? p99.Groups[1].Value : "?");
    }

    private static Regex PercentileRegex(string p) => new($@"^\s*{p}(?:\.000)?%\s+(\S+)", RegexOptions.Multiline);

    private static Task<string> RunSelfAsync(string[] args, TimeSpan limit)
    {
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? BenchProcesses.RunAsync(host, [typeof(Report).Assembly.Location, .. args], limit)
            : BenchProcesses.RunAsync(host, args, limit);
    }

    private static double MemoryGib()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) ?? "MemTotal: 0 kB";
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsRegex();

    [GeneratedRegex(@"rss_mib=([\d.]+)")]
    private static partial Regex RssRegex();
}
