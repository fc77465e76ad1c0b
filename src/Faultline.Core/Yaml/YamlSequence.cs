using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>A sequence (list) of nodes.</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(SourceLocation location, IReadOnlyList<YamlNode> items)
        : base(location)
    {
        Items = items;
    }

    /// <summary>The items, in file order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }

    /// <inheritdoc />
    public override string Kind => "a list";
}
