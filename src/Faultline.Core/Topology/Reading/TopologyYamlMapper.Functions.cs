using Faultline.Core.Diagnostics;
using Faultline.Core.Functions;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// A function's upstream, layers and chaos extension release; see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private static readonly Dictionary<string, UpstreamProtocol> UpstreamProtocols = new(StringComparer.Ordinal)
    {
        ["http"] = UpstreamProtocol.Http,
        ["lambda"] = UpstreamProtocol.Lambda,
    };

    private static readonly Dictionary<string, ChaosExtensionRelease> ChaosExtensionReleases = new(StringComparer.Ordinal)
    {
        [ChaosExtensionSettings.ReleaseName(ChaosExtensionRelease.Tagged)] = ChaosExtensionRelease.Tagged,
        [ChaosExtensionSettings.ReleaseName(ChaosExtensionRelease.Main)] = ChaosExtensionRelease.Main,
    };

    // upstream: URL (plain HTTP), or upstream: { url: URL, protocol: http | lambda }.
    private (Uri? Url, UpstreamProtocol Protocol) ReadUpstream(MappingReader function, string what)
    {
        if (function.Get("upstream") is not { } node)
        {
            return (null, UpstreamProtocol.Http);
        }

        string? text;
        SourceLocation? at;
        var protocol = UpstreamProtocol.Http;
        if (node is YamlMapping)
        {
            var upstream = function.Mapping("upstream", $"upstream of {what}");
            text = upstream.RequiredString("url", "http://127.0.0.1:9000");
            at = upstream.LocationOf("url");
            protocol = upstream.Enum("protocol", UpstreamProtocols) ?? UpstreamProtocol.Http;
            upstream.Complete();
        }
        else
        {
            text = function.Text("upstream");
            at = function.LocationOf("upstream");
        }

        if (text is null)
        {
            return (null, protocol);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback)
        {
            return (uri, protocol);
        }

        _context.Add(TopologyErrors.UpstreamNotLoopback(at, what, text));
        return (null, protocol);
    }

    private static string[] ReadLayers(MappingReader function) =>
        [.. function.ScalarList("layers").Select(s => s.Value)];

    private static ChaosExtensionRelease ReadChaosExtensionRelease(MappingReader function) =>
        function.Enum("chaosExtensionRelease", ChaosExtensionReleases) ?? ChaosExtensionRelease.Tagged;
}
