using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lab;

/// <summary>Settings of <c>faultline lab up</c>.</summary>
internal sealed class LabUpSettings : CommandSettings
{
    /// <summary>The DNS port used when none is given.</summary>
    public const int DefaultDnsPort = 8053;

    /// <summary>The gateway port used when none is given.</summary>
    public const int DefaultHttpPort = 8080;

    /// <summary>The fault control port used when none is given (Toxiproxy's, for familiarity).</summary>
    public const int DefaultControlPort = 8474;

    /// <summary>The topology file.</summary>
    [CommandArgument(0, "<topology>")]
    [Description("The topology file, e.g. samples/seed/topology.yaml.")]
    public string Topology { get; init; } = string.Empty;

    /// <summary>The DNS server's port on 127.0.0.1.</summary>
    [CommandOption("--dns-port <PORT>")]
    [Description("DNS server port on 127.0.0.1 (UDP and TCP); 0 picks a free one. Default: 8053")]
    [DefaultValue(DefaultDnsPort)]
    public int DnsPort { get; init; } = DefaultDnsPort;

    /// <summary>The port all gateways share.</summary>
    [CommandOption("--http-port <PORT>")]
    [Description("Port every region's gateway listens on (127.0.k.1); 0 picks a free one. Default: 8080")]
    [DefaultValue(DefaultHttpPort)]
    public int HttpPort { get; init; } = DefaultHttpPort;

    /// <summary>The fault control API's port on 127.0.0.1.</summary>
    [CommandOption("--control-port <PORT>")]
    [Description("Fault control API port on 127.0.0.1; 0 picks a free one. Default: 8474")]
    [DefaultValue(DefaultControlPort)]
    public int ControlPort { get; init; } = DefaultControlPort;

    /// <summary><c>--time-scale</c> as typed: lab seconds per wall second, 0.1 to 1000; read it through <see cref="TimeScale"/>.</summary>
    [CommandOption("--time-scale <K>")]
    [Description("Lab seconds per wall second, from 0.1 to 1000 (20 runs a 10-minute window in 30 s). Default: the topology's timeScale, else 1")]
    public string? TimeScaleText { get; init; }

    /// <summary>Lab seconds per wall second; overrides the topology's. <c>null</c> when not given.</summary>
    public double? TimeScale => TimeScaleOption.Value(TimeScaleText);

    /// <summary>The seed of the lab's random source.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the lab's random source (per-request fault draws, checker phases, target selection). Default: 42")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    /// <summary>Where the token and descriptor files go.</summary>
    [CommandOption("--state-dir <DIR>")]
    [Description("Where the lab writes its token and descriptor files. Default: $FAULTLINE_HOME, else ~/.faultline")]
    public string? StateDirectory { get; init; }

    /// <summary>Whether debug logs (every DNS answer, every failed probe) are shown.</summary>
    [CommandOption("-v|--verbose")]
    [Description("Also log every DNS answer and failed health probe.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Topology))
        {
            return ValidationResult.Error("name the topology file, e.g. faultline lab up samples/seed/topology.yaml");
        }

        foreach (var (name, port) in new[] { ("--dns-port", DnsPort), ("--http-port", HttpPort), ("--control-port", ControlPort) })
        {
            if (port is < 0 or > 65535)
            {
                return ValidationResult.Error($"{name} {port} is not a port; use 1-65535, or 0 to pick a free one");
            }
        }

        if (TimeScaleOption.Validate(TimeScaleText, allowAuto: false) is { } timeScaleError)
        {
            return ValidationResult.Error(timeScaleError);
        }

        if (PathChecks.OutputFolder("--state-dir", StateDirectory) is { } stateError)
        {
            return ValidationResult.Error(stateError);
        }

        return ValidationResult.Success();
    }
}
