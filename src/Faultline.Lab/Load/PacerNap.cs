using System.Runtime.InteropServices;

namespace Faultline.Lab.Load;

/// <summary>
/// A load pacer's short wait for its next send, in wall time. .NET's waits count whole milliseconds, so a pacer that
/// naps with them sends in bursts a millisecond apart and each send is up to that much late before anything else goes
/// wrong; <c>nanosleep</c> (Linux, macOS) wakes within tens of microseconds of the time asked for. Not a stand-in for
/// synchronisation: the pacer reads its <see cref="TimeProvider"/> after every nap and decides again, so a nap that
/// ends early or late only moves the next look at the clock. Elsewhere it waits a millisecond on the pacer's wake event.
/// </summary>
internal static class PacerNap
{
    private static readonly bool Precise = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Waits about <paramref name="wall"/> (a few milliseconds at most: a rate change or a stop does not cut a precise nap short).</summary>
    public static void Nap(TimeSpan wall, ManualResetEventSlim wake, CancellationToken stopping)
    {
        if (!Precise)
        {
            wake.Wait(1, stopping);
            return;
        }

        var nanoseconds = Math.Clamp(wall.Ticks, 1, TimeSpan.TicksPerSecond - 1) * 100;
        var request = new TimeSpec { Seconds = 0, Nanoseconds = nanoseconds };

        // An interrupted nap (EINTR) simply ends early.
        _ = NanoSleep(ref request, IntPtr.Zero);
    }

    [DllImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static extern int NanoSleep(ref TimeSpec request, IntPtr remaining);

    /// <summary><c>struct timespec</c> on 64-bit systems.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
