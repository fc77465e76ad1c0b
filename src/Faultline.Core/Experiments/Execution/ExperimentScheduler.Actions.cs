using Faultline.Core.Faults;
using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

// What an action does: start (apply its fault, make its change), complete (revert, after the ramp-down), and what the
// lab did on its own (a fault reverted when its lease lapsed).
public sealed partial class ExperimentScheduler
{
    private async Task<string?> StartAsync(ActionRun action)
    {
        SetActionState(action, ActionState.Initiating, null);
        string? detail = null;
        var endsAt = Now + (action.Definition.Duration ?? TimeSpan.Zero);
        try
        {
            switch (action.Definition)
            {
                case FaultAction fault:
                    lock (_lock)
                    {
                        _applyAttempted = true;
                    }

                    var rampUp = ExecutionTargets.ReachesThroughFisExtension(fault, action.Target!) ? _experiment.AwsTiming.LambdaRampUp : TimeSpan.Zero;
                    var later = new List<string>();
                    foreach (var unit in _targets.UnitsOf(action.Target))
                    {
                        var delay = Draw(rampUp);
                        if (delay <= TimeSpan.Zero)
                        {
                            await ApplyAsync(action, fault, unit).ConfigureAwait(false);
                            continue;
                        }

                        lock (_lock)
                        {
                            _pendingApplies.Add(new PendingApply(action, fault, unit, Now + delay));
                        }

                        later.Add($"{Describe(unit)} at {Stamp(Now + delay)}");
                    }

                    detail = $"{FaultDetail(action)}{(later.Count == 0 ? string.Empty : "; takes effect on " + string.Join(", ", later) + " (the FIS Lambda extension's ramp-up, awsTiming.lambdaRampUp)")}";
                    break;
                case ConfigureAction configure:
                    var configureDelay = _experiment.AwsTiming.ConfigureDelay;
                    if (configureDelay > TimeSpan.Zero)
                    {
                        // The automation runs and the function update completes before the change is seen; the action
                        // (aws:ssm:start-automation-execution) completes then too.
                        action.ConfigurePending = true;
                        endsAt = Now + configureDelay;
                        detail = $"takes effect at {Stamp(endsAt)} (the automation run and the function update, awsTiming.configureDelay)";
                        break;
                    }

                    detail = await ConfigureAsync(action, configure).ConfigureAwait(false);
                    break;
                default:
                    break;
            }
        }
#pragma warning disable CA1031 // An action that cannot be applied fails the run (FIS: the action and the experiment fail).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SetActionState(action, ActionState.Failed, ex.Message);
            return $"action '{action.Name}' failed: {ex.Message}";
        }

        action.EndsAt = endsAt;
        SetActionState(action, ActionState.Running, detail);
        return null;
    }

