using System.Runtime.InteropServices;
using Faultline.Lab.Host;
using Xunit;

namespace Faultline.Lab.Tests.Host;

public sealed class ThreadSliceTests
{
    // Linux 6.12 added per-thread slices for the fair scheduler; the lab calls the kernel by number on x64 and arm64.
    private static bool KernelTakesASlice =>
        OperatingSystem.IsLinux()
        && Environment.OSVersion.Version >= new Version(6, 12)
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static T OnNewThread<T>(Func<T> work)
    {
        var result = default(T)!;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void TrySet_Shortest_TheThreadRunsWithTheShortestSlice()
    {
        var (before, set, after) = OnNewThread(() => (ThreadSlice.Current(), ThreadSlice.TrySet(ThreadSlice.Shortest), ThreadSlice.Current()));

        if (!KernelTakesASlice)
        {
            Assert.Null(set);
            return;
        }

        Assert.NotNull(before);
        Assert.True(before > ThreadSlice.Shortest, $"a new thread's default slice ({before}) is longer than the shortest");
        Assert.Equal(ThreadSlice.Shortest, set);
        Assert.Equal(ThreadSlice.Shortest, after);
    }

    [Fact]
    public void TrySet_OnOneThread_OtherThreadsKeepTheDefault()
    {
        var defaultSlice = OnNewThread(ThreadSlice.Current);
        _ = OnNewThread(() => ThreadSlice.TrySet(ThreadSlice.Shortest));

        Assert.Equal(defaultSlice, OnNewThread(ThreadSlice.Current));
        Assert.Equal(defaultSlice, ThreadSlice.Current());
    }

    [Fact]
    public void TrySet_NotPositive_ChangesNothing()
    {
        var (set, after, before) = OnNewThread(() =>
        {
            var before = ThreadSlice.Current();
            return (ThreadSlice.TrySet(TimeSpan.Zero), ThreadSlice.Current(), before);
        });

        Assert.Null(set);
        Assert.Equal(before, after);
    }
}
