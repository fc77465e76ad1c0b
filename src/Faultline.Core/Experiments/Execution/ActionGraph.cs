using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// An experiment's action graph: the actions, each one's <c>startAfter</c> predecessors, and an order in which every
/// action comes after its predecessors. The graph's rules live here once: names are unique, a predecessor is defined,
/// no action starts after itself, and the <c>startAfter</c> edges form no cycle (FIS rejects one too). The experiment
/// validator reports a cycle found by <see cref="FindCycle"/> at its place in the file; <see cref="Build"/> refuses
/// a graph that breaks any rule (an experiment built in code, not read from YAML) with the same messages
/// (<see cref="ExperimentErrors"/>).
/// </summary>
internal sealed class ActionGraph
{
    private readonly Dictionary<string, string[]> _predecessors;
    private readonly Dictionary<string, string[]> _successors;

    private ActionGraph(IReadOnlyList<ActionDefinition> actions, Dictionary<string, string[]> predecessors)
    {
        Actions = actions;
        _predecessors = predecessors;
        _successors = actions.ToDictionary(
            a => a.Name,
            a => actions.Where(s => predecessors[s.Name].Contains(a.Name, StringComparer.Ordinal)).Select(s => s.Name).ToArray(),
            StringComparer.Ordinal);
        InStartOrder = Sort();
    }

    /// <summary>The actions, in the order they are written.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; }

    /// <summary>
    /// The actions in an order they can start in: each after all its predecessors; among those free to start, in
    /// written order (Kahn's algorithm).
    /// </summary>
    public IReadOnlyList<ActionDefinition> InStartOrder { get; }

    /// <summary>Checks <paramref name="actions"/> against every rule of the graph and builds it.</summary>
    /// <exception cref="InvalidInputException">A name repeats, a predecessor is not defined, an action starts after itself, or the graph has a cycle; every problem found.</exception>
    public static ActionGraph Build(IReadOnlyList<ActionDefinition> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var errors = new List<Diagnostic>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!names.Add(action.Name))
            {
                errors.Add(ExperimentErrors.DuplicateName(null, "action", action.Name, null));
            }
        }

        var defined = actions.Select(a => a.Name).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var action in actions)
        {
            foreach (var predecessor in action.StartAfter)
            {
                if (string.Equals(predecessor, action.Name, StringComparison.Ordinal))
                {
                    errors.Add(ExperimentErrors.StartsAfterItself(null, action.Name));
                }
                else if (!names.Contains(predecessor))
                {
                    errors.Add(ExperimentErrors.NotDefined(null, $"action '{action.Name}'", "action", predecessor, defined));
                }
            }
        }

        if (FindCycle(actions) is { } cycle)
        {
            errors.Add(ExperimentErrors.Cycle(null, cycle));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var predecessors = actions.ToDictionary(a => a.Name, a => a.StartAfter.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new ActionGraph(actions, predecessors);
    }

    /// <summary>
    /// The first cycle of the graph as a closed path in run order (<c>a, b, a</c>: b starts after a, a after b), following
    /// <c>startAfter</c> edges; <c>null</c> when there is none. A self-loop and an undefined predecessor are their own
    /// problems and are skipped here, so each is reported once.
    /// </summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyList<ActionDefinition> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var byName = actions.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var done = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        var stack = new List<string>();

        IReadOnlyList<string>? Visit(string name)
        {
            if (done.TryGetValue(name, out var finished))
            {
                return finished ? null : [.. stack.Skip(stack.IndexOf(name)), name];
            }

            done[name] = false;
            stack.Add(name);
            foreach (var next in byName[name].StartAfter.Where(n => n != name && byName.ContainsKey(n)))
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            done[name] = true;
            return null;
        }

        foreach (var action in actions)
        {
            if (Visit(action.Name) is { } cycle)
            {
                // Walked along startAfter (successor to predecessor); show it in run order.
                return [.. cycle.Reverse()];
            }
        }

        return null;
    }

    /// <summary>The actions <paramref name="name"/> starts after, each once.</summary>
    public IReadOnlyList<string> PredecessorsOf(string name) => _predecessors[name];

    /// <summary>The actions that start after <paramref name="name"/>, in written order.</summary>
    public IReadOnlyList<string> SuccessorsOf(string name) => _successors[name];

    private ActionDefinition[] Sort()
    {
        var waiting = Actions.ToDictionary(a => a.Name, a => _predecessors[a.Name].Length, StringComparer.Ordinal);
        var sorted = new List<ActionDefinition>(Actions.Count);
        while (sorted.Count < Actions.Count)
        {
            // Build refused cycles, so some action is always free to start.
            var next = Actions.First(a => waiting[a.Name] == 0);
            waiting[next.Name] = -1;
            sorted.Add(next);
            foreach (var successor in _successors[next.Name])
            {
                waiting[successor]--;
            }
        }

        return [.. sorted];
    }
}
