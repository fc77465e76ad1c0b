using System.Globalization;
using System.Text.RegularExpressions;

namespace Faultline.Core.Faults;

/// <summary>FIS's target selection mode: <c>ALL</c>, <c>COUNT(n)</c> or <c>PERCENT(n)</c>.</summary>
public sealed partial record SelectionMode(SelectionModeKind Kind, int Value)
{
    /// <summary>Every matching resource.</summary>
    public static readonly SelectionMode All = new(SelectionModeKind.All, 0);

    /// <summary>Parses <c>ALL</c>, <c>COUNT(n)</c> (n ≥ 1) or <c>PERCENT(n)</c> (1–100), case-insensitive.</summary>
    public static bool TryParse(string? text, out SelectionMode mode)
    {
        mode = All;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, "ALL", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var isCount = string.Equals(match.Groups["k"].Value, "COUNT", StringComparison.OrdinalIgnoreCase);
        if (n < 1 || (!isCount && n > 100))
        {
            return false;
        }

        mode = new SelectionMode(isCount ? SelectionModeKind.Count : SelectionModeKind.Percent, n);
        return true;
    }

    /// <summary>How many of <paramref name="available"/> candidates this mode selects (PERCENT rounds down, at least one).</summary>
    public int CountOf(int available) => Kind switch
    {
        SelectionModeKind.All => available,
        SelectionModeKind.Count => Math.Min(Value, available),
        _ => available == 0 ? 0 : Math.Max(1, available * Value / 100),
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SelectionModeKind.All => "ALL",
        SelectionModeKind.Count => $"COUNT({Value})",
        _ => $"PERCENT({Value})",
    };

    [GeneratedRegex(@"^(?<k>COUNT|PERCENT)\((?<n>\d{1,9})\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
