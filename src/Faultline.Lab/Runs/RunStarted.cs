namespace Faultline.Lab.Runs;

/// <summary>What a run tells its observers once it is set up.</summary>
public sealed record RunStarted
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's folder.</summary>
    public required string Directory { get; init; }

    /// <summary>The lab clock.</summary>
    public required TimeProvider LabTime { get; init; }

    /// <summary>Lab seconds per wall second.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The lab's fault control URL.</summary>
    public Uri? ControlUrl { get; init; }

    /// <summary>The lab's fault control token (for read-only polling, e.g. the dashboard's health view); <c>null</c> when unknown.</summary>
    public string? ControlToken { get; init; }

    /// <summary>The populations sending load.</summary>
    public required IReadOnlyList<string> Populations { get; init; }

    /// <summary>Whether the run started its own lab (else it uses a running one).</summary>
    public required bool OwnLab { get; init; }

    /// <summary>How late the host may run the lab clock before results are host-impaired; <c>null</c> when not measured.</summary>
    public Faultline.Core.Host.HostBudget? HostBudget { get; init; }

    /// <summary>Which engine runs it (default live).</summary>
    public Labs.RunEngine Engine { get; init; } = Labs.RunEngine.Live;
}
