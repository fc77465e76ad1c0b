using Faultline.Core.Faults;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// Where the scheduler's actions take effect: an in-process lab, or a running lab's control API. Calls are
/// not cancelled by a stop (a half-applied fault would be lost); implementations bound them with their own
/// timeouts. Selection (<c>COUNT</c>/<c>PERCENT</c>) is resolved once, by the implementation, when a fault is
/// applied or a configuration changed; the results carry the resolved targets.
/// </summary>
public interface IExperimentEffects
{
    /// <summary>Applies a fault action's fault to its target with a lease.</summary>
    /// <returns>The applied fault: its id and its resolved targets.</returns>
    Task<ActiveFault> ApplyFaultAsync(FaultAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a fault's lease to <paramref name="lease"/> from now.</summary>
    /// <returns>Whether the fault was still active.</returns>
    Task<bool> RenewFaultAsync(string faultId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Reverts a fault.</summary>
    /// <returns>Whether it was still active.</returns>
    Task<bool> RevertFaultAsync(string faultId, CancellationToken cancellationToken);

    /// <summary>Reverts every fault of an owner (the safety net at the end of a run).</summary>
    /// <returns>How many were reverted.</returns>
    Task<int> RevertOwnerAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a configure action to the functions its target selects. The owner's changes hold a lease, as faults
    /// do: when it lapses (the runner died) the lab puts the functions back as they were before the owner's first change.
    /// </summary>
    /// <returns>Each selected function's configuration before and after.</returns>
    Task<IReadOnlyList<ConfigurationChange>> ConfigureAsync(ConfigureAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease on the owner's configuration changes to <paramref name="lease"/> from now.</summary>
    /// <returns>Whether the owner still holds changes.</returns>
    Task<bool> RenewConfigurationAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Puts a function's environment and layers back to <paramref name="configuration"/>.</summary>
    /// <returns>The function's configuration before and after the restore.</returns>
    Task<ConfigurationChange> RestoreAsync(string function, FunctionConfiguration configuration, string owner, CancellationToken cancellationToken);
}
