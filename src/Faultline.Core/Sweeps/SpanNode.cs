namespace Faultline.Core.Sweeps;

/// <summary>
/// A node of a YAML document with where its text starts and ends, so a sweep can replace a value or add a
/// key in the text itself (comments, order and styles kept) and the readers read the edited text as a file.
/// </summary>
internal sealed class SpanNode
{
    public SpanNode(SpanNodeKind kind, int start, int end, int line, int column, string value, bool isQuoted, bool isFlow)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = line;
        Column = column;
        Value = value;
        IsQuoted = isQuoted;
        IsFlow = isFlow;
    }

    public SpanNodeKind Kind { get; }

    /// <summary>The index of the node's first character in the text.</summary>
    public int Start { get; }

    /// <summary>The index just after a scalar's last character (quotes included); for collections, where the parser ended them.</summary>
    public int End { get; }

    /// <summary>The 1-based line, as the readers' locations count it.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, as the readers' locations count it.</summary>
    public int Column { get; }

    /// <summary>A scalar's text; empty for collections.</summary>
    public string Value { get; }

    public bool IsQuoted { get; }

    /// <summary>Whether a mapping or list is written in flow style (<c>{ a: 1 }</c>, <c>[a, b]</c>).</summary>
    public bool IsFlow { get; }

    /// <summary>A mapping's entries in file order.</summary>
    public List<(SpanNode Key, SpanNode Value)> Entries { get; } = [];

    /// <summary>A list's items in file order.</summary>
    public List<SpanNode> Items { get; } = [];

    /// <summary>Whether the node is YAML's null (an empty or <c>~</c>/<c>null</c> plain scalar).</summary>
    public bool IsNull => Kind == SpanNodeKind.Scalar && !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The first entry with the key (exact), or <c>null</c>.</summary>
    public (SpanNode Key, SpanNode Value)? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Kind == SpanNodeKind.Scalar && string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The keys of a mapping, in file order, without repeats.</summary>
    public IReadOnlyList<string> Keys() =>
        Entries.Where(e => e.Key.Kind == SpanNodeKind.Scalar).Select(e => e.Key.Value).Distinct(StringComparer.Ordinal).ToList();
}
