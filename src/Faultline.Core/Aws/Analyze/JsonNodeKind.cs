namespace Faultline.Core.Aws.Analyze;

/// <summary>The kind of a <see cref="LocatedJson"/> value.</summary>
public enum JsonNodeKind
{
    /// <summary>An object (a map of members).</summary>
    Map,

    /// <summary>An array.</summary>
    Array,

    /// <summary>A string.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
