using Faultline.Core.Faults;
using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

// Targets resolved once, the FIS Lambda extension's ramp, the configure delay, and how never-started actions end.
public sealed partial class ExperimentScheduler
{
    /// <summary>
    /// Resolves every function target an action names, once, as FIS does when an experiment starts ("If no resources
    /// are resolved for the target, the experiment is terminated immediately with a status of failed" —
    /// https://docs.aws.amazon.com/fis/latest/userguide/experiment-options.html; resolved targets are listed per
    /// experiment — https://docs.aws.amazon.com/fis/latest/userguide/list-experiment-resolved-targets.html):
    /// <c>COUNT</c>/<c>PERCENT</c> are drawn here, so every action on a target acts on the same functions. The fault
    /// phase is the FIS experiment. Other targets (a region, a record, a health check) act on what they name.
    /// </summary>
    /// <returns>A failure message when a target resolves to nothing, else <c>null</c>.</returns>
    private string? ResolveTargets()
    {
        if (_options.Topology is not { } topology)
        {
            return null;
        }

        foreach (var target in _actions.Select(a => a.Target).OfType<TargetDefinition>().Where(t => t.Type == TargetType.Function).DistinctBy(t => t.Name))
        {
            try
            {
                var functions = ExecutionTargets.ResolveFunctions(target, topology, _options.Random);
                _resolved[target.Name] = functions.Select(id => Narrow(target, id)).ToArray();
            }
            catch (Diagnostics.InvalidInputException ex)
            {
                return $"target '{target.Name}' could not be resolved: {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>The target narrowed to one resolved function (<c>region/name</c>): the same filters, that one function.</summary>
    private static TargetDefinition Narrow(TargetDefinition target, string functionId)
    {
        var slash = functionId.IndexOf('/', StringComparison.Ordinal);
        return target with
        {
            Target = target.Target with
            {
                Region = functionId[..slash],
                Function = functionId[(slash + 1)..],
                Selection = SelectionMode.All,
            },
        };
    }

    /// <summary>What an action acts on: its target's resolved functions, one each, or the target as written.</summary>
    private IReadOnlyList<TargetDefinition> UnitsOf(ActionRun action) =>
        action.Target is { } target && _resolved.TryGetValue(target.Name, out var units) ? units : action.Target is null ? [] : [action.Target];

    /// <summary>A delay drawn uniformly from [0, <paramref name="upTo"/>), to the millisecond; zero when it is zero.</summary>
    private TimeSpan Draw(TimeSpan upTo) =>
        upTo <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Floor(_options.Random.NextDouble() * upTo.TotalMilliseconds));

    private string Stamp(DateTimeOffset at)
    {
        lock (_lock)
        {
            return RunProblems.Stamp(at - (_phases?.RunStart ?? at));
        }
    }

    private static string Describe(TargetDefinition unit) =>
        unit.Target.Region is { } region && unit.Target.Function is { } function ? $"{region}/{function}" : $"target '{unit.Name}'";

    private bool IsApplied(string faultId)
    {
        lock (_lock)
        {
            return _applied.ContainsKey(faultId);
        }
    }

    /// <summary>The earliest ramp-up or ramp-down still to happen, if any.</summary>
    private DateTimeOffset? NextTimer()
    {
        lock (_lock)
        {
            var times = _pendingApplies.Select(p => p.At).Concat(_pendingReverts.Select(p => p.At)).ToArray();
            return times.Length == 0 ? null : times.Min();
        }
    }

    private PendingRevert[] DueReverts()
    {
        lock (_lock)
        {
            var now = Now;
            return _pendingReverts.Where(p => p.At <= now).OrderBy(p => p.At).ToArray();
        }
    }

    /// <summary>Applies every ramp-up that fell due: the fault takes effect on that function now.</summary>
    /// <returns>A failure message when a fault could not be applied, else <c>null</c>.</returns>
    private async Task<string?> ApplyDueAsync()
    {
        PendingApply[] due;
        lock (_lock)
        {
            var now = Now;
            due = _pendingApplies.Where(p => p.At <= now).OrderBy(p => p.At).ToArray();
            _pendingApplies.RemoveAll(p => p.At <= now);
        }

        foreach (var pending in due)
        {
            try
            {
                await ApplyAsync(pending.Action, pending.Fault, pending.Unit).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A fault that cannot be applied fails the action and the run, as at its start.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SetActionState(pending.Action, ActionState.Failed, ex.Message);
                return $"action '{pending.Action.Name}' failed: {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>Reverts every fault whose ramp-down ended: the extension stopped injecting it.</summary>
    private async Task RevertDueAsync()
    {
        foreach (var pending in DueReverts())
        {
            await RevertAsync(pending.FaultId, "completed").ConfigureAwait(false);
        }
    }

    /// <summary>Reverts every fault still in its ramp-down, now.</summary>
    private async Task RevertPendingNowAsync()
    {
        PendingRevert[] left;
        lock (_lock)
        {
            left = _pendingReverts.ToArray();
        }

        foreach (var pending in left)
        {
            await RevertAsync(pending.FaultId, "completed").ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the ramp-ups of an action that ended first; returns the units its fault never reached.</summary>
    private List<TargetDefinition> DropPendingApplies(ActionRun action)
    {
        lock (_lock)
        {
            var dropped = _pendingApplies.Where(p => ReferenceEquals(p.Action, action)).Select(p => p.Unit).ToList();
            _pendingApplies.RemoveAll(p => ReferenceEquals(p.Action, action));
            return dropped;
        }
    }

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

    /// <summary>A fault waiting for the FIS Lambda extension to pick it up on one function.</summary>
    private sealed record PendingApply(ActionRun Action, FaultAction Fault, TargetDefinition Unit, DateTimeOffset At);

    /// <summary>A completed action's fault the extension still injects until <see cref="At"/>.</summary>
    private sealed record PendingRevert(string FaultId, DateTimeOffset At);
}
