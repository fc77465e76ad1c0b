using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Lab.Runs;
using Faultline.TestUtils.Runs;

namespace Faultline.Lab.Tests.Runs;

public sealed class CompositeRunObserverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnEventAndOnSecond_TwoObservers_BothHearInOrder()
    {
        var heard = new List<string>();
        var composite = new CompositeRunObserver(new Recording("a", heard), new Recording("b", heard));

        composite.OnEvent(new RunStateChanged { At = T0, State = RunState.Running });
        composite.OnSecond(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 1)));

        Assert.Equal(["a event", "b event", "a second", "b second"], heard);
    }

    [Fact]
    public void OnEvent_FirstThrows_SecondStillHearsAndTheFailureIsRethrown()
    {
        var heard = new List<string>();
        var composite = new CompositeRunObserver(new Recording("a", heard, fail: true), new Recording("b", heard));

        var thrown = Assert.Throws<InvalidOperationException>(() => composite.OnEvent(new RunStateChanged { At = T0, State = RunState.Running }));

        Assert.Equal("a failed", thrown.Message);
        Assert.Equal(["a event", "b event"], heard);
    }

    [Fact]
    public void OnSecond_BothThrow_AggregateOfBoth()
    {
        var heard = new List<string>();
        var composite = new CompositeRunObserver(new Recording("a", heard, fail: true), new Recording("b", heard, fail: true));

        var thrown = Assert.Throws<AggregateException>(() => composite.OnSecond(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 1))));

        Assert.Equal(["a failed", "b failed"], thrown.InnerExceptions.Select(e => e.Message));
    }

    private sealed class Recording(string name, List<string> heard, bool fail = false) : IRunObserver
    {
        public void OnStarted(RunStarted started) => Hear("started");

        public void OnEvent(RunEvent runEvent) => Hear("event");

        public void OnSecond(LoadSecond second) => Hear("second");

        private void Hear(string what)
        {
            heard.Add($"{name} {what}");
            if (fail)
            {
                throw new InvalidOperationException($"{name} failed");
            }
        }
    }
}
