using Faultline.Core.Faults;
using Faultline.Core.Randomness;

namespace Faultline.Core.Experiments.Execution;

/// <summary>Turns actions and their targets into what the lab takes: fault specs, and the functions a configure step changes.</summary>
public static class ExecutionTargets
{
    /// <summary>The fault a fault action applies to its target.</summary>
    public static FaultSpec ToFaultSpec(FaultAction action, TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        return new FaultSpec { Options = action.Options, Target = target.Target, Percentage = action.Percentage };
    }

    /// <summary>
    /// Whether a fault action reaches its functions through the FIS Lambda extension, and so takes the extension's ramp
    /// (<see cref="AwsTiming.LambdaRampUp"/>, <see cref="AwsTiming.LambdaRampDown"/>): the kinds that export to
    /// <c>aws:lambda:invocation-add-delay</c>, <c>aws:lambda:invocation-error</c> and
    /// <c>aws:lambda:invocation-http-integration-response</c> (<c>latency</c>, <c>error</c>, <c>http-response</c>) on a
    /// function target (https://docs.aws.amazon.com/fis/latest/userguide/use-lambda-actions.html).
    /// </summary>
    public static bool ReachesThroughFisExtension(FaultAction action, TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        return target.Type == TargetType.Function && FaultKindRegistry.Get(action.Options.Kind).FisActionId is not null;
    }

    /// <summary>
    /// The function ids (<c>region/name</c>) a configure target selects, with <c>COUNT</c>/<c>PERCENT</c> drawn once
    /// from <paramref name="random"/>, in topology order.
    /// </summary>
    /// <exception cref="Diagnostics.InvalidInputException">The target matches no function, or names unknown ones.</exception>
    public static IReadOnlyList<string> ResolveFunctions(TargetDefinition target, Topology.Topology topology, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(random);

        // Every function kind matches the same way; the validator owns the matching rules and their messages.
        var candidates = FaultSpecValidator.MatchFunctions(target.Target, topology, $"target '{target.Name}'");
        return target.Target.Selection.Kind == SelectionModeKind.All
            ? candidates
            : random.Pick(candidates, target.Target.Selection.CountOf(candidates.Count));
    }
}
