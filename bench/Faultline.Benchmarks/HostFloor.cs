using System.Diagnostics;
using Faultline.Lab.Load;

namespace Faultline.Benchmarks;

/// <summary>
/// The host's own timing noise just before a step: one thread of an otherwise idle process naps 250 µs at a time (as
/// a busy load pacer does) and records how far past each nap it woke. No process on the machine wakes more punctually
/// than this in that minute, so a step's send lag is read beside it. The nap is the pacers' own (<see cref="PacerNap"/>).
/// </summary>
internal static class HostFloor
{
    private static readonly TimeSpan Nap = TimeSpan.FromMicroseconds(250);
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(2);

    /// <summary>Naps for <paramref name="duration"/> and returns the oversleep's p99 and p99.9 (ms) and the naps a second that overslept more than 2 ms.</summary>
    public static HostFloorSample Measure(TimeSpan duration)
    {
        var overs = new List<double>(capacity: 16_384);
        var thread = new Thread(() =>
        {
            var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            using var wake = new ManualResetEventSlim(false);
            while (Stopwatch.GetTimestamp() < end)
            {
                var before = Stopwatch.GetTimestamp();
                PacerNap.Nap(Nap, wake, CancellationToken.None);
                overs.Add((Stopwatch.GetElapsedTime(before) - Nap).TotalMilliseconds);
            }
        })
        {
            IsBackground = true,
            Name = "host floor",
        };
        thread.Start();
        thread.Join();
        overs.Sort();
        double At(double percentile) => overs.Count == 0 ? 0 : overs[(int)Math.Min(overs.Count - 1, Math.Ceiling(percentile / 100 * overs.Count) - 1)];
        return new HostFloorSample(At(99), At(99.9), overs.Count(o => o > Stall.TotalMilliseconds) / duration.TotalSeconds);
    }
}

/// <summary>What <see cref="HostFloor.Measure"/> saw: oversleep percentiles in milliseconds, and stalls (over 2 ms) a second.</summary>
internal sealed record HostFloorSample(double P99, double P999, double StallsPerSecond);
