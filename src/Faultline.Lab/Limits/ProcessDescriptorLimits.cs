namespace Faultline.Lab.Limits;

/// <summary>This process's <c>RLIMIT_NOFILE</c> through <c>getrlimit</c>/<c>setrlimit</c> on Linux; elsewhere nothing to check.</summary>
public sealed class ProcessDescriptorLimits : IDescriptorLimits
{
    private ProcessDescriptorLimits()
    {
    }

    /// <summary>The one instance.</summary>
    public static ProcessDescriptorLimits Instance { get; } = new();

    /// <inheritdoc />
    public DescriptorLimit? Read()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.GetRLimit(NativeMethods.RLimitNoFile, out var limit) != 0)
        {
            return null;
        }

        return new DescriptorLimit(ToLong(limit.Current), ToLong(limit.Maximum));
    }

    /// <inheritdoc />
    public bool TrySetSoft(long soft)
    {
        if (!OperatingSystem.IsLinux() || soft < 0 || NativeMethods.GetRLimit(NativeMethods.RLimitNoFile, out var limit) != 0)
        {
            return false;
        }

        var wanted = new NativeMethods.RLimit { Current = (ulong)soft, Maximum = limit.Maximum };
        return NativeMethods.SetRLimit(NativeMethods.RLimitNoFile, ref wanted) == 0;
    }

    // RLIM_INFINITY is all ones; anything above long's range is as good as unlimited.
    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
