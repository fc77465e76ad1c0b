using System.Runtime.InteropServices;

namespace Faultline.Lab.Limits;

/// <summary>The libc calls behind <see cref="ProcessDescriptorLimits"/> (Linux, 64-bit: <c>rlim_t</c> is 64 bits).</summary>
internal static class NativeMethods
{
    /// <summary><c>RLIMIT_NOFILE</c> on Linux (x64 and arm64).</summary>
    public const int RLimitNoFile = 7;

    [DllImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    public static extern int GetRLimit(int resource, out RLimit limit);

    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    public static extern int SetRLimit(int resource, ref RLimit limit);

    /// <summary><c>struct rlimit</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        /// <summary><c>rlim_cur</c>, the soft limit.</summary>
        public ulong Current;

        /// <summary><c>rlim_max</c>, the hard limit.</summary>
        public ulong Maximum;
    }
}
