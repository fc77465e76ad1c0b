using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Functions;

namespace Faultline.Core.Planning;

/// <summary>
/// Construction checks of configure actions that drive the chaos-lambda-extension: a response switch spelled the
/// way the functions' extension release ignores, and variables set on functions the extension is not attached to
/// (no layer whose name contains <c>chaos-lambda-extension</c>, or no <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap</c>),
/// which on AWS inject nothing.
/// </summary>
internal static class ChaosExtensionChecks
{
    private static readonly string[] Switches =
    [
        ChaosExtensionSettings.EnableLatency,
        ChaosExtensionSettings.EnableChangeResponseBody,
        ChaosExtensionSettings.EnableChangeResponseBodyTypo,
    ];

    public static IEnumerable<ConstructionFinding> Check(ExperimentPlan plan, Topology.Topology topology, ExperimentSourceMap map)
    {
        var functions = topology.AllFunctions.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var configures = plan.Experiment.Actions.OfType<ConfigureAction>().ToList();
        foreach (var action in configures)
        {
            if (plan.Targets.FirstOrDefault(t => string.Equals(t.Name, action.Target, StringComparison.Ordinal)) is not { } target)
            {
                continue;
            }

            var targeted = target.Candidates.Select(id => functions.GetValueOrDefault(id)).OfType<Topology.FunctionConfig>().ToList();
            foreach (var release in targeted.Select(f => f.ChaosExtensionRelease).Distinct())
            {
                var ignored = ChaosExtensionSettings.IgnoredResponseSwitch(release);
                if (action.SetEnvironment.ContainsKey(ignored))
                {
                    var (message, fix) = ConstructionMessages.ResponseSwitchIgnored(action.Name, ignored, ChaosExtensionSettings.ReleaseName(release), ChaosExtensionSettings.ResponseSwitch(release));
                    yield return Finding(ConstructionCodes.ChaosResponseSwitchIgnored, message, fix, action.Name, map.Action(action.Name, "configure"));
                }
            }

            if (!action.SetEnvironment.Any(v => Switches.Contains(v.Key, StringComparer.Ordinal) && ChaosExtensionSettings.ParseBool(v.Value)))
            {
                continue;
            }

            // Attached if the function starts with the layer or some configure action on the same target attaches it,
            // and the wrapper is set by the topology or some configure action.
            var sameTarget = configures.Where(c => string.Equals(c.Target, action.Target, StringComparison.Ordinal)).ToList();
            var layerByAction = sameTarget.Any(c => c.AttachLayer is { } layer && ChaosExtensionSettings.IsExtensionLayer(layer));
            var wrapperByAction = sameTarget.Any(c => c.SetEnvironment.TryGetValue(ChaosExtensionSettings.ExecWrapper, out var w) && string.Equals(w, ChaosExtensionSettings.WrapperPath, StringComparison.Ordinal));
            var missing = targeted
                .Where(f => !(layerByAction || f.Layers.Any(ChaosExtensionSettings.IsExtensionLayer))
                    || !(wrapperByAction || (f.Environment.TryGetValue(ChaosExtensionSettings.ExecWrapper, out var w) && string.Equals(w, ChaosExtensionSettings.WrapperPath, StringComparison.Ordinal))))
                .Select(f => f.Id)
                .ToList();
            if (missing.Count > 0)
            {
                var (message, fix) = ConstructionMessages.ChaosExtensionNotAttached(action.Name, missing);
                yield return Finding(ConstructionCodes.ChaosExtensionNotAttached, message, fix, action.Name, map.Action(action.Name, "configure"));
            }
        }
    }

    private static ConstructionFinding Finding(string code, string message, string fix, string subject, SourceLocation? location) => new()
    {
        Code = code,
        Severity = DiagnosticSeverity.Warning,
        Message = message,
        Fix = fix,
        Subject = subject,
        Location = location,
    };
}
