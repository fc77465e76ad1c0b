using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

// The FIS Lambda extension's ramp: faults that take effect, or stop, a drawn delay after their action starts or ends.
public sealed partial class ExperimentScheduler
{
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

    private static string Describe(IReadOnlyList<string> targets) => targets.Count == 0 ? "no targets" : "targets: " + string.Join(", ", targets);

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

    /// <summary>A fault waiting for the FIS Lambda extension to pick it up on one function.</summary>
    private sealed record PendingApply(ActionRun Action, FaultAction Fault, TargetDefinition Unit, DateTimeOffset At);

    /// <summary>A completed action's fault the extension still injects until <see cref="At"/>.</summary>
    private sealed record PendingRevert(string FaultId, DateTimeOffset At);
}
