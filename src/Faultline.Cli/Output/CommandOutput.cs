using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Faultline.Cli.Output;

/// <summary>
/// Where one command's output goes under <c>--output</c> and <c>-q</c>. Text: everything on standard output, as
/// always. JSON: exactly one JSON document on standard output (<see cref="WriteJson(string)"/>), every other line on
/// standard error. Quiet: only the verdict line (<see cref="WriteVerdictLine"/>) or the JSON document on standard
/// output, and only <see cref="Problems"/> on standard error. Exit codes never depend on it.
/// </summary>
internal sealed class CommandOutput
{
    // Relaxed escaping: the document goes to a terminal or a parser, never into HTML, so "it's" stays readable.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IAnsiConsole _standardOutput;

    private CommandOutput(IAnsiConsole standardOutput, IAnsiConsole problems, OutputFormat format, bool quiet)
    {
        _standardOutput = standardOutput;
        Problems = problems;
        Format = format;
        Quiet = quiet;
    }

    /// <summary>The format asked for.</summary>
    public OutputFormat Format { get; }

    /// <summary>Whether <c>-q</c> was given.</summary>
    public bool Quiet { get; }

    /// <summary>Whether standard output carries the JSON document.</summary>
    public bool IsJson => Format == OutputFormat.Json;

    /// <summary>
    /// Where errors and warnings go: standard output in text mode (with the rest, as always), standard error with
    /// <c>--output json</c> or <c>-q</c>, so neither a parser nor a script reading the verdict line meets them.
    /// </summary>
    public IAnsiConsole Problems { get; }

    /// <summary>
    /// Standard output itself, for a stream of lines that is the command's result in every mode (<c>load --emf -</c>):
    /// unlike the command's console, <c>-q</c> does not silence it.
    /// </summary>
    public IAnsiConsole StandardOutput => _standardOutput;

    /// <summary>
    /// Routes <paramref name="console"/> (the command's console) for this output mode and returns where the result
    /// and problems go. A console that is not the application's <see cref="CliConsole"/> (an app built in a test
    /// with one command) is both standard output and standard error, and its lines for people are never dropped.
    /// </summary>
    public static CommandOutput Begin(IAnsiConsole console, OutputFormat format, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (console is CliConsole routed)
        {
            routed.Route(format, quiet);
            return new CommandOutput(routed.Output, format == OutputFormat.Json || quiet ? routed.Error : routed.Output, format, quiet);
        }

        return new CommandOutput(console, console, format, quiet);
    }

    /// <summary>As <see cref="Begin(IAnsiConsole, OutputFormat, bool)"/>, for the <c>--output</c> and <c>-q</c> of <paramref name="settings"/>.</summary>
    public static CommandOutput Begin(IAnsiConsole console, IOutputSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Begin(console, OutputOptions.FormatOf(settings), settings.Quiet);
    }

    /// <summary>Writes the command's one JSON document to standard output, whole and unwrapped.</summary>
    public void WriteJson(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = _standardOutput.Profile.Out.Writer;
        writer.Write(document.Trim());
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>Writes <paramref name="document"/> indented, as the command's one JSON document.</summary>
    public void WriteJson(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        WriteJson(document.ToJsonString(Indented));
    }

    /// <summary>
    /// With <c>-q</c> in text mode, writes <paramref name="line"/> (plain text, unwrapped) to standard output: the one
    /// line a quiet command prints. Otherwise does nothing, since the lines for people already say it.
    /// </summary>
    public void WriteVerdictLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Quiet && !IsJson)
        {
            var writer = _standardOutput.Profile.Out.Writer;
            writer.Write(line);
            writer.Write('\n');
            writer.Flush();
        }
    }
}
