using Faultline.Core.Diagnostics;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// Reads a topology file (docs/topology.md) into a validated <see cref="Topology"/>, reporting every problem at
/// once, each with file, line, column and the fix.
/// </summary>
public static class TopologyReader
{
    /// <summary>The built-in handlers: <c>health</c> (<c>Region {region} is healthy</c>) and <c>hello</c> (<c>Hello from region {region}</c>).</summary>
    public static IReadOnlyList<string> BuiltInHandlers { get; } = ["health", "hello"];

    /// <summary>The methods a route may name; <c>ANY</c> matches every method.</summary>
    public static IReadOnlyList<string> RouteMethods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

    /// <summary>Reads topology YAML; <paramref name="displayPath"/> names the file in diagnostics.</summary>
    public static TopologyReadResult Read(string yamlText, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(displayPath);
        return Read(yamlText, new YamlReadContext(displayPath));
    }

    /// <summary>Reads topology YAML into <paramref name="context"/> (which names the file), for callers that listen to it.</summary>
    internal static TopologyReadResult Read(string yamlText, YamlReadContext context)
    {
        var displayPath = context.DisplayPath;
        Topology? topology = null;
        if (YamlDocumentReader.Read(yamlText, context) is { } root)
        {
            var mapper = new TopologyYamlMapper(context);
            var draft = mapper.Map(root);
            TopologyValidator.Validate(draft, new TopologySourceMap(context.Locations), mapper.RecordsWithBadRouting, context);
            topology = draft with { SourcePath = displayPath };
        }

        return new TopologyReadResult(topology, [.. context.Diagnostics], new TopologySourceMap(context.Locations));
    }

    /// <summary>Reads a topology file. A missing, unreadable or folder path is a diagnostic, not an exception.</summary>
    public static TopologyReadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = InputFiles.TryRead(path, "topology", out var error);
        if (text is null)
        {
            return new TopologyReadResult(null, [error ?? TopologyErrors.FileNotFound(path)], TopologySourceMap.Empty);
        }

        return Read(text, path);
    }
}
