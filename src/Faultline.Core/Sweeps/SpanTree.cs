using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Faultline.Core.Sweeps;

/// <summary>
/// Parses YAML text into <see cref="SpanNode"/>s with YamlDotNet's event parser, the one the readers use,
/// so lines and columns agree with the readers' diagnostics. Only ever given text the readers have already
/// accepted (or an edit of it), so it does not repeat their limits and messages.
/// </summary>
internal static class SpanTree
{
    /// <summary>The root of the first document, or <c>null</c> when the text is not YAML or is empty.</summary>
    public static SpanNode? Parse(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            return Read(parser, new Dictionary<string, SpanNode>(StringComparer.Ordinal));
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static SpanNode Read(IParser parser, Dictionary<string, SpanNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            // An alias shares its anchor's text: editing through it edits the anchor, as the file would.
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, "alias names no anchor");
        }

        SpanNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
            node = new SpanNode(SpanNodeKind.Scalar, (int)scalar.Start.Index, (int)scalar.End.Index, Line(scalar.Start), Column(scalar.Start), scalar.Value, quoted, isFlow: false);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<SpanNode>();
            while (!parser.Accept<SequenceEnd>(out _))
            {
                items.Add(Read(parser, anchors));
            }

            var end = parser.Consume<SequenceEnd>();
            node = new SpanNode(SpanNodeKind.Sequence, (int)sequenceStart.Start.Index, (int)end.End.Index, Line(sequenceStart.Start), Column(sequenceStart.Start), string.Empty, isQuoted: false, sequenceStart.Style == SequenceStyle.Flow);
            node.Items.AddRange(items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor;
            var entries = new List<(SpanNode, SpanNode)>();
            while (!parser.Accept<MappingEnd>(out _))
            {
                var key = Read(parser, anchors);
                var value = Read(parser, anchors);
                entries.Add((key, value));
            }

            var end = parser.Consume<MappingEnd>();
            node = new SpanNode(SpanNodeKind.Mapping, (int)mappingStart.Start.Index, (int)end.End.Index, Line(mappingStart.Start), Column(mappingStart.Start), string.Empty, isQuoted: false, mappingStart.Style == MappingStyle.Flow);
            node.Entries.AddRange(entries);
        }
        else
        {
            var unexpected = parser.Current;
            throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, "unexpected event");
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    // As the readers place locations (YamlDocumentReader.At).
    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
