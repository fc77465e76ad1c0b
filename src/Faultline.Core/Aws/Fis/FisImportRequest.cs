namespace Faultline.Core.Aws.Fis;

/// <summary>The input of <see cref="FisTemplateImporter.Import"/>.</summary>
public sealed record FisImportRequest
{
    /// <summary>The template's JSON (<c>get-experiment-template</c> output or <c>create-experiment-template</c> input).</summary>
    public required string TemplateJson { get; init; }

    /// <summary>The template's path as messages show it.</summary>
    public required string TemplatePath { get; init; }

    /// <summary>The topology the targets map to.</summary>
    public required Topology.Topology Topology { get; init; }

    /// <summary>The <c>topology:</c> value the experiment writes (relative to where the experiment is written).</summary>
    public required string TopologyReference { get; init; }

    /// <summary>The bundle's <c>cloudformation/alarms.json</c>, whose alarms give back the stop conditions; default none.</summary>
    public string? AlarmsJson { get; init; }
}
