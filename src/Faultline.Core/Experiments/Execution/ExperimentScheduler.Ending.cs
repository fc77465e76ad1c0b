using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

// How a run ends: stopped, failed or cancelled; every fault reverted, every configuration undone, the owner swept.
public sealed partial class ExperimentScheduler
{
    private async Task StopActionsAsync()
    {
        foreach (var action in _actions)
        {
            if (action.State is ActionState.Running or ActionState.Initiating)
            {
                SetActionState(action, ActionState.Stopping, null);
                DropPendingApplies(action);
                action.ConfigurePending = false;
                foreach (var id in action.FaultIds.ToArray())
                {
                    await RevertAsync(id, "stopped").ConfigureAwait(false);
                }

                SetActionState(action, ActionState.Stopped, LapsedDetail(action));
            }
            else if (action.State == ActionState.Pending)
            {
                CancelNeverStarted(action);
            }
        }
    }

    private async Task<RunState> FinishStoppedAsync()
    {
        string reason;
        string? failure;
        lock (_lock)
        {
            reason = _stopReason ?? "stopped";
            failure = _failReason;
        }

        if (failure is not null)
        {
            return await FinishFailedAsync(failure).ConfigureAwait(false);
        }

        SetEndReason(reason);
        SetRunState(RunState.Stopping, reason);
        await StopActionsAsync().ConfigureAwait(false);
        await CleanUpAsync().ConfigureAwait(false);
        SetRunState(RunState.Stopped, reason);
        return RunState.Stopped;
    }

    private async Task<RunState> FinishFailedAsync(string reason)
    {
        SetEndReason(reason);
        await StopActionsAsync().ConfigureAwait(false);
        await CleanUpAsync().ConfigureAwait(false);
        SetRunState(RunState.Failed, reason);
        return RunState.Failed;
    }

    private RunState FinishCancelled(string reason)
    {
        SetEndReason(reason);
        foreach (var action in _actions.Where(a => a.State == ActionState.Pending).ToArray())
        {
            CancelNeverStarted(action);
        }

        SetPhases(p => (p ?? new PhaseTimes { RunStart = Now }) with { RunEnd = Now });
        SetRunState(RunState.Cancelled, reason);
        return RunState.Cancelled;
    }

    private async Task CleanUpAsync()
    {
        foreach (var leftover in AppliedFaults)
        {
            await RevertAsync(leftover.Id, "stopped").ConfigureAwait(false);
        }

        await UndoConfigurationAsync().ConfigureAwait(false);
        await SweepOwnerAsync().ConfigureAwait(false);
        SetPhases(p =>
        {
            var now = Now;
            p ??= new PhaseTimes { RunStart = now };
            return (p.FaultStart is not null && p.FaultEnd is null ? p with { FaultEnd = now } : p) with { RunEnd = now };
        });
    }

    private async Task SweepOwnerAsync()
    {
        bool attempted;
        lock (_lock)
        {
            attempted = _applyAttempted;
        }

        if (!attempted)
        {
            return;
        }

        try
        {
            var strays = await _effects.RevertOwnerAsync(_options.Owner, CancellationToken.None).ConfigureAwait(false);
            if (strays > 0)
            {
                AddProblem(RunProblems.StraysReverted(Now, _options.Owner, strays));
            }
        }
#pragma warning disable CA1031 // The safety net failing leaves the leases to lapse; report, do not throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddProblem(RunProblems.SweepFailed(Now, _options.Owner, ex.Message));
        }
    }

    /// <summary>Puts every changed function back as it was before the run changed it, and journals each restore.</summary>
    private Task UndoConfigurationAsync() => _ledger.UndoAsync(
        (function, original) => _effects.RestoreAsync(function, original, _options.Owner, CancellationToken.None),
        (function, change) => Emit(new ConfigurationChanged
        {
            At = Now,
            Action = UndoAction,
            Function = function,
            Environment = change.Before.EnvironmentChangesTo(change.After),
            Layers = change.After.Layers,
        }),
        (function, ex) => AddProblem(RunProblems.RestoreFailed(Now, function, ex.Message)));

    private void SetEndReason(string reason)
    {
        lock (_lock)
        {
            _endReason ??= reason;
        }
    }

    /// <summary>
    /// Ends an action that never started: <c>cancelled</c>, FIS's state for "The experiment stopped before the action
    /// started" (https://docs.aws.amazon.com/fis/latest/userguide/experiments.html, "Action states"), with the reason.
    /// FIS's <c>skipped</c> is for an action whose targets resolved to nothing under
    /// <c>emptyTargetResolutionMode: skip</c> (https://docs.aws.amazon.com/fis/latest/userguide/action-sequence.html),
    /// which a Faultline target cannot do: it must select at least one resource.
    /// </summary>
    private void CancelNeverStarted(ActionRun action)
    {
        string reason;
        lock (_lock)
        {
            reason = _endReason ?? _stopReason ?? "the run ended";
        }

        SetActionState(action, ActionState.Cancelled, $"never started: the experiment ended before it could ({reason})");
    }
}
