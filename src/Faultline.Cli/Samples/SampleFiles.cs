namespace Faultline.Cli.Samples;

/// <summary>
/// The seed sample and the JSON Schemas its files name, embedded in the CLI from <c>samples/seed</c> and <c>schemas/</c>
/// so <c>faultline init</c> works from an installed tool.
/// </summary>
internal static class SampleFiles
{
    private const string Prefix = "samples/seed/";

    /// <summary>Each embedded sample file: its path relative to the seed folder, and its text as in the repository.</summary>
    public static IEnumerable<(string RelativePath, string Text)> Seed() => Embedded(Prefix);

    /// <summary>Each embedded schema: its path relative to the folder <c>init</c> writes (<c>schemas/topology.schema.json</c>), and its text.</summary>
    public static IEnumerable<(string RelativePath, string Text)> Schemas() =>
        Embedded(SchemaHeader.Folder + "/").Select(f => (SchemaHeader.Folder + "/" + f.RelativePath, f.Text));

    /// <summary>
    /// What <c>init</c> writes: the seed sample, each file's header naming the schema written beside it (in the
    /// repository the headers name <c>schemas/</c> at the repository's root), and the schemas.
    /// </summary>
    public static IEnumerable<(string RelativePath, string Text)> ForInit() =>
        Seed()
            .Select(f => SchemaHeader.SchemaFileOf(f.Text) is { } schema ? (f.RelativePath, SchemaHeader.WithHeader(f.Text, SchemaHeader.ReferenceWithin(f.RelativePath, schema))) : f)
            .Concat(Schemas());

    private static IEnumerable<(string RelativePath, string Text)> Embedded(string prefix)
    {
        var assembly = typeof(SampleFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded file '{name}' is missing.");
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..], reader.ReadToEnd());
        }
    }
}
