using System.Runtime.InteropServices;

namespace Faultline.Lab.Host;

/// <summary>
/// Asks the OS to wake a latency-sensitive thread (a load pacer) on time. Linux's fair scheduler (EEVDF, 6.6 and later)
/// gives every thread a slice; since 6.12 a thread may ask for its own. A thread that wakes with a shorter slice gets an
/// earlier deadline, so it preempts the thread running on its core at once instead of queueing behind it for up to a
/// default slice (0.7–3 ms, more on a busy host). It does not raise the thread's share of the CPU and needs no privilege.
/// Elsewhere (other systems, older kernels, other scheduling policies) nothing changes.
/// </summary>
internal static class ThreadSlice
{
    /// <summary>The shortest slice Linux accepts: 100 µs.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromTicks(1_000);

    private const uint SchedNormal = 0; // SCHED_OTHER
    private const uint SchedBatch = 3;
    private const ulong ResetOnFork = 0x01; // SCHED_FLAG_RESET_ON_FORK, the one flag kept as it was

    /// <summary>
    /// Asks for <paramref name="slice"/> on the calling thread, keeping its policy and nice value. Returns the slice the
    /// kernel reports afterwards, or <see langword="null"/> when the thread's slice cannot be chosen here.
    /// </summary>
    public static TimeSpan? TrySet(TimeSpan slice)
    {
        if (!OperatingSystem.IsLinux() || slice <= TimeSpan.Zero || Numbers() is not (var set, var get))
        {
            return null;
        }

        var size = (uint)Marshal.SizeOf<SchedAttr>();
        if (SchedGetAttr(get, 0, out var attr, size, 0) != 0 || (attr.Policy != SchedNormal && attr.Policy != SchedBatch))
        {
            return null;
        }

        attr.Size = size;
        attr.Flags &= ResetOnFork;
        attr.Runtime = (ulong)Math.Min(slice.Ticks, TimeSpan.TicksPerSecond) * 100; // nanoseconds; the kernel keeps it within 0.1–100 ms
        if (SchedSetAttr(set, 0, ref attr, 0) != 0 || SchedGetAttr(get, 0, out attr, size, 0) != 0 || attr.Runtime == 0)
        {
            // Kernels before 6.12 accept the call but keep no slice of the thread's own.
            return null;
        }

        return TimeSpan.FromTicks((long)(attr.Runtime / 100));
    }

    /// <summary>The calling thread's slice (its own, or the kernel's default), or <see langword="null"/> when the kernel does not say (before 6.12, other systems).</summary>
    public static TimeSpan? Current()
    {
        if (!OperatingSystem.IsLinux() || Numbers() is not (_, var get)
            || SchedGetAttr(get, 0, out var attr, (uint)Marshal.SizeOf<SchedAttr>(), 0) != 0 || attr.Runtime == 0)
        {
            return null;
        }

        return TimeSpan.FromTicks((long)(attr.Runtime / 100));
    }

    // sched_setattr and sched_getattr have no glibc wrapper before 2.41: they are called by number.
    private static (long Set, long Get)? Numbers() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => (314, 315),
        Architecture.Arm64 => (274, 275),
        _ => null,
    };

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long SchedSetAttr(long number, int tid, ref SchedAttr attr, uint flags);

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long SchedGetAttr(long number, int tid, out SchedAttr attr, uint size, uint flags);

    /// <summary><c>struct sched_attr</c> as of Linux 4.13 (56 bytes); <see cref="Runtime"/> is a fair thread's slice.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SchedAttr
    {
        public uint Size;
        public uint Policy;
        public ulong Flags;
        public int Nice;
        public uint Priority;
        public ulong Runtime;
        public ulong Deadline;
        public ulong Period;
        public uint UtilMin;
        public uint UtilMax;
    }
}
