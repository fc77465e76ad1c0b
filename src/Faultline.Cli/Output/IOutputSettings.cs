namespace Faultline.Cli.Output;

/// <summary>
/// The settings of a command with <c>--output text|json</c> and <c>-q|--quiet</c>, declared as <see cref="OutputOptions"/>
/// says (names, help text, default) and read through <see cref="OutputOptions.FormatOf"/>. Most such commands derive
/// from <see cref="Commands.OutputSettings"/>; <c>run</c> and <c>fault list</c> derive from
/// <see cref="Commands.LabConnectionSettings"/> (a class has one base, and <c>fault add</c> or <c>recover</c> must not
/// gain <c>--output</c>), so they bind the same declaration to properties of their own.
/// </summary>
internal interface IOutputSettings
{
    /// <summary><c>--output</c> as typed: <c>text</c> (default) or <c>json</c>; valid after validation.</summary>
    string OutputText { get; }

    /// <summary>Whether <c>-q</c> asked for only the result line (or the JSON document). Default: <c>false</c>.</summary>
    bool Quiet { get; }
}
