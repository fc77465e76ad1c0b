using System.Runtime.InteropServices;

namespace Faultline.Lab.Load;

/// <summary>
/// The pacer's short sleep, for a next send less than a few milliseconds (wall) away. On Linux it is
/// <c>nanosleep</c> for the time left (at least <see cref="Shortest"/>, at most <see cref="Longest"/>), so a send
/// leaves about a tenth of a millisecond after its time rather than up to a millisecond: the managed waits cannot
/// sleep less than a millisecond. Elsewhere it is that millisecond. Spinning instead would be punctual but burn a
/// core the gateway under test needs.
/// </summary>
internal static class PacerNap
{
    /// <summary>The shortest nap: below it a wake-up costs more than the precision it buys.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromMicroseconds(50);

    /// <summary>The longest nap, so a rate change is seen within a millisecond.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(1);

    private static readonly bool Fine = OperatingSystem.IsLinux();

    /// <summary>Sleeps about <paramref name="wall"/> (clamped as above), or less when <paramref name="wake"/> is set.</summary>
    public static void Nap(TimeSpan wall, ManualResetEventSlim wake, CancellationToken stopping)
    {
        if (!Fine)
        {
            wake.Wait(1, stopping);
            return;
        }

        stopping.ThrowIfCancellationRequested();
        if (wake.IsSet)
        {
            return;
        }

        var nap = Math.Clamp(wall.Ticks, Shortest.Ticks, Longest.Ticks);
        var request = new TimeSpec { Seconds = 0, Nanoseconds = nap * (1_000_000_000 / TimeSpan.TicksPerSecond) };

        // An interrupted nap (EINTR) just returns early: the pacer looks at the clock again either way.
        _ = NanoSleep(ref request, IntPtr.Zero);
    }

    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int NanoSleep(ref TimeSpec request, IntPtr remaining);

    /// <summary><c>struct timespec</c> (64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
