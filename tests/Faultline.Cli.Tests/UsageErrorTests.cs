using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests;

/// <summary>
/// Every command's usage errors — an unknown option, a missing argument, a bad value — exit 2 (README "Exit codes"),
/// print nothing on standard output, and say what is wrong on standard error.
/// </summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-usage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Seed(string file) => RepoPaths.Combine("samples", "seed", file);

    public static TheoryData<string[]> UsageErrors() => new()
    {
        // Unknown options.
        { ["run", "EXPERIMENT", "--bogus"] },
        { ["simulate", "EXPERIMENT", "--bogus"] },
        { ["lint", "TOPOLOGY", "--bogus"] },
        { ["plan", "EXPERIMENT", "--bogus"] },
        { ["load", "http://127.0.0.1:1/", "--rate", "1", "--bogus"] },
        { ["analyze", "--bogus"] },
        { ["export", "aws", "EXPERIMENT", "--bogus"] },
        { ["import", "fis", "TEMPLATE", "--bogus"] },
        { ["lab", "up", "TOPOLOGY", "--bogus"] },
        { ["fault", "add", "latency", "--bogus"] },
        { ["fault", "list", "--bogus"] },
        { ["fault", "remove", "x", "--bogus"] },
        { ["fault", "reset", "--bogus"] },
        { ["recover", "--bogus"] },
        { ["report", "RUN", "--bogus"] },
        { ["init", "DIR", "--bogus"] },

        // Missing arguments and option values.
        { ["run"] },
        { ["simulate"] },
        { ["lint"] },
        { ["plan"] },
        { ["load"] },
        { ["export", "aws"] },
        { ["import", "fis"] },
        { ["lab", "up"] },
        { ["fault", "add"] },
        { ["fault", "remove"] },
        { ["report"] },
        { ["report", "--compare", "RUN"] },
        { ["run", "EXPERIMENT", "--seed"] },
        { ["fault", "list", "--lab"] },

        // Bad values.
        { ["run", "EXPERIMENT", "--seed", "abc"] },
        { ["run", "EXPERIMENT", "--engine", "warp"] },
        { ["run", "EXPERIMENT", "--time-scale", "fast"] },
        { ["simulate", "EXPERIMENT", "--runs", "0"] },
        { ["load", "http://127.0.0.1:1/", "--rate", "0"] },
        { ["lab", "up", "TOPOLOGY", "--dns-port", "70000"] },
        { ["fault", "add", "warp"] },
        { ["fault", "list", "--lab", "not a url"] },

        // An unknown command, and stray arguments.
        { ["bogus"] },
        { ["lab", "bogus"] },
        { ["lint", "TOPOLOGY", "extra"] },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageError_ExitsTwoWithTheErrorOnStandardErrorOnly(string[] args)
    {
        var resolved = args.Select(a => a switch
        {
            "EXPERIMENT" => Seed("experiment.yaml"),
            "TOPOLOGY" => Seed("topology.yaml"),
            "TEMPLATE" => RepoPaths.Combine("samples", "aws", "seed", "fis", "experiment-template.json"),
            "RUN" or "DIR" => Path.Combine(_dir, "x"),
            _ => a,
        }).ToArray();

        var (code, output, error) = await CliRun.RunSplitAsync(resolved);

        Assert.True(code == ExitCodes.InvalidInput, $"exit {code}; stdout: {output}; stderr: {error}");
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "x")), "nothing may be written");
    }

    [Theory]
    [InlineData("run", "EXPERIMENT")]
    [InlineData("simulate", "EXPERIMENT")]
    [InlineData("lint", "TOPOLOGY")]
    [InlineData("plan", "EXPERIMENT")]
    [InlineData("fault", "list")]
    [InlineData("report", "--compare", "A", "B")]
    public async Task Output_UnknownFormat_ExitsTwoNamingTheFormats(params string[] args)
    {
        var resolved = args.Select(a => a switch { "EXPERIMENT" => Seed("experiment.yaml"), "TOPOLOGY" => Seed("topology.yaml"), _ => a });

        var (code, output, error) = await CliRun.RunSplitAsync([.. resolved, "--output", "yaml"]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("error: --output 'yaml' is not an output format; use text (for people, the default) or json (one JSON document on standard output)", error, StringComparison.Ordinal);
    }
}
