using Faultline.Core.Functions;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class ChaosExtensionSettingsTests
{
    private static ChaosExtensionSettings From(params (string Name, string Value)[] variables) =>
        ChaosExtensionSettings.From(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void From_Nothing_UsesExtensionDefaults()
    {
        var settings = From();

        Assert.False(settings.LatencyEnabled);
        Assert.False(settings.ResponseChangeEnabled);
        Assert.Equal(TimeSpan.FromSeconds(900), settings.Latency);
        Assert.Equal(0.9, settings.LatencyChance);
        Assert.Equal(0.9, settings.ResponseChangeChance);
        Assert.Equal("""{"statusCode": 500, "body": "hello, Chaos!!!"}""", settings.Response);
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData("1.5", 900)]
    [InlineData("-1", 900)]
    [InlineData("abc", 900)]
    [InlineData("", 900)]
    public void From_LatencyValue_IsWholeSecondsElse900(string value, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), From(("CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE", value)).Latency);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("True", false)]
    [InlineData("yes", false)]
    public void From_EnableLatency_AcceptsOnlyLowercaseTrue(string value, bool expected)
    {
        Assert.Equal(expected, From(("CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY", value)).LatencyEnabled);
    }

    [Theory]
    [InlineData("CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY")]
    [InlineData("CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY")]
    public void From_EitherResponseVariableSpelling_EnablesResponseChange(string name)
    {
        Assert.True(From((name, "true")).ResponseChangeEnabled);
    }

    [Fact]
    public void From_Probabilities_ParsedOrDefault()
    {
        var settings = From(("CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY", "0.25"), ("CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY", "lots"));

        Assert.Equal(0.25, settings.LatencyChance);
        Assert.Equal(0.9, settings.ResponseChangeChance);
    }
}
