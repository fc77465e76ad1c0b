using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>A node of a parsed YAML document, with where it starts in the file.</summary>
public abstract class YamlNode
{
    /// <summary>Creates a node starting at a location.</summary>
    protected YamlNode(SourceLocation location)
    {
        Location = location;
    }

    /// <summary>Where the node starts (1-based line and column).</summary>
    public SourceLocation Location { get; }

    /// <summary>The node's kind as messages name it: <c>a mapping</c>, <c>a list</c>, <c>a value</c>.</summary>
    public abstract string Kind { get; }
}
