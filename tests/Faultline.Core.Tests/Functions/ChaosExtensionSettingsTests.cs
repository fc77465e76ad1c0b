using Faultline.Core.Functions;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class ChaosExtensionSettingsTests
{
    private static readonly string[] Layer = ["chaos-lambda-extension"];

    private static ChaosExtensionSettings From(params (string Name, string Value)[] variables) => From(ChaosExtensionRelease.Tagged, variables);

    // Attached (layer and wrapper), so the Enabled properties show what the variables ask for.
    private static ChaosExtensionSettings From(ChaosExtensionRelease release, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        environment.TryAdd("AWS_LAMBDA_EXEC_WRAPPER", "/opt/bootstrap");
        return ChaosExtensionSettings.From(environment, Layer, release);
    }

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
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", false)]
    [InlineData(" true", false)]
    public void From_EnableLatency_IsTrueIgnoringCase(string value, bool expected)
    {
        Assert.Equal(expected, From(("CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY", value)).LatencyEnabled);
    }

    [Theory]
    [InlineData(ChaosExtensionRelease.Tagged, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY", true)]
    [InlineData(ChaosExtensionRelease.Tagged, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY", false)]
    [InlineData(ChaosExtensionRelease.Main, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY", true)]
    [InlineData(ChaosExtensionRelease.Main, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY", false)]
    public void From_ResponseSwitch_OnlyTheSpellingTheReleaseReads(ChaosExtensionRelease release, string name, bool expected)
    {
        Assert.Equal(expected, From(release, (name, "true")).ResponseChangeEnabled);
    }

    [Theory]
    [InlineData("chaos-lambda-extension", "/opt/bootstrap", true)]
    [InlineData("arn:aws:lambda:eu-west-1:871265522301:layer:Chaos-Lambda-Extension-aarch64-unknown-linux-gnu-release:9", "/opt/bootstrap", true)]
    [InlineData("some-other-layer", "/opt/bootstrap", false)]
    [InlineData("chaos-lambda-extension", "/opt/other", false)]
    [InlineData("chaos-lambda-extension", null, false)]
    [InlineData(null, "/opt/bootstrap", false)]
    public void From_Attached_NeedsTheLayerAndTheWrapper(string? layer, string? wrapper, bool expected)
    {
        var environment = new Dictionary<string, string> { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" };
        if (wrapper is not null)
        {
            environment["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper;
        }

        var settings = ChaosExtensionSettings.From(environment, layer is null ? [] : [layer]);

        Assert.Equal(expected, settings.Attached);
        Assert.Equal(expected, settings.LatencyEnabled);
        Assert.Equal(!expected, settings.RequestedButNotAttached);
    }

    [Theory]
    [InlineData("+60", 60)]
    [InlineData(" 60", 900)]
    public void From_LatencyValue_ParsesAsRustU64(string value, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), From(("CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE", value)).Latency);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("1e-1", 0.1)]
    [InlineData(" 0.5", 0.9)]
    [InlineData("inf", double.PositiveInfinity)]
    public void From_Probability_ParsesAsRustF64(string value, double expected)
    {
        Assert.Equal(expected, From(("CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY", value)).LatencyChance);
    }

    [Fact]
    public void From_ProbabilityNaN_IsKeptSoNothingIsInjected()
    {
        Assert.True(double.IsNaN(From(("CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY", "NaN")).LatencyChance));
    }

    [Fact]
    public void From_Probabilities_ParsedOrDefault()
    {
        var settings = From(("CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY", "0.25"), ("CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY", "lots"));

        Assert.Equal(0.25, settings.LatencyChance);
        Assert.Equal(0.9, settings.ResponseChangeChance);
    }
}
