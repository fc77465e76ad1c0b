using Faultline.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Faultline.Core.Yaml;

/// <summary>
/// Parses YAML text into <see cref="YamlNode"/>s that keep their start line and column. Built on
/// YamlDotNet's event parser rather than its representation model because the model throws on the first
/// duplicate key; here duplicates are kept so the mapping reader can report each one where it is.
/// Hostile input is bounded: nesting deeper than <see cref="MaxDepth"/> and documents that expand (through
/// aliases) to more than <see cref="MaxNodes"/> values are located errors, not a stack overflow or a
/// billion laughs. Aliases share their anchor's node rather than copying it.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>The deepest nesting of lists and mappings read: 64 levels (Faultline's files need fewer than 10).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values a document may expand to, each alias counted as a copy of its anchor: 1,000,000.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>
    /// Parses the first document of <paramref name="text"/>. Returns <c>null</c> (with a diagnostic added to
    /// <paramref name="context"/>) when the text is not valid YAML or holds no document.
    /// </summary>
    public static YamlNode? Read(string text, YamlReadContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var state = new ParseState();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                context.Error(context.StartOfFile, YamlErrors.EmptyDocument(), YamlErrors.EmptyDocumentFix());
                return null;
            }

            var root = ReadNode(parser, context, state, 1);
            parser.Consume<DocumentEnd>();
            if (parser.TryConsume<DocumentStart>(out var second))
            {
                context.Error(At(context, second.Start), YamlErrors.MoreThanOneDocument(), YamlErrors.MoreThanOneDocumentFix());
            }

            if (root is YamlScalar { IsNull: true })
            {
                context.Error(context.StartOfFile, YamlErrors.EmptyDocument(), YamlErrors.EmptyDocumentFix());
                return null;
            }

            return root;
        }
        catch (LimitException exception)
        {
            context.Error(exception.Location, exception.Message, exception.Fix);
            return null;
        }
        catch (YamlException exception)
        {
            context.Error(At(context, exception.Start), YamlErrors.Syntax(exception), YamlErrors.SyntaxFix());
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) when the text ends inside a flow
            // collection; the last node read is the best location we have.
            context.Error(state.Last ?? context.StartOfFile, YamlErrors.ParserStopped(), YamlErrors.SyntaxFix());
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, YamlReadContext context, ParseState state, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (state.Anchors.TryGetValue(alias.Value.Value, out var target))
            {
                // Readers walk an alias as often as it is used: count the copy, so 9 aliases of 9 aliases of
                // … stop here instead of multiplying later.
                state.Count(state.AnchorSizes[alias.Value.Value], At(context, alias.Start));
                return target;
            }

            throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} names no anchor defined before it");
        }

        if (depth > MaxDepth && parser.Current is SequenceStart or MappingStart)
        {
            throw new LimitException(At(context, parser.Current.Start), YamlErrors.TooDeep(MaxDepth), YamlErrors.TooDeepFix());
        }

        var countedBefore = state.Nodes;
        if (parser.Current is { } current)
        {
            state.Count(1, At(context, current.Start));
        }

        YamlNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = new YamlScalar(At(context, scalar.Start), scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, context, state, depth + 1));
            }

            node = new YamlSequence(At(context, sequenceStart.Start), items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor;
            var entries = new List<YamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, context, state, depth + 1);
                var value = ReadNode(parser, context, state, depth + 1);
                entries.Add(new YamlEntry(key, value));
            }

            node = new YamlMapping(At(context, mappingStart.Start), entries);
        }
        else
        {
            var unexpected = parser.Current;
            throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, $"unexpected {unexpected?.GetType().Name ?? "end of input"}");
        }

        state.Last = node.Location;
        if (!anchor.IsEmpty)
        {
            state.Anchors[anchor.Value] = node;
            state.AnchorSizes[anchor.Value] = state.Nodes - countedBefore;
        }

        return node;
    }

    private sealed class ParseState
    {
        public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> AnchorSizes { get; } = new(StringComparer.Ordinal);

        public SourceLocation? Last { get; set; }

        public long Nodes { get; private set; }

        public void Count(long nodes, SourceLocation at)
        {
            Nodes += nodes;
            if (Nodes > MaxNodes)
            {
                throw new LimitException(at, YamlErrors.TooManyNodes(MaxNodes), YamlErrors.TooManyNodesFix());
            }
        }
    }

    /// <summary>A bound of hostile input was crossed; carries the located diagnostic's parts.</summary>
    private sealed class LimitException(SourceLocation location, string message, string fix) : Exception(message)
    {
        public SourceLocation Location { get; } = location;

        public string Fix { get; } = fix;
    }

    private static SourceLocation At(YamlReadContext context, Mark mark) =>
        new(context.DisplayPath, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
