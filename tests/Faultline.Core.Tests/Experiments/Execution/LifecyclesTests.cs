using Faultline.Core.Experiments.Execution;
using Faultline.Core.Runs;

namespace Faultline.Core.Tests.Experiments.Execution;

public sealed class LifecyclesTests
{
    [Fact]
    public void Run_CompletedRun_CannotStartRunningAgain_AndStaysCompleted()
    {
        var run = Lifecycles.NewRun();
        run.MoveTo(RunState.Initiating);
        run.MoveTo(RunState.Running);
        run.MoveTo(RunState.Completed);

        var error = Assert.Throws<InvalidOperationException>(() => run.MoveTo(RunState.Running));

        Assert.Equal("the run cannot go from Completed to Running; from Completed it can go to nothing: it has ended", error.Message);
        Assert.Equal(RunState.Completed, run.State);
        Assert.True(run.IsFinal);
    }

    [Fact]
    public void Run_StoppedWithoutStopping_Rejected()
    {
        var run = Lifecycles.NewRun();
        run.MoveTo(RunState.Initiating);
        run.MoveTo(RunState.Running);

        var error = Assert.Throws<InvalidOperationException>(() => run.MoveTo(RunState.Stopped));

        Assert.Equal("the run cannot go from Running to Stopped; from Running it can go to Completed, Stopping, Failed, Cancelled", error.Message);
        Assert.Equal(RunState.Running, run.State);
    }

    [Fact]
    public void Run_PendingRun_CannotBeCancelledBeforeItStarts()
    {
        Assert.False(Lifecycles.NewRun().CanMoveTo(RunState.Cancelled));
    }

    [Fact]
    public void Action_StoppedThroughStopping_Allowed()
    {
        var action = Lifecycles.NewAction("inject");
        action.MoveTo(ActionState.Initiating);
        action.MoveTo(ActionState.Running);
        action.MoveTo(ActionState.Stopping);
        action.MoveTo(ActionState.Stopped);

        Assert.Equal(ActionState.Stopped, action.State);
        Assert.True(action.IsFinal);
    }

    [Fact]
    public void Action_CompletedBeforeItStarted_RejectedNamingTheAction()
    {
        var action = Lifecycles.NewAction("inject");

        var error = Assert.Throws<InvalidOperationException>(() => action.MoveTo(ActionState.Completed));

        Assert.Equal("action 'inject' cannot go from Pending to Completed; from Pending it can go to Initiating, Cancelled", error.Message);
        Assert.Equal(ActionState.Pending, action.State);
    }
}
