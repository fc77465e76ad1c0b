using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests;

/// <summary>
/// A typed option's value that does not convert (a number, true/false) is a usage error of our own, not Spectre's
/// "Failed to convert 'abc' to Nullable`1": the option, the value as typed, what it takes, did-you-mean, its help line.
/// </summary>
public sealed class OptionValuesTests
{
    public static TheoryData<string[], string> BadValues() => new()
    {
        {
            ["run", "EXPERIMENT", "--seed", "abc"],
            "error: --seed 'abc' is not a whole number; --seed <N>: Seed of the run's random source. Default: the experiment's seed, else 42"
        },
        {
            ["plan", "EXPERIMENT", "--seed", "1.5"],
            "error: --seed '1.5' is not a whole number; --seed <N>: First seed of the prediction's runs (the others follow it). Default: the experiment's seed, else 42"
        },
        {
            ["simulate", "EXPERIMENT", "--runs", "10x"],
            "error: --runs '10x' is not a whole number; did you mean '10'? --runs <N>: Run N seeds (per --set point) and report the distribution: verdicts, each check's pass rate, time to unhealthy, to DNS moving, customer outage. Default: 1"
        },
        {
            ["run", "EXPERIMENT", "--no-dashboard", "--metrics-port=1,000"],
            "error: --metrics-port '1,000' is not a whole number; did you mean '1000'? --metrics-port <PORT>: Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while running (0 picks a free port; the URL is printed). Default: off"
        },
        {
            ["lab", "up", "TOPOLOGY", "--dns-port:53a"],
            "error: --dns-port '53a' is not a whole number; did you mean '53'? --dns-port <PORT>: DNS server port on 127.0.0.1 (UDP and TCP); 0 picks a free one. Default: 8053"
        },
        {
            ["load", "http://127.0.0.1:1/", "--rate", "1", "--metrics-port", "http"],
            "error: --metrics-port 'http' is not a whole number; --metrics-port <PORT>: Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while sending (0 picks a free port; the URL is printed). Default: off"
        },
        {
            // A fault's options are the fault kind's, with the one message the experiment file and the control API give.
            ["fault", "add", "latency", "--delay", "1s", "--percentage", "50%"],
            "error: fault add latency: --percentage is '50%', which is not a number; write a number such as 50"
        },
        {
            ["fault", "add", "error", "--prevent-execution=flase"],
            "error: fault add error: --prevent-execution is 'flase', which is not true or false; write true or false"
        },
        {
            // A switch takes no value: Spectre's "Flags cannot be assigned a value." named neither the switch nor the value.
            ["lint", "TOPOLOGY", "--strict=maybe"],
            "error: --strict is a switch and takes no value, but got 'maybe'; write --strict alone to turn it on, or leave it out. --strict: Exit 1 when there are warnings, not only errors."
        },
        {
            // A value is echoed safely: control characters become '?'.
            ["run", "EXPERIMENT", "--dashboard-port", "\u001b[31m9000"],
            "error: --dashboard-port '?[31m9000' is not a whole number; --dashboard-port <PORT>: Serve the live dashboard at http://127.0.0.1:PORT/ (the URL is printed). Default: 0, a free port"
        },

        // Text options that name a choice say the same: did-you-mean, then what they take.
        {
            ["lint", "TOPOLOGY", "--output", "jsn"],
            "error: --output 'jsn' is not an output format; did you mean 'json'? use text (for people, the default) or json (one JSON document on standard output)"
        },
        {
            ["fault", "list", "--output", "txt"],
            "error: --output 'txt' is not an output format; did you mean 'text'? use text (for people, the default) or json (one JSON document on standard output)"
        },
        {
            ["run", "EXPERIMENT", "--engine", "simulatd"],
            "error: --engine 'simulatd' is not an engine; did you mean 'simulated'? use live (real sockets, the default) or simulated (virtual time)"
        },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task BadValue_ExitsTwoNamingTheOptionAndWhatItTakes(string[] args, string expected)
    {
        var (code, output, error) = await CliRun.RunSplitAsync(Resolve(args));

        Assert.True(code == ExitCodes.InvalidInput, $"exit {code}; stdout: {output}; stderr: {error}");
        Assert.Empty(output);
        Assert.Equal([expected, CliErrors.UsageHint], error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task BadValue_LongValue_IsCut()
    {
        var value = new string('x', 500);

        var (code, _, error) = await CliRun.RunSplitAsync(Resolve(["simulate", "EXPERIMENT", "--seed", value]));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --seed '{new string('x', 80)}…' is not a whole number; ", error, StringComparison.Ordinal);
    }

    public static TheoryData<string> SettingsTypes() => [.. OptionValues.SettingsTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(SettingsTypes))]
    public async Task PathOf_EverySettingsType_NamesTheCommandItBelongsTo(string settingsType)
    {
        // The path comes from the house layout (Commands/<Area>/<Area><Verb>Settings); a settings type outside it
        // would leave its options' bad values to Spectre's message.
        var path = OptionValues.PathOf(typeof(OptionValues).Assembly.GetType(settingsType)!);

        var (code, output) = await CliRun.RunAsync([.. path.Split(' '), "--help"]);

        Assert.True(code == 0, $"'faultline {path} --help' exited {code}: {output}");
        Assert.Contains($"faultline {path} ", output, StringComparison.Ordinal);
    }

    private static string[] Resolve(string[] args) => [.. args.Select(a => a switch
    {
        "EXPERIMENT" => RepoPaths.Combine("samples", "seed", "experiment.yaml"),
        "TOPOLOGY" => RepoPaths.Combine("samples", "seed", "topology.yaml"),
        _ => a,
    })];
}
