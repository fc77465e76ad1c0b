using Faultline.Core.Functions;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

// Rule chaos-extension-not-attached: the run set the chaos extension's variables, but the extension was not attached.
public static partial class Diagnoser
{
    /// <summary>
    /// Rule <see cref="DiagnosisCodes.ChaosExtensionNotAttached"/>: a function's environment turned on the chaos
    /// extension's faults (from the topology or a configure action) while its layer or <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap</c>
    /// was missing, so nothing was injected there, as on AWS
    /// (https://github.com/aws-cli-tools/chaos-lambda-extension, README "Usage").
    /// </summary>
    public static IEnumerable<DiagnosisFinding> ChaosExtensionNotAttached(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var changes = observations.Events.OfType<ConfigurationChanged>().ToList();
        foreach (var function in observations.Topology.AllFunctions)
        {
            var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
            IReadOnlyList<string> layers = function.Layers;
            var evidence = new List<string>();
            Inspect(environment, layers, function.ChaosExtensionRelease, "the topology", evidence);
            foreach (var change in changes.Where(c => string.Equals(c.Function, function.Id, StringComparison.Ordinal)))
            {
                foreach (var (name, value) in change.Environment)
                {
                    if (value is null)
                    {
                        environment.Remove(name);
                    }
                    else
                    {
                        environment[name] = value;
                    }
                }

                layers = change.Layers;
                Inspect(environment, layers, function.ChaosExtensionRelease, $"action '{change.Action}' at {RunFacts.Offset(observations, change.At)}", evidence);
            }

            if (evidence.Count > 0)
            {
                yield return new DiagnosisFinding
                {
                    Code = DiagnosisCodes.ChaosExtensionNotAttached,
                    Headline = DiagnosisTexts.ChaosExtensionNotAttachedHeadline(function.Id),
                    Evidence = evidence,
                    Fix = DiagnosisTexts.ChaosExtensionNotAttachedFix,
                    Region = function.Region,
                };
            }
        }
    }

    private static void Inspect(Dictionary<string, string> environment, IReadOnlyList<string> layers, ChaosExtensionRelease release, string by, List<string> evidence)
    {
        var settings = ChaosExtensionSettings.From(environment, layers, release);
        if (!settings.RequestedButNotAttached)
        {
            return;
        }

        var layer = layers.Any(ChaosExtensionSettings.IsExtensionLayer) ? "layer attached" : "no chaos-lambda-extension layer";
        var wrapper = environment.TryGetValue(ChaosExtensionSettings.ExecWrapper, out var w) ? $"{ChaosExtensionSettings.ExecWrapper}={w}" : $"{ChaosExtensionSettings.ExecWrapper} unset";
        evidence.Add($"after {by}: the variables ask for {(settings.LatencyRequested ? "latency" : "a replaced response")}, with {layer} and {wrapper}");
    }
}
