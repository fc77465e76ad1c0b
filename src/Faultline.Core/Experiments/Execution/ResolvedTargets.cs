using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Randomness;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// Every function target the actions name, resolved once, as FIS does when an experiment starts ("If no resources are
/// resolved for the target, the experiment is terminated immediately with a status of failed" —
/// https://docs.aws.amazon.com/fis/latest/userguide/experiment-options.html; resolved targets are listed per
/// experiment — https://docs.aws.amazon.com/fis/latest/userguide/list-experiment-resolved-targets.html):
/// <c>COUNT</c>/<c>PERCENT</c> are drawn here, so every action on a target acts on the same functions. Other targets
/// (a region, a record, a health check) act on what they name. Without a topology, each target acts as written.
/// </summary>
internal sealed class ResolvedTargets(Topology.Topology? topology, RandomSource random)
{
    private readonly Dictionary<string, IReadOnlyList<TargetDefinition>> _resolved = new(StringComparer.Ordinal);

    /// <summary>Resolves the function targets among <paramref name="targets"/>, each once.</summary>
    /// <returns>A failure message when a target resolves to nothing, else <c>null</c>.</returns>
    public string? Resolve(IEnumerable<TargetDefinition> targets)
    {
        if (topology is null)
        {
            return null;
        }

        foreach (var target in targets.Where(t => t.Type == TargetType.Function).DistinctBy(t => t.Name))
        {
            try
            {
                var functions = ExecutionTargets.ResolveFunctions(target, topology, random);
                _resolved[target.Name] = functions.Select(id => Narrow(target, id)).ToArray();
            }
            catch (InvalidInputException ex)
            {
                return $"target '{target.Name}' could not be resolved: {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>What an action on <paramref name="target"/> acts on: its resolved functions, one each, or the target as written.</summary>
    public IReadOnlyList<TargetDefinition> UnitsOf(TargetDefinition? target) =>
        target is null ? [] : _resolved.TryGetValue(target.Name, out var units) ? units : [target];

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
}
