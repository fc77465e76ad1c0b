namespace Faultline.Core.Sweeps;

/// <summary>A replacement of <c>[Start, End)</c> of a text; <see cref="NewLineAt"/> is the original line a key added on its own line is written above (0 when no line is added).</summary>
internal sealed record TextEdit(int Start, int End, string Text, int NewLineAt)
{
    /// <summary>Applies edits that do not overlap, last first so earlier indexes stay valid.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result = string.Concat(result.AsSpan(0, edit.Start), edit.Text, result.AsSpan(edit.End));
        }

        return result;
    }

    /// <summary>
    /// The line of the original text that line <paramref name="line"/> of the edited text was; a line a key
    /// was added on maps to the line below it.
    /// </summary>
    public static int OriginalLine(int line, IEnumerable<TextEdit> edits)
    {
        var added = 0;
        foreach (var at in edits.Where(e => e.NewLineAt > 0).Select(e => e.NewLineAt).Order())
        {
            if (line > at + added)
            {
                added++;
            }
            else
            {
                break;
            }
        }

        return line - added;
    }

    /// <summary>The edit that writes <paramref name="value"/> where <paramref name="path"/> leads in <paramref name="text"/>.</summary>
    public static TextEdit For(ResolvedPath path, string value, string text)
    {
        var formatted = YamlScalarText.Format(value);
        if (path.Value is { } existing)
        {
            if (existing.Start < existing.End || path.Key is null)
            {
                return new TextEdit(existing.Start, existing.End, formatted, 0);
            }

            // "key:" with nothing after it: write the value after the colon.
            var colon = text.IndexOf(':', path.Key.End);
            return new TextEdit(colon + 1, colon + 1, " " + formatted, 0);
        }

        var parent = path.Parent;
        var entry = $"{YamlScalarText.Format(path.LastKey)}: {formatted}";
        if (parent.IsFlow)
        {
            return parent.Entries.Count > 0
                ? new TextEdit(parent.Entries[^1].Value.End, parent.Entries[^1].Value.End, ", " + entry, 0)
                : new TextEdit(parent.Start + 1, parent.Start + 1, entry, 0);
        }

        // A block mapping: the new key goes on its own line above the first key, at the same column (after a
        // list's "- " the column is kept by indenting the old first key as far).
        var first = parent.Entries[0].Key;
        var lineStart = first.Start == 0 ? 0 : text.LastIndexOf('\n', first.Start - 1) + 1;
        var column = first.Start - lineStart;
        return new TextEdit(first.Start, first.Start, entry + "\n" + new string(' ', column), first.Line);
    }
}
