namespace Faultline.Core.Topology;

/// <summary>An API Gateway route key: <c>METHOD /path</c>. <c>ANY</c> matches every method.</summary>
public sealed record RouteKey(string Method, string Path)
{
    /// <summary>Whether a request with this method and path takes this route.</summary>
    public bool Matches(string method, string path) =>
        (string.Equals(Method, "ANY", StringComparison.Ordinal) || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && string.Equals(Path, path, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
