using Faultline.Core.Simulation;

namespace Faultline.Core.Tests.Simulation;

public sealed class VirtualClockTests
{
    [Fact]
    public void Run_EventsInDueOrder_TiesInScheduleOrder_ClockJumpsToEach()
    {
        var clock = new VirtualClock();
        var seen = new List<string>();
        clock.Schedule(TimeSpan.FromSeconds(2), () => seen.Add($"b@{clock.Elapsed.TotalSeconds}"));
        clock.Schedule(TimeSpan.FromSeconds(1), () => seen.Add($"a@{clock.Elapsed.TotalSeconds}"));
        clock.Schedule(TimeSpan.FromSeconds(2), () => seen.Add($"c@{clock.Elapsed.TotalSeconds}"));

        clock.Run(() => seen.Count == 3);

        Assert.Equal(["a@1", "b@2", "c@2"], seen);
        Assert.Equal(VirtualClock.DefaultEpoch.AddSeconds(2), clock.GetUtcNow());
        Assert.Equal(3, clock.EventsRun);
    }

    [Fact]
    public void CreateTimer_Periodic_FiresEveryPeriodUntilDisposed()
    {
        var clock = new VirtualClock();
        var fired = new List<double>();
        var timer = clock.CreateTimer(_ => fired.Add(clock.Elapsed.TotalSeconds), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.RunUntil(clock.GetUtcNow().AddSeconds(6));
        timer.Dispose();
        clock.Schedule(TimeSpan.FromSeconds(10), () => { });
        clock.RunUntil(clock.GetUtcNow().AddSeconds(20));

        Assert.Equal([1, 3, 5], fired);
    }

    [Fact]
    public void Change_Reschedules_AndTheOldDueTimeNoLongerFires()
    {
        var clock = new VirtualClock();
        var fired = new List<double>();
        var timer = clock.CreateTimer(_ => fired.Add(clock.Elapsed.TotalSeconds), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(8), Timeout.InfiniteTimeSpan);

        clock.RunUntil(clock.GetUtcNow().AddSeconds(10));

        Assert.Equal([8], fired);
    }

    [Fact]
    public async Task TaskDelay_OnTheClock_CompletesInVirtualTime_OnTheDrivingThread()
    {
        var clock = new VirtualClock();
        var driver = Environment.CurrentManagedThreadId;
        int? resumedOn = null;
        async Task<int> WaitAsync()
        {
            await Task.Delay(TimeSpan.FromHours(1), clock).ConfigureAwait(false);
            resumedOn = Environment.CurrentManagedThreadId;
            return 7;
        }

        var result = clock.Run(WaitAsync());

        Assert.Equal(7, result);
        Assert.Equal(driver, resumedOn);
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
        await Task.CompletedTask;
    }

    [Fact]
    public void Run_NothingLeftToHappen_ThrowsStalledInsteadOfHanging()
    {
        var clock = new VirtualClock();
        var never = new TaskCompletionSource();

        var error = Assert.Throws<SimulationStalledException>(() => clock.Run(() => never.Task.IsCompleted));

        Assert.Contains("nothing is left to happen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTimer_FromAnotherThreadWhileDriving_IsReportedAsEscaped()
    {
        var clock = new VirtualClock();
        Exception? escaped = null;
        var done = false;
        clock.Schedule(TimeSpan.FromSeconds(1), () =>
        {
            var other = new Thread(() =>
            {
                try
                {
                    clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                }
                catch (SimulationEscapedException ex)
                {
                    escaped = ex;
                }
            });
            other.Start();
            other.Join();
            done = true;
        });

        clock.Run(() => done);

        Assert.IsType<SimulationEscapedException>(escaped);
        await Task.CompletedTask;
    }
}
