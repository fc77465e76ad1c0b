using Faultline.Cli.Commands;
using Faultline.Cli.Commands.Run;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands;

public sealed class TimeScaleOptionTests
{
    private static string SeedExperiment => RepoPaths.Combine("samples", "seed", "experiment.yaml");

    private static string SeedTopology => RepoPaths.Combine("samples", "seed", "topology.yaml");

    [Fact]
    public async Task Run_TimeScaleNotANumber_SaysWhatATimeScaleIs()
    {
        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--time-scale", "abc");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(
            "error: --time-scale 'abc' is not a time scale; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000, or auto (calibrates the highest scale this host keeps)",
            output,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("5000")]
    [InlineData("0")]
    [InlineData("99999999999999999999")]
    public async Task Run_TimeScaleOutOfRange_GivesTheRange(string scale)
    {
        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--time-scale", scale);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --time-scale {scale} is out of range; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabUp_TimeScaleAuto_SaysAutoIsOnlyForRun()
    {
        var (code, output) = await CliRun.RunAsync("lab", "up", SeedTopology, "--time-scale", "auto");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: --time-scale auto is only for 'faultline run', which calibrates before the baseline; give the lab a number, e.g. --time-scale 20", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabUp_TimeScaleNotANumber_DoesNotOfferAuto()
    {
        var (code, output) = await CliRun.RunAsync("lab", "up", SeedTopology, "--time-scale", "fast");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: --time-scale 'fast' is not a time scale; write a number of lab seconds per wall second, e.g. 20, from 0.1 to 1000\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public void RunSettings_TimeScaleAuto_IsAFlagAndLeavesTheNumberUnset(string text)
    {
        var settings = new RunSettings { Experiment = SeedExperiment, TimeScaleText = text };

        Assert.True(settings.Validate().Successful);
        Assert.True(settings.TimeScaleAuto);
        Assert.Null(settings.TimeScale);
    }

    [Fact]
    public void RunSettings_TimeScaleNumber_IsTheNumber()
    {
        var settings = new RunSettings { Experiment = SeedExperiment, TimeScaleText = "5" };

        Assert.True(settings.Validate().Successful);
        Assert.False(settings.TimeScaleAuto);
        Assert.Equal(5, settings.TimeScale);
    }

    [Theory]
    [InlineData("0.1", null)]
    [InlineData("1000", null)]
    [InlineData("0.09", "out of range")]
    [InlineData("NaN", "is not a time scale")]
    public void Validate_Bounds(string text, string? error)
    {
        var message = TimeScaleOption.Validate(text, allowAuto: false);

        if (error is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.Contains(error, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("5000")]
    [InlineData("fast")]
    public void TimeScale_OnTheCommandLineAndInAFile_OneRuleOneMessage(string scale)
    {
        var yaml = File.ReadAllText(SeedTopology).Replace("name: hello-api", $"name: hello-api\ntimeScale: {scale}", StringComparison.Ordinal);

        var option = TimeScaleOption.Validate(scale, allowAuto: false);
        var file = Assert.Single(TopologyReader.Read(yaml, "topology.yaml").Diagnostics);

        Assert.NotNull(option);
        Assert.Equal(option.Replace("--time-scale", "timeScale", StringComparison.Ordinal), $"{file.Message}; {file.Fix}");
    }
}
