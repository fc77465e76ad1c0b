namespace Faultline.Cli.Samples;

/// <summary>The seed sample, embedded in the CLI from <c>samples/seed</c> so <c>faultline init</c> works from an installed tool.</summary>
internal static class SampleFiles
{
    private const string Prefix = "samples/seed/";

    /// <summary>Each embedded sample file: its path relative to the seed folder, and its text.</summary>
    public static IEnumerable<(string RelativePath, string Text)> Seed()
    {
        var assembly = typeof(SampleFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded sample '{name}' is missing.");
            using var reader = new StreamReader(stream);
            yield return (name[Prefix.Length..], reader.ReadToEnd());
        }
    }
}
