using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Faultline.Core.Sweeps;

/// <summary>
/// Writes a <c>--set</c> value (or a key) into YAML text: plain when it cannot be misread (<c>10s</c>,
/// <c>perRequest</c>, <c>20/s</c>, <c>99%</c>), else double-quoted. The readers treat a quoted value like a
/// plain one except that a quoted <c>null</c> is text, so a swept value always reads as the text given.
/// </summary>
internal static partial class YamlScalarText
{
    public static string Format(string value)
    {
        if (SafePlain().IsMatch(value) && value is not ("null" or "Null" or "NULL"))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ' or '\u007f':
                    builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^-?[A-Za-z0-9][A-Za-z0-9_./%+@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();
}
