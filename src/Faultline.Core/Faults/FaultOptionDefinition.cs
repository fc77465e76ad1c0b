using System.Text;

namespace Faultline.Core.Faults;

/// <summary>
/// One option of a fault kind: its name in files and JSON (<c>statusCode</c>), its flag on the command line
/// (<c>--status-code</c>), its type, bounds, default and help. Every front end reads the option by this definition,
/// and <see cref="FaultOptionErrors"/> builds every message about it.
/// </summary>
public sealed record FaultOptionDefinition
{
    /// <summary>The name in experiment files and the control API's JSON, e.g. <c>statusCode</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the value is written.</summary>
    public required FaultOptionType Type { get; init; }

    /// <summary>One line of help, as <c>fault add --help</c> and docs/faults.md say it.</summary>
    public required string Help { get; init; }

    /// <summary>A valid value, as written, for examples in fixes (e.g. <c>60s</c>).</summary>
    public required string Example { get; init; }

    /// <summary>The default, as written (e.g. <c>500</c>); <c>null</c> when the option has none.</summary>
    public string? Default { get; init; }

    /// <summary>The smallest value of a number or whole number. Default <see cref="double.MinValue"/> (no bound).</summary>
    public double Minimum { get; init; } = double.MinValue;

    /// <summary>The largest value of a number or whole number. Default <see cref="double.MaxValue"/> (no bound). Durations are delays, bounded by <see cref="FaultLimits.MaximumDelay"/>.</summary>
    public double Maximum { get; init; } = double.MaxValue;

    /// <summary>What a good value is, for the fix when a number is out of bounds (e.g. <c>an HTTP status such as 500 or 503</c>). Default empty.</summary>
    public string Meaning { get; init; } = string.Empty;

    /// <summary>For <see cref="FaultOptionType.Choice"/>: the names allowed, in documentation order. Default empty.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For <see cref="FaultOptionType.Choice"/>: the enum the options record holds, whose members are the choices in Pascal case; <c>null</c> otherwise.</summary>
    public Type? ChoiceType { get; init; }

    /// <summary>The command-line flag: the name in kebab case, e.g. <c>--status-code</c>.</summary>
    public string Flag
    {
        get
        {
            var flag = new StringBuilder("--");
            foreach (var c in Name)
            {
                if (char.IsUpper(c))
                {
                    flag.Append('-').Append(char.ToLowerInvariant(c));
                }
                else
                {
                    flag.Append(c);
                }
            }

            return flag.ToString();
        }
    }

    /// <summary>The choice <paramref name="text"/> names (case-insensitive), as written in <see cref="Choices"/>; <c>null</c> when it names none.</summary>
    public string? MatchChoice(string? text) =>
        text is null ? null : Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
}
