using Faultline.Lab.Limits;

namespace Faultline.Lab.Tests.Limits;

public sealed class DescriptorCheckTests
{
    private static readonly DescriptorNeed Need = new() { LoadConnections = 1000, GatewayConnections = 1100, HealthCheckConnections = 32 }; // 2,388 with the reserve

    [Fact]
    public void Ensure_SoftLimitEnough_LeavesItAlone()
    {
        var limits = new FakeLimits(new DescriptorLimit(4096, 8192));

        var result = DescriptorCheck.Ensure(Need, limits);

        Assert.Equal(DescriptorCheckOutcome.Enough, result.Outcome);
        Assert.Equal(4096, result.Soft);
        Assert.Empty(limits.Sets);
    }

    [Fact]
    public void Ensure_SoftTooLowHardEnough_RaisesSoftToHard()
    {
        var limits = new FakeLimits(new DescriptorLimit(1024, 4096));

        var result = DescriptorCheck.Ensure(Need, limits);

        Assert.Equal(DescriptorCheckOutcome.Raised, result.Outcome);
        Assert.True(result.Allowed);
        Assert.Equal([4096L], limits.Sets);
        Assert.Equal(4096, result.Soft);
        Assert.Equal(
            "raised the open-file limit from 1,024 to 4,096: this needs up to 2,388 (1,000 load connections, 1,100 gateway connections, 32 health probes, 256 reserved)",
            DescriptorErrors.Raised(result));
    }

    [Fact]
    public void Ensure_HardUnlimited_RaisesSoftToTheNeed()
    {
        var limits = new FakeLimits(new DescriptorLimit(1024, long.MaxValue));

        var result = DescriptorCheck.Ensure(Need, limits);

        Assert.Equal(DescriptorCheckOutcome.Raised, result.Outcome);
        Assert.Equal([Need.Total], limits.Sets);
    }

    [Fact]
    public void Ensure_HardTooLow_RefusesWithoutTouchingTheLimit()
    {
        var limits = new FakeLimits(new DescriptorLimit(1024, 2048));

        var result = DescriptorCheck.Ensure(Need, limits);

        Assert.Equal(DescriptorCheckOutcome.Refused, result.Outcome);
        Assert.False(result.Allowed);
        Assert.Empty(limits.Sets);
        Assert.Equal(
            "this needs up to 2,388 open file descriptors (1,000 load connections, 1,100 gateway connections, 32 health probes, 256 reserved), but the process may open only 1,024 (ulimit -n; hard limit 2,048); " +
            "raise the limit with 'ulimit -n 2388' (above the hard limit needs root or /etc/security/limits.conf) and run again, or lower the clients' rate or set a smaller maxConnections in topology.yaml",
            DescriptorErrors.TooFew(result, "topology.yaml").ToString());
    }

    [Fact]
    public void Ensure_RaiseRefusedBySystem_Refuses()
    {
        var limits = new FakeLimits(new DescriptorLimit(1024, 4096)) { AllowSet = false };

        var result = DescriptorCheck.Ensure(Need, limits);

        Assert.Equal(DescriptorCheckOutcome.Refused, result.Outcome);
        Assert.Equal([4096L], limits.Sets);
    }

    [Fact]
    public void Ensure_NoLimitOnThisPlatform_Unknown()
    {
        var result = DescriptorCheck.Ensure(Need, new FakeLimits(null));

        Assert.Equal(DescriptorCheckOutcome.Unknown, result.Outcome);
        Assert.True(result.Allowed);
        Assert.Null(result.Soft);
    }

    [Fact]
    public void Read_ThisProcessOnLinux_MatchesProcSelfLimits()
    {
        var limit = ProcessDescriptorLimits.Instance.Read();

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(limit);
            return;
        }

        // "Max open files            20000                20000                files"
        var line = File.ReadAllLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotNull(limit);
        Assert.Equal(fields[0] == "unlimited" ? long.MaxValue : long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), limit.Value.Soft);
        Assert.Equal(fields[1] == "unlimited" ? long.MaxValue : long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), limit.Value.Hard);
    }

    [Fact]
    public void TrySetSoft_CurrentSoftLimit_Succeeds()
    {
        if (ProcessDescriptorLimits.Instance.Read() is not { } limit)
        {
            Assert.False(ProcessDescriptorLimits.Instance.TrySetSoft(1024));
            return;
        }

        // Setting the limit in force changes nothing, yet goes through setrlimit.
        Assert.True(ProcessDescriptorLimits.Instance.TrySetSoft(limit.Soft));
        Assert.Equal(limit, ProcessDescriptorLimits.Instance.Read());
    }

    private sealed class FakeLimits(DescriptorLimit? limit) : IDescriptorLimits
    {
        public bool AllowSet { get; init; } = true;

        public List<long> Sets { get; } = [];

        public DescriptorLimit? Read() => limit;

        public bool TrySetSoft(long soft)
        {
            Sets.Add(soft);
            return AllowSet;
        }
    }
}
