using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>How <see cref="AwsStacks.Build"/> writes the stacks. Every property has a default that deploys as is.</summary>
public sealed record AwsExportOptions
{
    /// <summary>The default <see cref="LoadGeneratorImage"/>: <c>faultline:latest</c>, as the repo's <c>Dockerfile</c> tags it.</summary>
    public const string DefaultLoadGeneratorImage = "faultline:latest";

    /// <summary>The default <see cref="StageName"/>: <c>live</c>.</summary>
    public const string DefaultStageName = "live";

    /// <summary>The default <see cref="FunctionMemoryMb"/>: 128 MB, Lambda's default.</summary>
    public const int DefaultFunctionMemoryMb = 128;

    /// <summary>
    /// Prefix of every named resource (functions, APIs, dashboard, task families), e.g. <c>hello-api</c> gives the
    /// function <c>hello-api-hello</c>. Default <c>null</c>: the topology's name, reduced to letters, digits and dashes.
    /// </summary>
    public string? NamePrefix { get; init; }

    /// <summary>
    /// Lambda function ARNs the user brings, by function id (<c>region/name</c>, e.g. <c>us-east-1/orders</c>). Such a
    /// function is not deployed: the API integrates with the ARN. Required for functions with an <c>upstream</c>.
    /// Default none: every built-in handler is deployed as inline code.
    /// </summary>
    public IReadOnlyDictionary<string, string> FunctionArns { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The default of the load stacks' <c>LoadGeneratorImage</c> parameter. Default <see cref="DefaultLoadGeneratorImage"/>.</summary>
    public string LoadGeneratorImage { get; init; } = DefaultLoadGeneratorImage;

    /// <summary>The API Gateway stage the custom domains map to. Default <see cref="DefaultStageName"/>.</summary>
    public string StageName { get; init; } = DefaultStageName;

    /// <summary>Memory of the deployed functions, 128–10240 MB (the topology has no memory size). Default <see cref="DefaultFunctionMemoryMb"/>.</summary>
    public int FunctionMemoryMb { get; init; } = DefaultFunctionMemoryMb;

    /// <summary>Where the topology's parts were written, so diagnostics point at the line. Default none: the topology file's first line.</summary>
    public TopologySourceMap? SourceMap { get; init; }
}