    /// <returns>A failure message when a deferred configuration change could not be made, else <c>null</c>.</returns>
    private async Task<string?> CompleteAsync(ActionRun action)
    {
        string? detail = null;
        if (action.ConfigurePending && action.Definition is ConfigureAction configure)
        {
            action.ConfigurePending = false;
            try
            {
                detail = await ConfigureAsync(action, configure).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A change that cannot be made fails the action and the run, as at its start.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SetActionState(action, ActionState.Failed, ex.Message);
                return $"action '{action.Name}' failed: {ex.Message}";
            }
        }

        var never = DropPendingApplies(action);
        var rampDown = action.Definition is FaultAction fault && ExecutionTargets.ReachesThroughFisExtension(fault, action.Target!) ? _experiment.AwsTiming.LambdaRampDown : TimeSpan.Zero;
        var lingering = new List<string>();
        foreach (var id in action.FaultIds)
        {
            var delay = Draw(rampDown);
            if (delay <= TimeSpan.Zero || !IsApplied(id))
            {
                await RevertAsync(id, "completed").ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<string> targets;
            lock (_lock)
            {
                _pendingReverts.Add(new PendingRevert(id, Now + delay));
                targets = _applied.TryGetValue(id, out var applied) ? applied.Targets : [id];
            }

            lingering.Add($"{Describe(targets)} until {Stamp(Now + delay)}");
        }

        var notes = new List<string>();
        if (detail is not null)
        {
            notes.Add(detail);
        }

        if (never.Count > 0)
        {
            notes.Add($"never took effect on {string.Join(", ", never.Select(Describe))}: the action ended within the FIS Lambda extension's ramp-up");
        }

        if (lingering.Count > 0)
        {
            notes.Add($"still acts on {string.Join(", ", lingering)} (the FIS Lambda extension's ramp-down, awsTiming.lambdaRampDown)");
        }

        if (LapsedDetail(action) is { } lapsed)
        {
            notes.Add(lapsed);
        }

        SetActionState(action, ActionState.Completed, notes.Count == 0 ? null : string.Join("; ", notes));
        return null;
    }

    /// <summary>Applies a fault action's fault to one resolved unit of its target, now, and journals it.</summary>
    private async Task ApplyAsync(ActionRun action, FaultAction fault, TargetDefinition unit)
    {
        var applied = await _effects.ApplyFaultAsync(fault, unit, _options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false);
        lock (_lock)
        {
            _applied[applied.Id] = applied;
            _renewer.Track(applied.Id, applied.LeaseExpiresAt);
            action.FaultIds.Add(applied.Id);
        }

        Emit(new FaultAppliedEvent { At = Now, FaultId = applied.Id, Action = action.Name, Kind = applied.Spec.Kind, Targets = applied.Targets });
    }

    /// <summary>Makes a configure action's change on every function its target resolved to.</summary>
    private async Task<string> ConfigureAsync(ActionRun action, ConfigureAction configure)
    {
        var functions = new List<string>();
        foreach (var unit in _targets.UnitsOf(action.Target))
        {
            var changes = await _effects.ConfigureAsync(configure, unit, _options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false);
            foreach (var change in changes)
            {
                _ledger.Record(change);
                functions.Add(change.Function);
                Emit(new ConfigurationChanged
                {
                    At = Now,
                    Action = action.Name,
                    Function = change.Function,
                    Environment = change.Before.EnvironmentChangesTo(change.After),
                    Layers = change.After.Layers,
                });
            }
        }

        return Describe(functions);
    }

    private string FaultDetail(ActionRun action)
    {
        lock (_lock)
        {
            var ids = action.FaultIds;
            return ids.Count == 0
                ? "no fault applied yet"
                : $"fault {string.Join(", ", ids)}, {Describe(ids.SelectMany(id => _applied.TryGetValue(id, out var f) ? f.Targets : []).ToArray())}";
        }
    }

    private string? LapsedDetail(ActionRun action)
    {
        lock (_lock)
        {
            return action.LapsedAt is { } at && action.LapsedFault is { } id
                ? $"its fault {id} had been reverted early by the lab at {RunProblems.Stamp(at - (_phases?.RunStart ?? at))} when its lease lapsed"
                : null;
        }
    }

    /// <summary>Journals a fault the lab reverted because its lease lapsed, once, with a problem; a fault already reverted is ignored.</summary>
    private void Lapsed(string faultId, DateTimeOffset at)
    {
        ActiveFault? fault;
        TimeSpan? beforeEnd = null;
        TimeSpan sinceStart;
        lock (_lock)
        {
            if (!_applied.Remove(faultId, out fault))
            {
                return;
            }

            _pendingReverts.RemoveAll(p => string.Equals(p.FaultId, faultId, StringComparison.Ordinal));
            var action = _actions.FirstOrDefault(a => a.FaultIds.Contains(faultId, StringComparer.Ordinal));
            if (action is not null)
            {
                action.LapsedAt = at;
                action.LapsedFault = faultId;
                if (action.State == ActionState.Running)
                {
                    beforeEnd = action.EndsAt - at;
                }
            }

            sinceStart = at - (_phases?.RunStart ?? at);

            // With the fault, under the same lock, so a renewal never sees one without the other.
            _renewer.Forget(faultId);
        }

        Emit(new FaultRevertedEvent { At = at, FaultId = faultId, Reason = LeaseExpiredReason });
        AddProblem(RunProblems.LeaseLapsed(at, sinceStart, fault, beforeEnd));
    }

    private async Task RevertAsync(string faultId, string reason)
    {
        lock (_lock)
        {
            if (!_applied.ContainsKey(faultId))
            {
                // The lab already reverted it (its lease lapsed, and that was journaled).
                return;
            }
        }

        try
        {
            if (!await _effects.RevertFaultAsync(faultId, CancellationToken.None).ConfigureAwait(false))
            {
                // Not active any more: the lab reverted it when its lease lapsed, before its planned end.
                Lapsed(faultId, _renewer.LapseTime(faultId));
                return;
            }

            lock (_lock)
            {
                if (!_applied.Remove(faultId))
                {
                    return;
                }

                _pendingReverts.RemoveAll(p => string.Equals(p.FaultId, faultId, StringComparison.Ordinal));
                _renewer.Forget(faultId);
            }

            Emit(new FaultRevertedEvent { At = Now, FaultId = faultId, Reason = reason });
        }
#pragma warning disable CA1031 // A revert that fails must not stop the others; the fault stays tracked for the final sweep.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddProblem(RunProblems.RevertFailed(Now, faultId, ex.Message));
        }
    }
}
