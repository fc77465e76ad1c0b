namespace Faultline.Lab.Control;

/// <summary>The small file (<c>labs/&lt;port&gt;.json</c>) that lets a client discover a running lab by its control URL.</summary>
public sealed record LabDescriptor
{
    /// <summary>The topology's name.</summary>
    public required string Name { get; init; }

    /// <summary>The control API's URL.</summary>
    public required Uri ControlUrl { get; init; }

    /// <summary>The token file.</summary>
    public required string TokenFile { get; init; }

    /// <summary>The lab's process id.</summary>
    public required int ProcessId { get; init; }
}
