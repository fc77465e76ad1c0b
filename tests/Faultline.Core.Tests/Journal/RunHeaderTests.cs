namespace Faultline.Core.Tests.Journal;

public sealed class RunHeaderTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToWall_TimeScale20_TenLabMinutesAreThirtyWallSeconds()
    {
        var header = JournalSamples.Header() with { WallStartedAt = Wall };

        Assert.Equal(Wall.AddSeconds(30), header.ToWall(JournalSamples.Start.AddMinutes(10)));
        Assert.Equal(Wall, header.ToWall(JournalSamples.Start));
        Assert.Equal(Wall.AddSeconds(-1), header.ToWall(JournalSamples.Start.AddSeconds(-20)));
    }

    [Fact]
    public void ToWall_NoWallTime_IsNull()
    {
        Assert.Null(JournalSamples.Header().ToWall(JournalSamples.Start));
        Assert.Null((JournalSamples.Header() with { WallStartedAt = Wall, TimeScale = 0 }).ToWall(JournalSamples.Start));
    }
}
