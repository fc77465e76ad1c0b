namespace Faultline.Core.Experiments.Execution;

/// <summary>What the orchestrator plugs into a run's timeline.</summary>
public sealed record ExperimentHooks
{
    /// <summary>No hooks: nothing to initiate, steady state always met.</summary>
    public static readonly ExperimentHooks None = new();

    /// <summary>
    /// Runs while the run is <c>initiating</c> (e.g. start the lab and the load); the baseline starts when it
    /// returns. A throw fails the run. Default none. The token is cancelled when the run is stopped.
    /// </summary>
    public Func<CancellationToken, Task>? InitiateAsync { get; init; }

    /// <summary>
    /// The steady-state gate, called at the end of the baseline: <c>false</c> cancels the run before any action
    /// starts (verdict <c>not-run</c>). Default: always met. The token is cancelled when the run is stopped.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? SteadyStateAsync { get; init; }
}
