using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>A mapping: key/value pairs in file order, duplicates kept (they are reported, not lost).</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(SourceLocation location, IReadOnlyList<YamlEntry> entries)
        : base(location)
    {
        Entries = entries;
    }

    /// <summary>The entries, in file order, including duplicate keys.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <inheritdoc />
    public override string Kind => "a mapping";

    /// <summary>The value of the first entry with the key (exact, case-sensitive), or <c>null</c>.</summary>
    public YamlNode? Find(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.KeyText, key, StringComparison.Ordinal))?.Value;
}
