namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// A state that moves only along the transitions its lifecycle allows (<see cref="Lifecycles"/>): the run's and each
/// action's. The scheduler changes a state only through <see cref="MoveTo"/>, so a transition the lifecycle does not
/// have fails where it is attempted instead of leaving a journal that contradicts itself. Not thread-safe: the
/// scheduler holds its lock around every call.
/// </summary>
/// <typeparam name="TState">The states.</typeparam>
internal sealed class StateMachine<TState>
    where TState : struct, Enum
{
    private readonly string _subject;
    private readonly IReadOnlyDictionary<TState, TState[]> _allowed;

    /// <param name="subject">What moves, for the error (<c>the run</c>, <c>action 'inject'</c>).</param>
    /// <param name="initial">The first state.</param>
    /// <param name="allowed">Each state's allowed next states; a state with none is final.</param>
    public StateMachine(string subject, TState initial, IReadOnlyDictionary<TState, TState[]> allowed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(allowed);
        _subject = subject;
        _allowed = allowed;
        State = initial;
    }

    /// <summary>The current state.</summary>
    public TState State { get; private set; }

    /// <summary>Whether the current state has no way out.</summary>
    public bool IsFinal => NextOf(State).Length == 0;

    /// <summary>Whether the lifecycle allows a move from the current state to <paramref name="next"/>.</summary>
    public bool CanMoveTo(TState next) => NextOf(State).Contains(next);

    /// <summary>Moves to <paramref name="next"/>.</summary>
    /// <exception cref="InvalidOperationException">The lifecycle has no such transition; the state is unchanged.</exception>
    public void MoveTo(TState next)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException(Lifecycles.IllegalTransition(_subject, State, next, NextOf(State)));
        }

        State = next;
    }

    private TState[] NextOf(TState state) => _allowed.TryGetValue(state, out var next) ? next : [];
}
