using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>A scalar: text, as written.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(SourceLocation location, string value, bool isQuoted)
        : base(location)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    /// <summary>The text of the scalar.</summary>
    public string Value { get; }

    /// <summary>Whether the scalar was quoted (a quoted <c>""</c> or <c>"null"</c> is text, not null).</summary>
    public bool IsQuoted { get; }

    /// <summary>Whether the scalar is YAML's null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string Kind => "a value";
}
