using Faultline.Core.Runs.Projection;

namespace Faultline.Core.Runs;

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

    /// <summary>The populations sending load.</summary>
    public required IReadOnlyList<string> Populations { get; init; }

    /// <summary>Whether the run started its own lab (else it uses a running one).</summary>
    public required bool OwnLab { get; init; }

    /// <summary>How late the host may run the lab clock before results are host-impaired; <c>null</c> when not measured.</summary>
    public Host.HostBudget? HostBudget { get; init; }

    /// <summary>The run's state as it goes, which observers render (one projection for all of them).</summary>
    public required RunProjection State { get; init; }

    /// <summary>Each health check's status at the start when the lab told it (a running lab's); default none: as the topology says.</summary>
    public IReadOnlyDictionary<string, bool> InitialHealth { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>Which engine runs it (default live).</summary>
    public RunEngine Engine { get; init; } = RunEngine.Live;
}
