using Faultline.Core.Simulation;
using Faultline.Core.Time;

namespace Faultline.Core.Tests.Simulation;

public sealed class LabTasksTests
{
    [Fact]
    public void WithTimeout_TaskFinishesFirst_GivesItsResult()
    {
        var clock = new VirtualClock();
        var work = new TaskCompletionSource<int>();
        clock.Schedule(TimeSpan.FromSeconds(1), () => work.SetResult(5));

        var result = clock.Run(LabTasks.WithTimeout(work.Task, TimeSpan.FromSeconds(2), clock, CancellationToken.None));

        Assert.Equal(5, result);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public void WithTimeout_TimeoutFirst_ThrowsTimeoutAtTheLimit()
    {
        var clock = new VirtualClock();
        var work = new TaskCompletionSource<int>();
        clock.Schedule(TimeSpan.FromSeconds(3), () => work.SetResult(5));
        var waited = LabTasks.WithTimeout(work.Task, TimeSpan.FromSeconds(2), clock, CancellationToken.None);

        clock.Run(() => waited.IsCompleted);

        Assert.IsType<TimeoutException>(waited.Exception?.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [Fact]
    public void Delay_Cancelled_ResumesInlineOnTheCancellingThread()
    {
        // Task.Delay's cancellation may resume its awaiter on the thread pool; a simulation cannot allow that.
        var clock = new VirtualClock();
        using var cancel = new CancellationTokenSource();
        var driver = Environment.CurrentManagedThreadId;
        int? resumedOn = null;
        async Task WaitAsync()
        {
            try
            {
                await LabTasks.Delay(TimeSpan.FromMinutes(5), clock, cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                resumedOn = Environment.CurrentManagedThreadId;
            }
        }

        var waiting = WaitAsync();
        clock.Schedule(TimeSpan.FromSeconds(1), cancel.Cancel);
        clock.Run(() => waiting.IsCompleted);

        Assert.Equal(driver, resumedOn);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public void Delay_Elapses_AfterExactlyTheDelay()
    {
        var clock = new VirtualClock();

        var delay = LabTasks.Delay(TimeSpan.FromMilliseconds(1500), clock, CancellationToken.None);
        clock.Run(() => delay.IsCompleted);

        Assert.True(delay.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.Elapsed);
    }
}
