using Faultline.Core.Yaml;
using Xunit;

namespace Faultline.Core.Tests.Yaml;

public sealed class YamlValuesTests
{
    private static readonly Dictionary<string, StringComparison> Modes = new(StringComparer.Ordinal)
    {
        ["Ordinal"] = StringComparison.Ordinal,
        ["OrdinalIgnoreCase"] = StringComparison.OrdinalIgnoreCase,
    };

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("PT10M", 600_000)]
    [InlineData("1m30s", 90_000)]
    public void Duration_Valid_Parsed(string text, double expectedMs)
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), YamlValues.Duration(Scalar(text), "x", "d", context));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Enum_CaseInsensitive_MatchesAndBadValueSuggests()
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Equal(StringComparison.OrdinalIgnoreCase, YamlValues.Enum(Scalar("ordinalignorecase"), "x", "mode", Modes, context));
        Assert.Null(YamlValues.Enum(Scalar("Ordnal"), "x", "mode", Modes, context));

        Assert.Equal("f.yaml:1:1: x has mode 'Ordnal', which is not allowed; did you mean 'Ordinal'? allowed: Ordinal, OrdinalIgnoreCase", Assert.Single(context.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("1e3", true, 1000)]
    [InlineData("0.5", true, 0.5)]
    [InlineData("1,5", false, 0)]
    [InlineData("NaN", false, 0)]
    [InlineData("Infinity", false, 0)]
    public void TryParseNumber_InvariantFiniteOnly(string text, bool ok, double expected)
    {
        Assert.Equal(ok, YamlValues.TryParseNumber(text, out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }

    private static YamlScalar Scalar(string text) => new(new("f.yaml", 1, 1), text, isQuoted: false);
}
