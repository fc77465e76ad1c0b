using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// The run's and each action's lifecycle (FIS's experiment and action states): which state may follow which, in one
/// place. docs/architecture.md ("The experiment scheduler") draws them.
/// </summary>
internal static class Lifecycles
{
    /// <summary>
    /// The run: it initiates (the lab and the load start), runs (baseline, faults, recovery), and ends completed,
    /// stopped (through stopping, while faults are reverted), failed, or cancelled (steady state not met before any fault).
    /// </summary>
    public static readonly IReadOnlyDictionary<RunState, RunState[]> Run = new Dictionary<RunState, RunState[]>
    {
        [RunState.Pending] = [RunState.Initiating],
        [RunState.Initiating] = [RunState.Running, RunState.Stopping, RunState.Failed],
        [RunState.Running] = [RunState.Completed, RunState.Stopping, RunState.Failed, RunState.Cancelled],
        [RunState.Stopping] = [RunState.Stopped],
    };

    /// <summary>
    /// An action: pending until its predecessors complete, then initiating (applied) and running (its duration), and it
    /// ends completed, stopped (through stopping), failed (could not be applied or changed), or cancelled (never started).
    /// </summary>
    public static readonly IReadOnlyDictionary<ActionState, ActionState[]> Action = new Dictionary<ActionState, ActionState[]>
    {
        [ActionState.Pending] = [ActionState.Initiating, ActionState.Cancelled],
        [ActionState.Initiating] = [ActionState.Running, ActionState.Stopping, ActionState.Failed],
        [ActionState.Running] = [ActionState.Completed, ActionState.Stopping, ActionState.Failed],
        [ActionState.Stopping] = [ActionState.Stopped],
    };

    /// <summary>A new run, <c>pending</c>.</summary>
    public static StateMachine<RunState> NewRun() => new("the run", RunState.Pending, Run);

    /// <summary>A new action, <c>pending</c>.</summary>
    public static StateMachine<ActionState> NewAction(string name) => new($"action '{name}'", ActionState.Pending, Action);

    /// <summary>The error of a transition the lifecycle does not have (a scheduler bug, not bad input).</summary>
    public static string IllegalTransition<TState>(string subject, TState from, TState to, IReadOnlyCollection<TState> allowed)
        where TState : struct, Enum =>
        $"{subject} cannot go from {from} to {to}; from {from} it can go to {(allowed.Count == 0 ? "nothing: it has ended" : string.Join(", ", allowed))}";
}
