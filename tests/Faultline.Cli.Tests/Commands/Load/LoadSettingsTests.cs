using Faultline.Cli.Tests.Support;

namespace Faultline.Cli.Tests.Commands.Load;

/// <summary>Bad options of <c>faultline load</c> stop it before anything is sent (exit 2) with a message naming the option and the fix.</summary>
public sealed class LoadSettingsTests
{
    private const string Url = "http://127.0.0.1:9/api/hello";

    [Theory]
    [InlineData("0", "--rate 0 is out of range; write requests per second, from 0.1 to 10000 (for more, run several load generators)")]
    [InlineData("-5", "--rate -5 is out of range; write requests per second, from 0.1 to 10000 (for more, run several load generators)")]
    [InlineData("1000000", "--rate 1000000 is out of range; write requests per second, from 0.1 to 10000 (for more, run several load generators)")]
    [InlineData("fast", "--rate 'fast' is not a number; write requests per second, from 0.1 to 10000, e.g. --rate 10")]
    [InlineData("NaN", "--rate 'NaN' is not a number; write requests per second, from 0.1 to 10000, e.g. --rate 10")]
    public async Task Load_BadRate_IsInvalidInput(string rate, string message)
    {
        var (code, output) = await CliRun.RunAsync("load", Url, "--rate", rate);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NoRate_IsInvalidInputSayingItIsRequired()
    {
        var (code, output) = await CliRun.RunAsync("load", Url);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--rate is required: the total requests per second, from 0.1 to 10000, split evenly across the URLs, e.g. --rate 10", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon", "--duration 'soon' is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M")]
    [InlineData("-3s", "--duration '-3s' is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M")]
    [InlineData("13h", "--duration 13h is out of range; write a duration from 1s to 12h (FIS's longest experiment)")]
    [InlineData("500ms", "--duration 500ms is out of range; write a duration from 1s to 12h (FIS's longest experiment)")]
    [InlineData("48h", "--duration 48h is out of range; write a duration from 1s to 12h (FIS's longest experiment)")]
    public async Task Load_BadDuration_IsInvalidInput(string duration, string message)
    {
        var (code, output) = await CliRun.RunAsync("load", Url, "--rate", "10", "--duration", duration);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.example.com/api/hello")]
    [InlineData("ftp://127.0.0.1/api/hello")]
    [InlineData("http://user:pw@127.0.0.1/api/hello")]
    public async Task Load_BadUrl_IsInvalidInput(string url)
    {
        var (code, output) = await CliRun.RunAsync("load", url, "--rate", "10");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"'{url}' is not an http or https URL; write it whole, e.g. https://api.example.com/api/hello", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SameUrlTwice_IsInvalidInput()
    {
        var (code, output) = await CliRun.RunAsync("load", Url, Url, "--rate", "10");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"'{Url}' is given twice; name each URL once", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NoUrl_IsInvalidInput()
    {
        var (code, _) = await CliRun.RunAsync("load", "--rate", "10");

        Assert.Equal(ExitCodes.InvalidInput, code);
    }

    [Fact]
    public async Task Load_UnknownOption_IsInvalidInputWithDidYouMean()
    {
        var (code, output) = await CliRun.RunAsync("load", Url, "--rate", "10", "--durration", "5s");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown option '--durration' for 'faultline load'; did you mean '--duration'?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NamespaceCloudWatchRejects_IsInvalidInput()
    {
        var (code, output) = await CliRun.RunAsync("load", Url, "--rate", "10", "--namespace", "AWS/Mine");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--namespace 'AWS/Mine' starts with AWS/, which is reserved for AWS services; e.g. --namespace Faultline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmfIsAFolder_IsInvalidInput()
    {
        var folder = Directory.CreateTempSubdirectory("faultline-load-").FullName;
        try
        {
            var (code, output) = await CliRun.RunAsync("load", Url, "--rate", "10", "--emf", folder);

            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains($"--emf '{folder}' is a folder; name a file (it is created or overwritten), or - for standard output", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Load_EmfInAMissingFolder_IsInvalidInputBeforeSending()
    {
        var (code, output) = await CliRun.RunAsync("load", Url, "--rate", "10", "--emf", "/nonexistent-faultline-dir/metrics.emf");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--emf '/nonexistent-faultline-dir/metrics.emf' cannot be written (", output, StringComparison.Ordinal);
        Assert.DoesNotContain("req/s for", output, StringComparison.Ordinal);
    }
}
