using Faultline.Core.Runs;
using Faultline.Core.Time;

namespace Faultline.Core.Experiments.Execution;

// The timeline: initiate, baseline, the steady-state gate, the fault phase (the action graph), recovery.
public sealed partial class ExperimentScheduler
{
    private async Task<RunState> RunTimelineAsync(ExperimentHooks hooks)
    {
        SetRunState(RunState.Initiating, null);
        if (hooks.InitiateAsync is { } initiate)
        {
            try
            {
                await initiate(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (StopRequested)
            {
            }
#pragma warning disable CA1031 // Any failure to initiate is the run's failure, reported in its reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return await FinishFailedAsync($"could not initiate the run: {ex.Message}").ConfigureAwait(false);
            }
        }

        SetPhases(_ => new PhaseTimes { RunStart = Now });
        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        SetRunState(RunState.Running, null);
        Emit(new PhaseStarted { At = Now, Phase = Phase.Baseline });
        _renewer.Start();
        if (!await WaitAsync(_experiment.Load.Baseline).ConfigureAwait(false))
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        bool steady;
        try
        {
            steady = hooks.SteadyStateAsync is null || await hooks.SteadyStateAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A gate that cannot decide fails the run; nothing was injected yet.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await FinishFailedAsync($"the steady-state checks could not be evaluated: {ex.Message}").ConfigureAwait(false);
        }

        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        if (!steady)
        {
            return FinishCancelled("steady state not met before any fault: the baseline checks failed, so nothing was injected");
        }

        SetPhases(p => p! with { FaultStart = Now });
        Emit(new PhaseStarted { At = Now, Phase = Phase.Fault });
        var failure = _targets.Resolve(_actions.Select(a => a.Target).OfType<TargetDefinition>()) ?? await RunGraphAsync().ConfigureAwait(false);
        if (failure is not null)
        {
            return await FinishFailedAsync(failure).ConfigureAwait(false);
        }

        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        // The fault phase ends with the last action; a configuration left in place would leak into recovery.
        await UndoConfigurationAsync().ConfigureAwait(false);
        SetPhases(p => p! with { FaultEnd = Now });
        Emit(new PhaseStarted { At = Now, Phase = Phase.Recovery });
        var until = Now + _experiment.Load.Recovery;
        while (Now < until || DueReverts().Length > 0)
        {
            await RevertDueAsync().ConfigureAwait(false);
            var next = NextTimer() is { } timer && timer < until ? timer : until;
            if (Now >= until)
            {
                break;
            }

            if (!await WaitAsync(next - Now).ConfigureAwait(false))
            {
                return await FinishStoppedAsync().ConfigureAwait(false);
            }
        }

        // A recovery shorter than the ramp-down: what the extension would still inject stops with the run.
        await RevertPendingNowAsync().ConfigureAwait(false);
        await SweepOwnerAsync().ConfigureAwait(false);
        SetPhases(p => p! with { RunEnd = Now });
        SetRunState(RunState.Completed, null);
        return RunState.Completed;
    }

    /// <summary>Starts every action whose predecessors completed and completes every action whose duration ended, until none is left.</summary>
    /// <returns>A failure message, or <c>null</c> when every action ended or a stop was requested.</returns>
    private async Task<string?> RunGraphAsync()
    {
        while (!StopRequested)
        {
            var progressed = true;
            while (progressed && !StopRequested)
            {
                progressed = false;
                if (await ApplyDueAsync().ConfigureAwait(false) is { } late)
                {
                    return late;
                }

                await RevertDueAsync().ConfigureAwait(false);
                foreach (var action in _actions.Where(a => a.State == ActionState.Running && a.EndsAt <= Now).ToArray())
                {
                    if (await CompleteAsync(action).ConfigureAwait(false) is { } failed)
                    {
                        return failed;
                    }

                    progressed = true;
                }

                foreach (var action in _actions.Where(a => a.State == ActionState.Pending && _graph.PredecessorsOf(a.Name).All(p => _byName[p].State == ActionState.Completed)).ToArray())
                {
                    if (StopRequested)
                    {
                        return null;
                    }

                    if (await StartAsync(action).ConfigureAwait(false) is { } failure)
                    {
                        return failure;
                    }

                    progressed = true;
                }
            }

            var running = _actions.Where(a => a.State == ActionState.Running).ToArray();
            if (running.Length == 0)
            {
                // Every action ended (the graph was checked: no pending action can be left unreachable).
                return null;
            }

            var next = running.Min(a => a.EndsAt);
            if (NextTimer() is { } timer && timer < next)
            {
                next = timer;
            }

            if (!await WaitAsync(next - Now).ConfigureAwait(false))
            {
                return null;
            }
        }

        return null;
    }

    private async Task<bool> WaitAsync(TimeSpan span)
    {
        if (StopRequested)
        {
            return false;
        }

        if (span <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await LabTasks.Delay(span, _time, _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (StopRequested)
        {
            return false;
        }
    }
}
