using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

/// <summary>One action's progress in one run: its state, when it ends, the faults it applied. Changed under the scheduler's lock.</summary>
internal sealed class ActionRun(ActionDefinition definition, TargetDefinition? target)
{
    private readonly StateMachine<ActionState> _lifecycle = Lifecycles.NewAction(definition.Name);

    public ActionDefinition Definition { get; } = definition;

    /// <summary>The target it acts on, or <c>null</c> for a wait.</summary>
    public TargetDefinition? Target { get; } = target;

    public string Name => Definition.Name;

    public ActionState State => _lifecycle.State;

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The faults it applied, one per resolved unit of its target, in the order they took effect.</summary>
    public List<string> FaultIds { get; } = [];

    /// <summary>A configure action whose change waits for <see cref="AwsTiming.ConfigureDelay"/>.</summary>
    public bool ConfigurePending { get; set; }

    /// <summary>When the lab reverted one of its faults because the lease lapsed, if it did.</summary>
    public DateTimeOffset? LapsedAt { get; set; }

    /// <summary>The fault that lapsed.</summary>
    public string? LapsedFault { get; set; }

    /// <summary>Moves to <paramref name="state"/> along the action lifecycle (<see cref="Lifecycles.Action"/>).</summary>
    /// <exception cref="InvalidOperationException">The lifecycle has no such transition.</exception>
    public void MoveTo(ActionState state) => _lifecycle.MoveTo(state);
}
