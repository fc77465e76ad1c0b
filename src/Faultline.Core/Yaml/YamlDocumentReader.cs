using Faultline.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Faultline.Core.Yaml;

/// <summary>
/// Parses YAML text into <see cref="YamlNode"/>s that keep their start line and column. Built on
/// YamlDotNet's event parser rather than its representation model because the model throws on the first
/// duplicate key; here duplicates are kept so the mapping reader can report each one where it is.
/// </summary>
public static class YamlDocumentReader
{
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

            var root = ReadNode(parser, context, state);
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

    private static YamlNode ReadNode(IParser parser, YamlReadContext context, ParseState state)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (state.Anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} names no anchor defined before it");
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
                items.Add(ReadNode(parser, context, state));
            }

            node = new YamlSequence(At(context, sequenceStart.Start), items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor;
            var entries = new List<YamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, context, state);
                var value = ReadNode(parser, context, state);
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
        }

        return node;
    }

    private sealed class ParseState
    {
        public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);

        public SourceLocation? Last { get; set; }
    }

    private static SourceLocation At(YamlReadContext context, Mark mark) =>
        new(context.DisplayPath, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
