namespace Faultline.Cli.Output;

/// <summary>What a command prints on standard output, as <c>--output</c> chooses.</summary>
internal enum OutputFormat
{
    /// <summary>Lines and tables for people (the default).</summary>
    Text,

    /// <summary>Exactly one JSON document on standard output; every other line goes to standard error.</summary>
    Json,
}
