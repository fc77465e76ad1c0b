using System.Text;

namespace Faultline.Core.Text;

/// <summary>
/// The one place that decides how user input is echoed in messages: control characters (ESC, CR, BEL…)
/// become <c>?</c>, so a file cannot drive the terminal, and values are cut to a readable length, so a
/// 10 MB value is not printed back.
/// </summary>
public static class Echo
{
    /// <summary>The longest value echoed whole: 80 characters; longer ones end in <c>…</c>.</summary>
    public const int MaxValueLength = 80;

    /// <summary>The longest message a diagnostic keeps: 2,000 characters; longer ones end in <c>…</c>.</summary>
    public const int MaxMessageLength = 2_000;

    /// <summary>A value as messages quote it: control characters replaced, at most <see cref="MaxValueLength"/> characters and an ellipsis.</summary>
    public static string Value(string? text) => Clean(text, MaxValueLength);

    /// <summary>A whole message made safe to print: control characters replaced, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string Message(string? text) => Clean(text, MaxMessageLength);

    /// <summary>Whether the text holds a character that <see cref="Value"/> would replace.</summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > maxLength;
        var length = cut ? maxLength : text.Length;
        if (!cut && !HasControlCharacters(text))
        {
            return text;
        }

        var builder = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            builder.Append(IsControl(text[i]) ? '?' : text[i]);
        }

        // Never leave half of a surrogate pair at the cut.
        if (cut && builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
        {
            builder.Length--;
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    // C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides that reorder
    // what a terminal shows.
    private static bool IsControl(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
