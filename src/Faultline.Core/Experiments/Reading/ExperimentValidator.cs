using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// The checks that need the whole experiment: the targets actions name exist and are of the type the
/// action acts on, <c>startAfter</c> names existing actions, and the action graph has no cycle (FIS
/// rejects one too). Runs on the mapper's draft; actions or targets dropped as invalid were already reported.
/// </summary>
internal static class ExperimentValidator
{
    public static void Validate(Experiment experiment, ExperimentSourceMap map, IReadOnlyCollection<string> writtenTargets, IReadOnlyCollection<string> writtenActions, YamlReadContext context)
    {
        foreach (var action in experiment.Actions)
        {
            switch (action)
            {
                case FaultAction fault:
                    CheckTarget(experiment, writtenTargets, action.Name, FaultKinds.NameOf(fault.Options.Kind), fault.Target, NeededType(fault.Options.Kind), map.Action(action.Name, "target"), context);
                    break;
                case ConfigureAction configure:
                    CheckTarget(experiment, writtenTargets, action.Name, "configure", configure.Target, TargetType.Function, map.Find($"actions/{action.Name}/configure/target") ?? map.Action(action.Name), context);
                    break;
                default:
                    break;
            }

            for (var i = 0; i < action.StartAfter.Count; i++)
            {
                var predecessor = action.StartAfter[i];
                var at = map.Find($"actions/{action.Name}/startAfter/{i}") ?? map.Action(action.Name, "startAfter");
                if (predecessor == action.Name)
                {
                    context.Add(ExperimentErrors.StartsAfterItself(at, action.Name));
                }
                else if (!writtenActions.Contains(predecessor))
                {
                    context.Add(ExperimentErrors.NotDefined(at, $"action '{action.Name}'", "action", predecessor, writtenActions));
                }
            }
        }

        // The graph owns the cycle rule (the scheduler refuses the same graphs); this places it in the file.
        if (ActionGraph.FindCycle(experiment.Actions) is { } cycle)
        {
            context.Add(ExperimentErrors.Cycle(map.Action(cycle[0], "startAfter"), cycle));
        }
    }

    /// <summary>The target type a fault kind acts on.</summary>
    internal static TargetType NeededType(FaultKind kind) => FaultKindRegistry.Get(kind).ActsOn switch
    {
        FaultScope.Region => TargetType.Region,
        FaultScope.Record => TargetType.Record,
        FaultScope.HealthCheck => TargetType.HealthCheck,
        _ => TargetType.Function,
    };

    private static void CheckTarget(Experiment experiment, IReadOnlyCollection<string> writtenTargets, string action, string kind, string targetName, TargetType needed, Diagnostics.SourceLocation? at, YamlReadContext context)
    {
        if (experiment.FindTarget(targetName) is { } target)
        {
            if (target.Type != needed)
            {
                context.Add(ExperimentErrors.TargetTypeMismatch(at, action, kind, targetName, ExperimentYamlMapper.NameOf(target.Type), ExperimentYamlMapper.NameOf(needed)));
            }
        }
        else if (!writtenTargets.Contains(targetName))
        {
            // A target that is written but invalid was reported where it is written; only missing names here.
            context.Add(ExperimentErrors.NotDefined(at, $"action '{action}'", "target", targetName, writtenTargets));
        }
    }
}
