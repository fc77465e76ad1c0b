using System.Text.Json;

namespace Faultline.Cli.Samples;

/// <summary>
/// The first line of the topology and experiment files faultline writes, <c># yaml-language-server: $schema=…</c>: it
/// tells editors that use yaml-language-server (VS Code's YAML extension and others) which JSON Schema of
/// <c>schemas/</c> completes and checks the file (docs/topology.md, "Editor support"). A relative path is resolved
/// from the file's folder.
/// </summary>
internal static class SchemaHeader
{
    /// <summary>What the line starts with; the schema's path or URL follows.</summary>
    public const string Prefix = "# yaml-language-server: $schema=";

    /// <summary>The folder the schemas are kept in, in the repository and beside the files <c>init</c> writes.</summary>
    public const string Folder = "schemas";

    /// <summary>The topology file's schema.</summary>
    public const string TopologySchema = "topology.schema.json";

    /// <summary>The experiment file's schema.</summary>
    public const string ExperimentSchema = "experiment.schema.json";

    /// <summary>
    /// Where each schema's <c>$id</c> puts it: <c>https://faultline.invalid/schemas/NAME</c>. An identifier, not a
    /// download (no site serves it yet): a header names it only when no copy of the schema is found.
    /// </summary>
    public const string IdBase = "https://faultline.invalid/schemas/";

    /// <summary>The header line naming <paramref name="reference"/> (a relative path or a URL).</summary>
    public static string Line(string reference) => Prefix + reference;

    /// <summary>
    /// How a file written in <paramref name="folder"/> names <paramref name="schemaFile"/>: the path, relative to the
    /// folder, of the nearest <c>schemas/</c> copy in it or a folder above (one whose <c>$id</c> is Faultline's, as
    /// <c>init</c> writes and the repository has); else the schema's <c>$id</c>.
    /// </summary>
    public static string Reference(string folder, string schemaFile)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder, schemaFile);
            if (IsFaultlineSchema(candidate, schemaFile))
            {
                return Relative(Path.GetRelativePath(Path.GetFullPath(folder), candidate));
            }
        }

        return IdBase + schemaFile;
    }

    /// <summary>
    /// How a file at <paramref name="relativeFile"/> (e.g. <c>misconfigured/topology.yaml</c>) names
    /// <c>schemas/<paramref name="schemaFile"/></c> of the same root: <c>../schemas/topology.schema.json</c>.
    /// </summary>
    public static string ReferenceWithin(string relativeFile, string schemaFile)
    {
        ArgumentNullException.ThrowIfNull(relativeFile);
        var depth = relativeFile.Split('/', '\\').Length - 1;
        return Relative(string.Concat(Enumerable.Repeat("../", depth)) + Folder + "/" + schemaFile);
    }

    /// <summary>The schema file a text's header names (e.g. <c>topology.schema.json</c>), or <c>null</c> when its first line is no header.</summary>
    public static string? SchemaFileOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (end < 0 ? text : text[..end]).TrimEnd('\r');
        if (!firstLine.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var reference = firstLine[Prefix.Length..];
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    /// <summary>The text with its header naming <paramref name="reference"/>: the first line replaced when it is a header, else the line added before it.</summary>
    public static string WithHeader(string text, string reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (SchemaFileOf(text) is null)
        {
            return Line(reference) + newline + text;
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return Line(reference) + (end < 0 ? string.Empty : newline + text[(end + 1)..]);
    }

    // yaml-language-server reads a reference without a scheme as a path from the file's folder; ./ makes that plain.
    private static string Relative(string path)
    {
        var forward = path.Replace('\\', '/');
        return forward.StartsWith("../", StringComparison.Ordinal) ? forward : "./" + forward;
    }

    private static bool IsFaultlineSchema(string path, string schemaFile)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("$id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() == IdBase + schemaFile;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Not readable as Faultline's schema: look further up, or name the $id.
            return false;
        }
    }
}
