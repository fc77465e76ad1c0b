namespace Faultline.Core.Diagnostics;

/// <summary>A place in an input file: 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
