namespace Faultline.Lab.Control;

/// <summary>Options of the fault control API.</summary>
public sealed record FaultControlOptions
{
    /// <summary>The port on <c>127.0.0.1</c>. Default 0 (an ephemeral port).</summary>
    public int Port { get; init; }

    /// <summary>The state directory for the token and descriptor files. Default <see cref="LabStateDirectory.Resolve"/>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>How often (lab time) lapsed leases are swept. Default 1 s.</summary>
    public TimeSpan SweepInterval { get; init; } = FaultControlDefaults.SweepInterval;
}
