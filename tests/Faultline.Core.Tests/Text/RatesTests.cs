using Faultline.Core.Text;

namespace Faultline.Core.Tests.Text;

public sealed class RatesTests
{
    [Theory]
    [InlineData("20/s", 20)]
    [InlineData("1200/m", 20)]
    [InlineData("36/h", 0.01)]
    [InlineData(" 12.5 / s ", 12.5)]
    [InlineData("7", 7)]
    [InlineData("0", 0)]
    public void TryParse_RatesAsUsersWriteThem_GivesRequestsPerSecond(string text, double expected)
    {
        Assert.True(Rates.TryParse(text, out var perSecond));
        Assert.Equal(expected, perSecond, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("20/d")]
    [InlineData("20 per second")]
    [InlineData("/s")]
    [InlineData("NaN")]
    public void TryParse_NotARate_ReturnsFalse(string text) => Assert.False(Rates.TryParse(text, out _));

    [Theory]
    [InlineData("1e400/s")]
    [InlineData("99999999999999999999/s")]
    [InlineData("2000000")]
    [InlineData("1e-300/s")]
    [InlineData("0.5/h")]
    public void Parse_OutsideTheBounds_IsOutOfRange(string text) =>
        Assert.Equal(ParseOutcome.OutOfRange, Rates.Parse(text, out _));

    [Theory]
    [InlineData("1/h")]
    [InlineData("1000000/s")]
    [InlineData("0")]
    [InlineData("-5/s")]
    public void Parse_WithinTheBoundsOrNotPositive_IsValid(string text) =>
        Assert.Equal(ParseOutcome.Valid, Rates.Parse(text, out _));
}
