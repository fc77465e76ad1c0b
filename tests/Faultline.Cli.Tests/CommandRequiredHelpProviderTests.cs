using Faultline.Cli.Tests.Support;

namespace Faultline.Cli.Tests;

/// <summary>A command group without one of its commands is a usage error (exit 2, README "Exit codes"); --help is not.</summary>
public sealed class CommandRequiredHelpProviderTests
{
    [Theory]
    [InlineData("'faultline lab' needs a command: up", "lab")]
    [InlineData("'faultline fault' needs a command: add, list, remove, reset", "fault")]
    [InlineData("'faultline export' needs a command: aws", "export")]
    [InlineData("'faultline import' needs a command: fis", "import")]
    [InlineData("'faultline lab' needs a command: up", "lab", "--time-scale", "20")]
    [InlineData("'faultline fault' needs a command: add, list, remove, reset", "fault", "--lab", "http://127.0.0.1:8474")]
    public async Task Group_WithoutCommand_ExitsTwoNamingItsCommandsOnStandardError(string message, params string[] args)
    {
        var (code, output, error) = await CliRun.RunSplitAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Equal($"error: {message}\nrun 'faultline --help' or 'faultline COMMAND --help' for usage\n", error);
    }

    [Fact]
    public async Task Faultline_WithoutCommand_ExitsTwoNamingTheCommands()
    {
        var (code, output, error) = await CliRun.RunSplitAsync();

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.StartsWith("error: 'faultline' needs a command: init, lint, plan, lab, run, simulate, load, analyze, export, import, fault, recover, report\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("lab", "--help")]
    [InlineData("fault", "-h")]
    [InlineData("fault", "list", "--help")]
    public async Task Help_AskedFor_IsPrintedOnStandardOutputAndExitsZero(params string[] args)
    {
        var (code, output, error) = await CliRun.RunSplitAsync(args);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("USAGE:", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }
}
