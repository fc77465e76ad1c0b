using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Faults;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// Builds the FIS part of <c>faultline export aws</c>: <c>fis/experiment-template.json</c> (the input of
/// <c>aws fis create-experiment-template --cli-input-json</c>), the chaos extension's SSM automation document,
/// the stop conditions' CloudWatch alarms and the IAM roles (docs/aws.md). Anything AWS cannot express is an
/// error naming the action, or a warning saying what changes; nothing is dropped silently.
/// </summary>
public static partial class FisExport
{
    /// <summary>The template's path in the bundle.</summary>
    public const string TemplatePath = "fis/experiment-template.json";

    /// <summary>The automation document's path in the bundle.</summary>
    public const string DocumentPath = "ssm/chaos-extension.json";

    /// <summary>The alarms' CloudFormation template's path in the bundle.</summary>
    public const string AlarmsPath = "cloudformation/alarms.json";

    /// <summary>The IAM roles' CloudFormation template's path in the bundle.</summary>
    public const string IamPath = "cloudformation/iam.json";

    /// <summary>The bundle's README.</summary>
    public const string ReadmePath = "README.md";

    /// <summary>Builds the files, or the errors that prevent them.</summary>
    /// <param name="experiment">A valid experiment.</param>
    /// <param name="topology">Its topology.</param>
    /// <param name="options">The account to export for; default <see cref="FisExportOptions"/>.</param>
    public static FisExportResult Build(Experiment experiment, Topology.Topology topology, FisExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        options ??= new FisExportOptions();
        var diagnostics = new List<Diagnostic>();
        var account = options.AccountId;
        var region = ExperimentRegion(experiment, topology);
        var targets = new JsonObject();
        var actions = new JsonObject();
        var tags = new JsonObject { ["Name"] = $"{topology.Name}-experiment", ["faultline:topology"] = topology.Name };
        var functionArns = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var action in experiment.Actions)
        {
            CheckName(diagnostics, "action", action.Name, action.Location);
            var built = action switch
            {
                WaitAction wait => WaitJson(wait, diagnostics),
                ConfigureAction configure => ConfigureJson(configure, experiment, topology, account, tags, functionArns, diagnostics),
                FaultAction fault => FaultJson(fault, experiment, topology, account, region, targets, functionArns, diagnostics),
                _ => null,
            };
            if (built is null)
            {
                continue;
            }

            if (action.Description is { Length: > 0 } description)
            {
                built["description"] = description.Length > 512 ? description[..512] : description;
            }

            if (action.StartAfter.Count > 0)
            {
                built["startAfter"] = new JsonArray([.. action.StartAfter.Select(a => (JsonNode)a)]);
            }

            actions[action.Name] = built;
        }

        var alarms = StopConditionAlarms.Build(experiment, topology, account, region, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new FisExportResult([], diagnostics);
        }

        var stopConditions = new JsonArray();
        foreach (var alarm in alarms.AlarmArns)
        {
            stopConditions.Add(new JsonObject { ["source"] = FisNames.AlarmSource, ["value"] = alarm });
        }

        if (stopConditions.Count == 0)
        {
            // FIS requires the list; "none" is its documented way to say there is no stop condition.
            stopConditions.Add(new JsonObject { ["source"] = "none" });
        }

