using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>What <see cref="AwsStacks.Build"/> wrote: the stack files and what they could not express exactly.</summary>
public sealed record AwsStackExport
{
    /// <summary>
    /// The files, in a fixed order: <c>cloudformation/api-{region}.json</c> per region, <c>cloudformation/global.json</c>,
    /// <c>cloudwatch/dashboard.json</c>, then <c>cloudformation/load-{location}.json</c> per customer location.
    /// </summary>
    public required IReadOnlyList<BundleFile> Files { get; init; }

    /// <summary>Parts of the topology or experiment AWS expresses differently or not at all; empty when the export is exact.</summary>
    public required IReadOnlyList<Diagnostic> Warnings { get; init; }
}
