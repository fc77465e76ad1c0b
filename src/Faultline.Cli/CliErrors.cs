using Faultline.Cli.Output;
using Faultline.Core.Text;
using Faultline.Core.Time;
using Faultline.Core.Yaml;

namespace Faultline.Cli;

/// <summary>
/// The command line's own messages (usage and file-system problems), in one place: they are API and pinned by
/// tests. Every value a user typed is echoed through <see cref="Echo.Value"/>.
/// </summary>
internal static class CliErrors
{
    /// <summary>An option the command does not have, with did-you-mean and the command's options.</summary>
    public static string UnknownOption(string option, string command, IReadOnlyCollection<string> options) =>
        $"unknown option '{Echo.Value(option)}' for 'faultline {command}'; {Suggestions.DidYouMean(option, options, "its options")}";

    /// <summary>
    /// An option value its type does not take (Spectre's conversion failed): the value as typed, what the option takes
    /// (<paramref name="kind"/>, e.g. "a whole number"), the value meant when one is close, and the option's help line.
    /// </summary>
    public static string OptionValueInvalid(string option, string value, string kind, string? meant, string usage) =>
        $"{option} '{Echo.Value(value)}' is not {kind}; {DidYouMean(meant)}{usage}";

    /// <summary>A switch (<c>--strict</c>) given a value (<c>--strict=yes</c>): switches are on when present.</summary>
    public static string SwitchTakesNoValue(string option, string value, string? description) =>
        $"{option} is a switch and takes no value, but got '{Echo.Value(value)}'; write {option} alone to turn it on, or leave it out{(description is null ? string.Empty : $". {option}: {description}")}";

    /// <summary>An <c>--engine</c> that names no engine.</summary>
    public static string EngineUnknown(string text) =>
        $"--engine '{Echo.Value(text)}' is not an engine; {DidYouMean(Suggestions.Closest(text, ["live", "simulated"]))}use live (real sockets, the default) or simulated (virtual time)";

    /// <summary>Arguments after <c>--</c>, which no command takes.</summary>
    public static string StrayArguments(string command, IEnumerable<string> arguments) =>
        $"'faultline {command}' takes no arguments after '--', but got {string.Join(' ', arguments.Select(a => $"'{Echo.Value(a)}'"))}; remove them";

    /// <summary>A bad <c>--time-scale</c>: the one time-scale message of <see cref="TimeScales"/>, and <c>auto</c> where allowed.</summary>
    public static string TimeScale(string text, ParseOutcome outcome, bool allowAuto) =>
        $"{TimeScales.Problem("--time-scale", text, outcome)}; {TimeScales.Fix}{(allowAuto && outcome != ParseOutcome.OutOfRange ? ", or auto (calibrates the highest scale this host keeps)" : string.Empty)}";

    /// <summary><c>--time-scale auto</c> given to a command other than <c>run</c>.</summary>
    public static string TimeScaleAutoOnlyForRun() =>
        "--time-scale auto is only for 'faultline run', which calibrates before the baseline; give the lab a number, e.g. --time-scale 20";

    /// <summary>An output folder option that names an existing file.</summary>
    public static string OutputIsAFile(string option, string path) =>
        $"{option} '{Echo.Value(path)}' is a file, but must be a folder; name a folder (it is created when missing), e.g. {option} runs";

    /// <summary>An input file option that names nothing.</summary>
    public static string InputMissing(string option, string path) =>
        $"{option} '{Echo.Value(path)}' does not exist; check the path";

    /// <summary>An input file option that names a folder.</summary>
    public static string InputIsAFolder(string option, string path) =>
        $"{option} '{Echo.Value(path)}' is a folder, but must be a file; name the file itself";

    /// <summary>A file that exists but cannot be read.</summary>
    public static string InputUnreadable(string option, string path, string reason) =>
        $"{option} '{Echo.Value(path)}' cannot be read ({reason}); check that it is a file you may read";

    /// <summary><c>faultline init</c> pointed at an existing file.</summary>
    public static string InitTargetIsAFile(string path) =>
        $"'{Echo.Value(path)}' is a file, but init writes a folder; name a new or existing folder, e.g. faultline init my-lab";

    /// <summary>A file-system error a user can cause (a missing or forbidden path) that reached the top.</summary>
    public static string FileSystem(string reason) =>
        $"{reason}; check the path and its permissions";

    /// <summary>An <c>--output</c> that names no format.</summary>
    public static string OutputFormatUnknown(string text) =>
        $"--output '{Echo.Value(text)}' is not an output format; {DidYouMean(Suggestions.Closest(text, OutputOptions.Names))}use text (for people, the default) or json (one JSON document on standard output)";

    /// <summary><c>report --output FILE</c>, the option's meaning before <c>--output</c> became the format.</summary>
    public static string ReportOutputIsAFile(string text) =>
        $"--output '{Echo.Value(text)}' is not an output format; use text or json, and name the comparison page's file with --html, e.g. --html {Echo.Value(text)}";

    /// <summary>A command group (<c>lab</c>, <c>fault</c>, …), or <c>faultline</c> itself, given without one of its commands.</summary>
    public static string MissingCommand(string path, IReadOnlyList<string> commands) =>
        $"'{path}' needs a command: {string.Join(", ", commands)}";

    // "did you mean 'x'? " before the fix, as the unknown-option message and the YAML readers put it; nothing when no value is close.
    private static string DidYouMean(string? meant) => meant is null ? string.Empty : $"did you mean '{meant}'? ";

    /// <summary>The hint printed under every usage error.</summary>
    public const string UsageHint = "run 'faultline --help' or 'faultline COMMAND --help' for usage";
}