        var title = experiment.Hypothesis.Title;
        var template = new JsonObject
        {
            ["description"] = title.Length > 512 ? title[..512] : title,
            ["targets"] = targets,
            ["actions"] = actions,
            ["stopConditions"] = stopConditions,
            ["roleArn"] = FisNames.RoleArn(account, FisNames.FisRoleName(topology.Name)),
            ["experimentOptions"] = new JsonObject { ["accountTargeting"] = "single-account", ["emptyTargetResolutionMode"] = "fail" },
            ["tags"] = tags,
        };
        var usesAutomation = experiment.Actions.OfType<ConfigureAction>().Any();
        var files = new List<BundleFile>
        {
            new(TemplatePath, BundleJson.Write(template)),
            new(DocumentPath, ChaosExtensionDocument.Write()),
            new(AlarmsPath, alarms.Template),
            new(IamPath, FisIamTemplate.Write(topology.Name, account, region, [.. functionArns], alarms.AlarmArns, usesAutomation, experiment.Actions.OfType<FaultAction>().Any())),
        };
        return new FisExportResult(files, diagnostics);
    }

    /// <summary>The region the experiment runs in: that of the first function an action targets, else the topology's first region.</summary>
    public static string ExperimentRegion(Experiment experiment, Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        foreach (var action in experiment.Actions)
        {
            var targetName = action switch { FaultAction f => f.Target, ConfigureAction c => c.Target, _ => null };
            if (targetName is not null && experiment.FindTarget(targetName) is { } target && Functions(target, topology) is { Count: > 0 } found)
            {
                return found[0].Region;
            }
        }

        return topology.Regions.Count > 0 ? topology.Regions[0].Name : "us-east-1";
    }

    /// <summary>The functions a function target selects before its selection mode (the candidates FIS chooses from).</summary>
    public static IReadOnlyList<Topology.FunctionConfig> Functions(TargetDefinition target, Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(topology);
        if (target.Type != TargetType.Function)
        {
            return [];
        }

        var ids = FaultSpecValidator.MatchFunctions(target.Target, topology, $"target '{target.Name}'");
        return [.. topology.AllFunctions.Where(f => ids.Contains(f.Id, StringComparer.Ordinal))];
    }

    private static JsonObject? WaitJson(WaitAction wait, List<Diagnostic> diagnostics)
    {
        var duration = wait.Duration ?? TimeSpan.Zero;
        if (!CheckDuration(diagnostics, wait, duration))
        {
            return null;
        }

        return new JsonObject { ["actionId"] = FisActionIds.Wait, ["parameters"] = new JsonObject { ["duration"] = IsoDurations.Format(duration) } };
    }

    private static JsonObject? ConfigureJson(
        ConfigureAction configure, Experiment experiment, Topology.Topology topology, string account, JsonObject tags, SortedSet<string> functionArns, List<Diagnostic> diagnostics)
    {
        if (experiment.FindTarget(configure.Target) is not { } target)
        {
            return null;
        }

        if (target.Target.Selection.Kind != SelectionModeKind.All)
        {
            Add(diagnostics, configure.Location, FisErrors.ConfigureSelection(configure.Name, target.Target.Selection.ToString()));
            return null;
        }

        var functions = Functions(target, topology);
        var regions = functions.Select(f => f.Region).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Count != 1)
        {
            Add(diagnostics, configure.Location, FisErrors.ConfigureRegions(configure.Name, regions));
            return null;
        }

        var region = regions[0];
        foreach (var function in functions)
        {
            functionArns.Add(FisNames.FunctionArn(account, region, topology.Name, function.Name));
        }

        var mode = configure.AttachLayer is not null ? "attach" : configure.DetachLayer is not null ? "detach" : "configure";
        var layer = configure.AttachLayer ?? configure.DetachLayer;
        if (layer is not null && !string.Equals(layer, FisNames.ChaosExtensionLayer, StringComparison.Ordinal))
        {
            AddWarning(diagnostics, configure.Location, FisErrors.UnknownLayer(configure.Name, layer));
        }

        var variables = new JsonObject();
        foreach (var (name, value) in configure.SetEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            variables[name] = value;
        }

        var parameters = new JsonObject
        {
            ["FunctionName"] = new JsonArray([.. functions.Select(f => (JsonNode)FisNames.FunctionName(topology.Name, f.Name))]),
            ["ChaosMode"] = mode,
        };
        if (layer is not null)
        {
            parameters["LayerArn"] = FisNames.LayerArn(account, region, layer);
        }

        if (variables.Count > 0)
        {
            parameters["Variables"] = BundleJson.WriteCompact(variables);
        }

        if (configure.UnsetEnvironment.Count > 0)
        {
            parameters["UnsetVariables"] = new JsonArray([.. configure.UnsetEnvironment.Select(v => (JsonNode)v)]);
        }

        parameters["AutomationAssumeRole"] = FisNames.RoleArn(account, FisNames.AutomationRoleName(topology.Name));
        var documentParameters = BundleJson.WriteCompact(parameters);
        if (documentParameters.Length > 1024)
        {
            Add(diagnostics, configure.Location, FisErrors.DocumentParametersTooLong(configure.Name, documentParameters.Length));
            return null;
        }

        tags[FisNames.ConfigureTargetTagPrefix + configure.Name] = target.Name;
        return new JsonObject
        {
            ["actionId"] = FisActionIds.StartAutomation,
            ["parameters"] = new JsonObject
            {
                ["documentArn"] = FisNames.DocumentArn(account, region),
                ["documentParameters"] = documentParameters,
                ["maxDuration"] = IsoDurations.Format(FisNames.AutomationMaxDuration),
            },
        };
    }

    private static JsonObject? FaultJson(
        FaultAction fault, Experiment experiment, Topology.Topology topology, string account, string region, JsonObject targets, SortedSet<string> functionArns, List<Diagnostic> diagnostics)
    {
        // The kind writes its own parameters (its IFisFaultMapping, in its folder); the shared ones and the target are ours.
        var parameters = new JsonObject();
        if (FaultKindRegistry.Get(fault.Options.Kind).Fis is not { } mapping)
        {
            Add(diagnostics, fault.Location, FisErrors.UnsupportedFault(fault.Name, FaultKinds.NameOf(fault.Options.Kind)));
            return null;
        }

        if (!mapping.Export(fault, parameters, diagnostics))
        {
            return null;
        }

        var duration = fault.Duration ?? TimeSpan.Zero;
        var durationOk = CheckDuration(diagnostics, fault, duration);
        if (fault.Percentage < 1 || fault.Percentage > 100 || fault.Percentage != Math.Floor(fault.Percentage))
        {
            Add(diagnostics, fault.Location, FisErrors.Percentage(fault.Name, fault.Percentage));
            return null;
        }

        if (!durationOk || experiment.FindTarget(fault.Target) is not { } target || !AddTarget(target, topology, account, region, targets, functionArns, diagnostics))
        {
            return null;
        }

        var ordered = new JsonObject
        {
            ["duration"] = IsoDurations.Format(duration),
            ["invocationPercentage"] = fault.Percentage.ToString("0", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in parameters)
        {
            ordered[name] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["actionId"] = mapping.ActionId,
            ["parameters"] = ordered,
            ["targets"] = new JsonObject { [FisNames.FunctionsTargetKey] = target.Name },
        };
    }

    private static bool AddTarget(TargetDefinition target, Topology.Topology topology, string account, string region, JsonObject targets, SortedSet<string> functionArns, List<Diagnostic> diagnostics)
    {
        if (targets.ContainsKey(target.Name))
        {
            return true;
        }

        CheckName(diagnostics, "target", target.Name, target.Location);
        var functions = Functions(target, topology);
        foreach (var function in functions)
        {
            functionArns.Add(FisNames.FunctionArn(account, function.Region, topology.Name, function.Name));
        }

        var otherRegions = functions.Select(f => f.Region).Where(r => r != region).Distinct(StringComparer.Ordinal).ToList();
        if (otherRegions.Count > 0)
        {
            AddWarning(diagnostics, target.Location, FisErrors.OtherRegion(target.Name, otherRegions, region));
        }

        var json = new JsonObject { ["resourceType"] = FisNames.LambdaResourceType };
        var filter = target.Target;
        if (filter.Tags.Count > 0 && filter.Region is null && filter.Function is null && filter.Route is null)
        {
            var resourceTags = new JsonObject();
            foreach (var (key, value) in filter.Tags.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                resourceTags[key] = value;
            }

            json["resourceTags"] = resourceTags;
        }
        else
        {
            if (functions.Count > 5)
            {
                Add(diagnostics, target.Location, FisErrors.TooManyArns(target.Name, functions.Count));
                return false;
            }

            json["resourceArns"] = new JsonArray([.. functions.Select(f => (JsonNode)FisNames.FunctionArn(account, f.Region, topology.Name, f.Name))]);
        }

        json["selectionMode"] = filter.Selection.ToString();
        targets[target.Name] = json;
        return true;
    }

    private static bool CheckDuration(List<Diagnostic> diagnostics, ActionDefinition action, TimeSpan duration)
    {
        if (duration >= IsoDurations.Minimum && duration <= IsoDurations.Maximum && duration.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return true;
        }

        Add(diagnostics, action.Location, FisErrors.DurationBounds(action.Name, Text.Durations.Format(duration)));
        return false;
    }

    private static void CheckName(List<Diagnostic> diagnostics, string kind, string name, SourceLocation? location)
    {
        if (!FisName().IsMatch(name))
        {
            Add(diagnostics, location, FisErrors.Name(kind, name));
        }
    }

    private static void Add(List<Diagnostic> diagnostics, SourceLocation? location, (string Message, string Fix) error) =>
        diagnostics.Add(Diagnostic.Error(location, error.Message, error.Fix));

    private static void AddWarning(List<Diagnostic> diagnostics, SourceLocation? location, (string Message, string Fix) warning) =>
        diagnostics.Add(Diagnostic.Warning(location, warning.Message, warning.Fix));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FisName();
}
