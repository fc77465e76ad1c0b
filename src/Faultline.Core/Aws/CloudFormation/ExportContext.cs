using System.Text.RegularExpressions;
using Faultline.Core.Diagnostics;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>What every stack builder shares: the inputs, the names, and the diagnostics collected so far.</summary>
internal sealed partial class ExportContext
{
    public ExportContext(Topology.Topology topology, AwsExportOptions options)
    {
        Topology = topology;
        Options = options;
        Names = new StackNames(topology, options.NamePrefix);
        Map = options.SourceMap ?? TopologySourceMap.Empty;
    }

    public Topology.Topology Topology { get; }

    public AwsExportOptions Options { get; }

    public StackNames Names { get; }

    public TopologySourceMap Map { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Where to point when the source map knows nothing better: the topology file's first line.</summary>
    public SourceLocation? Fallback => Topology.SourcePath is { } path ? new SourceLocation(path, 1, 1) : null;

    public void Error(SourceLocation? location, (string Message, string Fix) text) =>
        Diagnostics.Add(Diagnostic.Error(location ?? Fallback, text.Message, text.Fix));

    public void Warn(SourceLocation? location, (string Message, string Fix) text) =>
        Diagnostics.Add(Diagnostic.Warning(location ?? Fallback, text.Message, text.Fix));

    /// <summary>Whether <paramref name="name"/> has the shape of an AWS region id (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>ap-southeast-3</c>).</summary>
    public static bool IsAwsRegion(string name) => AwsRegion().IsMatch(name);

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$")]
    private static partial Regex AwsRegion();

    [GeneratedRegex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$")]
    public static partial Regex FunctionArn();
}
