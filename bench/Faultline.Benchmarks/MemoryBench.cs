using System.Diagnostics;
using System.Globalization;
using System.Net;
using Faultline.Core.Addressing;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Load;

namespace Faultline.Benchmarks;

/// <summary>
/// Runs the generator at a fixed lab rate under a scaled clock and prints its resident set after 1 and after
/// N lab-minutes: per-second histograms and a bounded ring must keep memory flat however long the run.
/// </summary>
internal static class MemoryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(args[0]);
        var rate = double.Parse(args[1], CultureInfo.InvariantCulture);
        var scale = double.Parse(args[2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(args[3], CultureInfo.InvariantCulture);
        var time = new ScaledTimeProvider(TimeProvider.System, scale);
        var client = new ClientConfig { Name = "memory", Location = "bench", Url = url, RatePerSecond = rate };
        await using var generator = new LoadGenerator(
            [client],
            new AddressPlan(["bench"]),
            new DnsStubResolver(new IPEndPoint(IPAddress.Loopback, 53), time),
            url.Port,
            time,
            new RandomSource(1));
        long seconds = 0, responses = 0, dropped = 0;
        generator.SecondCompleted += (_, s) =>
        {
            Interlocked.Increment(ref seconds);
            Interlocked.Add(ref responses, s.Stats.Responses);
            Interlocked.Add(ref dropped, s.Stats.DroppedSends);
        };
        await generator.StartAsync(CancellationToken.None);
        var samples = new List<string>();
        for (var minute = 1; minute <= minutes; minute++)
        {
            await Task.Delay(time.ToWall(TimeSpan.FromMinutes(1)));
            if (minute is 1 || minute == minutes)
            {
                var rss = Rss();
                samples.Add(string.Create(CultureInfo.InvariantCulture, $"minute={minute} rss_mib={rss / 1048576.0:0.0} managed_mib={GC.GetTotalMemory(false) / 1048576.0:0.0} gc_committed_mib={GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0.0} connections={generator.Populations[0].ConnectionsOpened} threads={Process.GetCurrentProcess().Threads.Count} seconds={Interlocked.Read(ref seconds)} responses={Interlocked.Read(ref responses)} dropped={Interlocked.Read(ref dropped)}"));
                Console.Error.WriteLine("  memory " + samples[^1]);
            }
        }

        await generator.StopAsync(CancellationToken.None);
        foreach (var sample in samples)
        {
            Console.WriteLine(sample);
        }

        return 0;
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
