using Faultline.Core.Load;
using Xunit;

namespace Faultline.Core.Tests.Load;

public sealed class ArrivalScheduleTests
{
    private static TimeSpan Seconds(double s) => TimeSpan.FromTicks((long)Math.Round(s * TimeSpan.TicksPerSecond));

    [Theory]
    [InlineData(20, 0, 0)]
    [InlineData(20, 1, 0.05)]
    [InlineData(20, 1_200, 60)]
    [InlineData(20_000, 12_345_678, 617.2839)]
    [InlineData(3, 10, 3.3333333)]
    public void IntendedTime_ConstantRate_IsNOverRate(double rate, long n, double expectedSeconds)
    {
        var schedule = new ArrivalSchedule(rate);

        Assert.Equal(expectedSeconds, schedule.IntendedTime(n).TotalSeconds, 6);
    }

    [Fact]
    public void IntendedTime_ConstantRate_ExactAfterAMillionRequestsWithoutDrift()
    {
        var schedule = new ArrivalSchedule(30_000);

        // Exactly n / rate, to the tick, however far in: nothing is accumulated.
        Assert.Equal(TimeSpan.FromSeconds(100), schedule.IntendedTime(3_000_000));
        Assert.Equal(Seconds(1_000_001 / 30_000.0), schedule.IntendedTime(1_000_001));
    }

    [Fact]
    public void IntendedTime_RampFromZero_FollowsTheSquareRootOfTheCount()
    {
        // r(t) = 10·t over 10 s: Λ(t) = 5·t², so request n goes at √(n/5); at the end 500 were sent, then 100/s.
        var schedule = new ArrivalSchedule(0);
        schedule.Ramp(TimeSpan.Zero, 0, 100, TimeSpan.FromSeconds(10));

        Assert.Equal(0, schedule.IntendedTime(0).TotalSeconds, 9);
        Assert.Equal(Math.Sqrt(1 / 5.0), schedule.IntendedTime(1).TotalSeconds, 6);
        Assert.Equal(Math.Sqrt(80 / 5.0), schedule.IntendedTime(80).TotalSeconds, 6);
        Assert.Equal(10, schedule.IntendedTime(500).TotalSeconds, 6);
        Assert.Equal(11, schedule.IntendedTime(600).TotalSeconds, 6);
        Assert.Equal(50, schedule.RateAt(TimeSpan.FromSeconds(5)), 9);
        Assert.Equal(100, schedule.RateAt(TimeSpan.FromSeconds(20)), 9);
    }

    [Fact]
    public void IntendedTime_RampDown_SolvesTheQuadratic()
    {
        // 100/s for 10 s (1000 sent), then 100 → 0 over 10 s: Λ = 1000 + 100τ − 5τ²; request 1375 at τ = 5.
        var schedule = new ArrivalSchedule(100);
        schedule.Ramp(TimeSpan.FromSeconds(10), 100, 0, TimeSpan.FromSeconds(10));

        Assert.Equal(15, schedule.IntendedTime(1_375).TotalSeconds, 6);
        Assert.Equal(20, schedule.IntendedTime(1_500).TotalSeconds, 6);

        // After the ramp the rate is 0: nothing more is ever sent.
        Assert.Equal(TimeSpan.MaxValue, schedule.IntendedTime(1_501));
    }

    [Fact]
    public void IntendedTime_PhasesBaselineFaultRecovery_StepsAtEachChange()
    {
        // Baseline 20/s for 120 s, fault 50/s for 600 s, recovery 10/s.
        var schedule = new ArrivalSchedule(20);
        schedule.SetRate(TimeSpan.FromSeconds(120), 50);
        schedule.SetRate(TimeSpan.FromSeconds(720), 10);

        Assert.Equal(119.95, schedule.IntendedTime(2_399).TotalSeconds, 6);
        Assert.Equal(120, schedule.IntendedTime(2_400).TotalSeconds, 6);
        Assert.Equal(120.02, schedule.IntendedTime(2_401).TotalSeconds, 6);
        Assert.Equal(720, schedule.IntendedTime(2_400 + 30_000).TotalSeconds, 6);
        Assert.Equal(721, schedule.IntendedTime(2_400 + 30_000 + 10).TotalSeconds, 6);
        Assert.Equal(3, schedule.Segments);
    }

    [Fact]
    public void IntendedTime_PausedThenResumed_ResumesFromTheResumeTime()
    {
        var schedule = new ArrivalSchedule(10);
        schedule.SetRate(TimeSpan.FromSeconds(1), 0);
        schedule.SetRate(TimeSpan.FromSeconds(5), 10);

        Assert.Equal(0.9, schedule.IntendedTime(9).TotalSeconds, 6);
        Assert.Equal(5, schedule.IntendedTime(10).TotalSeconds, 6);
        Assert.Equal(5.1, schedule.IntendedTime(11).TotalSeconds, 6);
    }

    [Fact]
    public void ExpectedCount_IsTheInverseOfIntendedTime()
    {
        var schedule = new ArrivalSchedule(7);
        schedule.Ramp(TimeSpan.FromSeconds(3), 7, 70, TimeSpan.FromSeconds(4));

        for (var n = 0; n < 400; n += 13)
        {
            Assert.Equal(n, schedule.ExpectedCount(schedule.IntendedTime(n)), 3);
        }
    }

    [Fact]
    public void SetRate_SameInstantTwice_LastWins()
    {
        var schedule = new ArrivalSchedule(10);
        schedule.SetRate(TimeSpan.FromSeconds(1), 100);
        schedule.SetRate(TimeSpan.FromSeconds(1), 20);

        Assert.Equal(2, schedule.Segments);
        Assert.Equal(1.05, schedule.IntendedTime(11).TotalSeconds, 6);
    }

    [Fact]
    public void SetRate_BeforeTheLastChange_Throws()
    {
        var schedule = new ArrivalSchedule(10);
        schedule.SetRate(TimeSpan.FromSeconds(5), 20);

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.SetRate(TimeSpan.FromSeconds(4), 30));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidRate_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalSchedule(rate));
}
