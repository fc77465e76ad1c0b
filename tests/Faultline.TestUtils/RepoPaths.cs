namespace Faultline.TestUtils;

/// <summary>Paths in the repository, found from the test binaries by walking up to <c>Faultline.slnx</c>.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Faultline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Faultline.slnx above {AppContext.BaseDirectory}.");
    }
}
