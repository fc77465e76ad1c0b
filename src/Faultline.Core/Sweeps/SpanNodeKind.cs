namespace Faultline.Core.Sweeps;

/// <summary>What a <see cref="SpanNode"/> is.</summary>
internal enum SpanNodeKind
{
    /// <summary>A single value.</summary>
    Scalar,

    /// <summary>Key/value pairs.</summary>
    Mapping,

    /// <summary>A list.</summary>
    Sequence,
}
