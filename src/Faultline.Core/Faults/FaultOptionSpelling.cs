namespace Faultline.Core.Faults;

/// <summary>
/// How a front end writes fault options, so one message names the option as its user wrote it: <see cref="File"/>
/// for experiment files and the control API's JSON (<c>statusCode</c>, <c>delay: 60s</c>), <see cref="Flags"/> for
/// the command line (<c>--status-code</c>, <c>--delay 60s</c>).
/// </summary>
public sealed class FaultOptionSpelling
{
    private readonly bool _flags;

    private FaultOptionSpelling(bool flags) => _flags = flags;

    /// <summary>Experiment files and JSON: the option's <see cref="FaultOptionDefinition.Name"/>.</summary>
    public static FaultOptionSpelling File { get; } = new(flags: false);

    /// <summary>The command line: the option's <see cref="FaultOptionDefinition.Flag"/>.</summary>
    public static FaultOptionSpelling Flags { get; } = new(flags: true);

    /// <summary>The option's name, e.g. <c>statusCode</c> or <c>--status-code</c>.</summary>
    public string Name(FaultOptionDefinition option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return _flags ? option.Flag : option.Name;
    }

    /// <summary>The option given a value, e.g. <c>delay: 60s</c> or <c>--delay 60s</c>.</summary>
    public string Assignment(FaultOptionDefinition option, string value)
    {
        ArgumentNullException.ThrowIfNull(option);
        return _flags ? $"{option.Flag} {value}" : $"{option.Name}: {value}";
    }
}
