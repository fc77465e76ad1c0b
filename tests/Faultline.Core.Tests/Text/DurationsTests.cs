using Faultline.Core.Text;

namespace Faultline.Core.Tests.Text;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("10m", 600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("PT10M", 600_000)]
    [InlineData("pt1m", 60_000)]
    public void TryParse_DurationsAsUsersWriteThem_Parse(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10 minutes")]
    [InlineData("-5s")]
    [InlineData("5x")]
    [InlineData("PTXM")]
    public void TryParse_NotADuration_ReturnsFalse(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0s")]
    public void Format_RoundTripsThroughTryParse(double milliseconds, string expected)
    {
        var text = Durations.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, text);
        Assert.True(Durations.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), back);
    }

    [Theory]
    [InlineData(313.976, "314ms")]
    [InlineData(2_340, "2.3s")]
    [InlineData(660_887.959, "11m1s")]
    [InlineData(-1_500, "-1.5s")]
    public void Describe_RoundsForPeople(double milliseconds, string expected) =>
        Assert.Equal(expected, Durations.Describe(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("25h")]
    [InlineData("24h1ms")]
    [InlineData("1000000h")]
    public void Parse_AboveTheMaximumButHeldByATimeSpan_IsOutOfRangeAndTryParseLeavesTheBoundToTheCaller(string text)
    {
        Assert.Equal(ParseOutcome.OutOfRange, Durations.Parse(text, out var bounded));
        Assert.Equal(TimeSpan.Zero, bounded);
        Assert.True(Durations.TryParse(text, out var value));
        Assert.True(value > Durations.Maximum);
    }

    [Theory]
    [InlineData("1000000000h")]
    [InlineData("256204779h")]
    [InlineData("99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999ms")]
    [InlineData("P99999999D")]
    public void Parse_BeyondWhatATimeSpanHolds_IsOutOfRangeNotAnOverflow(string text)
    {
        Assert.Equal(ParseOutcome.OutOfRange, Durations.Parse(text, out _));
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Parse_TheMaximum_IsValid()
    {
        Assert.Equal(ParseOutcome.Valid, Durations.Parse("24h", out var value));
        Assert.Equal(Durations.Maximum, value);
    }
}
