using Faultline.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Time;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToWallTime_Scale20_LabNowMapsToWallNow()
    {
        var wall = new FakeTimeProvider(Wall);
        var lab = new ScaledTimeProvider(wall, 20);

        wall.Advance(TimeSpan.FromSeconds(30));
        var labNow = lab.GetUtcNow();

        Assert.Equal(Wall.AddMinutes(10), labNow);
        Assert.Equal(Wall.AddSeconds(30), lab.ToWallTime(labNow));
        Assert.Equal(Wall, lab.ToWallTime(Wall));
    }
}
