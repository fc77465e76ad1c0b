namespace Faultline.Cli.Output;

/// <summary>
/// <c>--output text|json</c> and <c>-q|--quiet</c>, which <c>run</c>, <c>simulate</c>, <c>lint</c>, <c>plan</c>,
/// <c>fault list</c> and <c>report</c> share (<c>load</c> has <c>-q</c> only): their parsing and help text in one place.
/// </summary>
internal static class OutputOptions
{
    /// <summary>The declaration of <c>--output</c>, with <see cref="OutputDescription"/> and <see cref="DefaultOutput"/>.</summary>
    public const string OutputTemplate = "--output <FORMAT>";

    /// <summary>The declaration of <c>-q|--quiet</c>.</summary>
    public const string QuietTemplate = "-q|--quiet";

    /// <summary>The help text of <c>--output</c>.</summary>
    public const string OutputDescription = "text (default): lines and tables for people; json: exactly one JSON document on standard output, every other line (progress, URLs, logs, errors) on standard error. Exit codes do not change";

    /// <summary>The help text of <c>-q|--quiet</c>.</summary>
    public const string QuietDescription = "Print only the verdict line (with --output json, only the JSON document): no banner, no progress; errors and warnings still go to standard error";

    /// <summary>The value of <c>--output</c> when it is not given.</summary>
    public const string DefaultOutput = "text";

    /// <summary>Every value <c>--output</c> takes, as typed.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json"];

    /// <summary>The format <paramref name="text"/> names (case-insensitive), or <c>null</c> when it names none.</summary>
    public static OutputFormat? Parse(string? text) => text?.ToUpperInvariant() switch
    {
        "TEXT" => OutputFormat.Text,
        "JSON" => OutputFormat.Json,
        _ => null,
    };

    /// <summary>The output format the settings ask for (valid after validation); <see cref="OutputFormat.Text"/> when none was given.</summary>
    public static OutputFormat FormatOf(IOutputSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Parse(settings.OutputText) ?? OutputFormat.Text;
    }

    /// <summary>The usage error for an <c>--output</c> that names no format, or <c>null</c> when it names one.</summary>
    public static string? Validate(string? text) => Parse(text) is null ? CliErrors.OutputFormatUnknown(text ?? string.Empty) : null;
}
