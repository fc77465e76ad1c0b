namespace Faultline.Core.Sweeps;

/// <summary>
/// Where an axis's path leads in its file: an existing value (<see cref="Value"/> with its
/// <see cref="Key"/> when it is a mapping's), or a key to add to <see cref="Parent"/>.
/// </summary>
internal sealed record ResolvedPath(SweepAxis Axis, SweepFile File, SpanNode Parent, string LastKey, SpanNode? Key, SpanNode? Value)
{
    /// <summary>Whether the last key is absent and the sweep adds it.</summary>
    public bool AddsKey => Value is null;

    /// <summary>What makes two paths the same place, however they were written.</summary>
    public (SweepFile, int, string) Identity => (File, Parent.Start, LastKey);
}
