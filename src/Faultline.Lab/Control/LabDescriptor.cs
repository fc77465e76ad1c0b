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

    /// <summary>The DNS server's port on 127.0.0.1, when the lab runs one.</summary>
    public int? DnsPort { get; init; }

    /// <summary>The port every region's gateway listens on, when the lab runs gateways.</summary>
    public int? HttpPort { get; init; }

    /// <summary>Each region's gateway URL.</summary>
    public IReadOnlyDictionary<string, Uri> Regions { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);
}
