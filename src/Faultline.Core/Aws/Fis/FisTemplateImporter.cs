using System.Globalization;
using System.Text;
using System.Text.Json;
using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Text;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// <c>faultline import fis</c>: an FIS experiment template (the JSON of <c>aws fis get-experiment-template</c>,
/// with its <c>experimentTemplate</c> wrapper, or of <c>create-experiment-template</c> input) as experiment YAML.
/// Lambda targets map to the topology's functions by ARN region and function name, or by tags. Every
/// unsupported action and every broken FIS rule is an error at its <c>file:line:column</c>.
/// </summary>
public static class FisTemplateImporter
{
    /// <summary>Imports the template.</summary>
    public static FisImportResult Import(FisImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.TemplateJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var (message, fix) = FisErrors.NotJson(exception.Message.Split(" Path:", 2)[0]);
            var at = new SourceLocation(request.TemplatePath, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            return new FisImportResult(null, [Diagnostic.Error(at, message, fix)]);
        }

        using (document)
        {
            var session = new ImportSession(request, JsonSourceMap.Build(request.TemplateJson, request.TemplatePath));
            return session.Run(document.RootElement);
        }
    }

    private sealed class ImportSession(FisImportRequest request, JsonSourceMap map)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Topology.Topology _topology = request.Topology;
        private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FaultTarget> _targetFilters = new(StringComparer.Ordinal);
        private readonly List<string> _actions = [];
        private readonly List<string> _stopConditions = [];
        private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
        private string _root = string.Empty;

        public FisImportResult Run(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("experimentTemplate", out var wrapped))
            {
                root = wrapped;
                _root = "/experimentTemplate";
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(_root, FisErrors.Field("the template", "experimentTemplate or actions", "an object"));
                return Result(null);
            }

            if (root.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object)
            {
                foreach (var tag in tags.EnumerateObject())
                {
                    _tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
                }
            }

            var fisTargets = root.TryGetProperty("targets", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            if (fisTargets.ValueKind == JsonValueKind.Object)
            {
                foreach (var target in fisTargets.EnumerateObject())
                {
                    ReadTarget(target.Name, target.Value, $"{_root}/targets/{target.Name}");
                }
            }

            if (!root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Object || !actions.EnumerateObject().Any())
            {
                Error($"{_root}/actions", FisErrors.Field("the template", "actions", "an object with at least one action"));
                return Result(null);
            }

            var names = actions.EnumerateObject().Select(a => a.Name).ToList();
            var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var action in actions.EnumerateObject())
            {
                graph[action.Name] = ReadAction(action.Name, action.Value, $"{_root}/actions/{action.Name}", names, fisTargets);
            }

            CheckCycles(graph, names);
            if (root.TryGetProperty("stopConditions", out var stops) && stops.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var stop in stops.EnumerateArray())
                {
                    ReadStopCondition(stop, $"{_root}/stopConditions/{index++}");
                }
            }

            var title = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } text
                ? text
                : "Imported FIS experiment";
            return Result(_diagnostics.Any(x => x.Severity == DiagnosticSeverity.Error) ? null : Yaml(title));
        }

        private FisImportResult Result(string? yaml) => new(yaml, _diagnostics);

        private void ReadTarget(string name, JsonElement target, string at)
        {
            var resourceType = String(target, "resourceType");
            if (!string.Equals(resourceType, FisNames.LambdaResourceType, StringComparison.Ordinal))
            {
                Error($"{at}/resourceType", FisErrors.ResourceType(name, resourceType ?? "(missing)"));
                return;
            }

            var modeText = String(target, "selectionMode");
            if (modeText is null || !Faults.SelectionMode.TryParse(modeText, out var mode) || !string.Equals(modeText.Trim(), modeText.Trim().ToUpperInvariant(), StringComparison.Ordinal))
            {
                Error($"{at}/selectionMode", FisErrors.SelectionMode(name, modeText ?? "(missing)"));
                return;
            }

            FaultTarget? filter = null;
            if (target.TryGetProperty("resourceArns", out var arns) && arns.ValueKind == JsonValueKind.Array && arns.GetArrayLength() > 0)
            {
                var functions = new List<Topology.FunctionConfig>();
                var index = 0;
                foreach (var arn in arns.EnumerateArray())
                {
                    var text = arn.ValueKind == JsonValueKind.String ? arn.GetString()! : arn.GetRawText();
                    if (FunctionOf(text) is { } function)
                    {
                        functions.Add(function);
                    }
                    else
                    {
                        Error($"{at}/resourceArns/{index}", FisErrors.UnknownFunction(name, text, _topology.AllFunctions.Select(f => f.Id)));
                    }

                    index++;
                }

                filter = functions.Count == arns.GetArrayLength() ? FilterOf(name, functions, $"{at}/resourceArns") : null;
            }
            else if (target.TryGetProperty("resourceTags", out var tags) && tags.ValueKind == JsonValueKind.Object && tags.EnumerateObject().Any())
            {
                filter = new FaultTarget { Tags = tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal) };
            }
            else
            {
                Error(at, FisErrors.Field($"target '{name}'", "resourceArns or resourceTags", "a non-empty list of function ARNs or a map of tags"));
            }

            if (filter is not null)
            {
                filter = filter with { Selection = mode };
                _targetFilters[name] = filter;
                _targets[name] = TargetYaml(filter);
            }
        }

        private List<string> ReadAction(string name, JsonElement action, string at, List<string> names, JsonElement fisTargets)
        {
            var actionId = String(action, "actionId");
            var parameters = action.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var startAfter = new List<string>();
            if (action.TryGetProperty("startAfter", out var after) && after.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var entry in after.EnumerateArray())
                {
                    var value = entry.GetString() ?? string.Empty;
                    if (!names.Contains(value, StringComparer.Ordinal))
                    {
                        Error($"{at}/startAfter/{index}", FisErrors.UnknownStartAfter(name, value, names));
                    }
                    else
                    {
                        startAfter.Add(value);
                    }

                    index++;
                }
            }

            var body = new StringBuilder();
            switch (actionId)
            {
                case FisActionIds.Wait:
                    if (Duration(name, parameters, "duration", $"{at}/parameters/duration") is { } wait)
                    {
                        body.Append(CultureInfo.InvariantCulture, $"    wait: {Durations.Format(wait)}\n");
                    }

                    break;
                case FisActionIds.StartAutomation:
                    Automation(name, parameters, at, body);
                    break;
                default:
                    // A fault action: the kind that maps to it reads its own parameters (its IFisFaultMapping).
                    if (FaultKindRegistry.All.FirstOrDefault(k => k.FisActionId is not null && string.Equals(k.FisActionId, actionId, StringComparison.Ordinal)) is { Fis: { } mapping } kind)
                    {
                        LambdaAction(name, kind, mapping, action, parameters, at, fisTargets, body);
                    }
                    else
                    {
                        Error($"{at}/actionId", FisErrors.UnsupportedAction(name, actionId ?? "(missing)"));
                    }

                    break;
            }

            var yaml = new StringBuilder();
            yaml.Append(CultureInfo.InvariantCulture, $"  {Quote(name)}:\n");
            if (String(action, "description") is { Length: > 0 } description)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    description: {Quote(description)}\n");
            }

            yaml.Append(body);
            if (startAfter.Count > 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    startAfter: [{string.Join(", ", startAfter.Select(Quote))}]\n");
            }

            _actions.Add(yaml.ToString());
            return startAfter;
        }

        private void LambdaAction(string name, IFaultKind kind, IFisFaultMapping mapping, JsonElement action, JsonElement parameters, string at, JsonElement fisTargets, StringBuilder body)
        {
            var targetName = action.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Object ? String(targets, FisNames.FunctionsTargetKey) : null;
            if (targetName is null)
            {
                Error($"{at}/targets", FisErrors.NoFunctionsTarget(name));
            }
            else if (fisTargets.ValueKind != JsonValueKind.Object || !fisTargets.TryGetProperty(targetName, out _))
            {
                var defined = fisTargets.ValueKind == JsonValueKind.Object ? fisTargets.EnumerateObject().Select(x => x.Name) : [];
                Error($"{at}/targets/{FisNames.FunctionsTargetKey}", FisErrors.MissingTarget(name, targetName, defined));
            }

            var duration = Duration(name, parameters, "duration", $"{at}/parameters/duration");
            var percentage = Integer(name, parameters, "invocationPercentage", 100, 1, 100, $"{at}/parameters/invocationPercentage");
            body.Append(CultureInfo.InvariantCulture, $"    fault: {kind.Name}\n");
            body.Append(CultureInfo.InvariantCulture, $"    target: {Quote(targetName ?? string.Empty)}\n");
            foreach (var (option, value) in mapping.Import(new ParameterReader(this, name, parameters, at)))
            {
                body.Append(CultureInfo.InvariantCulture, $"    {option.Name}: {(option.Type == FaultOptionType.Text ? Quote(value) : value)}\n");
            }

            body.Append(CultureInfo.InvariantCulture, $"    percentage: {percentage ?? 100}\n");
            body.Append(CultureInfo.InvariantCulture, $"    duration: {Durations.Format(duration ?? TimeSpan.FromMinutes(1))}\n");
        }

        private void Automation(string name, JsonElement parameters, string at, StringBuilder body)
        {
            var documentArn = String(parameters, "documentArn");
            var arnParts = documentArn?.Split(':') ?? [];
            if (documentArn is null || arnParts.Length < 6 || !string.Equals(arnParts[2], "ssm", StringComparison.Ordinal))
            {
                Error($"{at}/parameters/documentArn", FisErrors.Parameter(name, "documentArn", documentArn ?? "(missing)", "an SSM document ARN (arn:aws:ssm:REGION:ACCOUNT:document/NAME)"));
                return;
            }

            var region = arnParts[3];
            if (String(parameters, "maxDuration") is { } maxText && !CheckBounds(name, "maxDuration", maxText, $"{at}/parameters/maxDuration"))
            {
                return;
            }

            var documentText = String(parameters, "documentParameters");
            JsonDocument? documentParameters = null;
            try
            {
                documentParameters = documentText is null ? null : JsonDocument.Parse(documentText);
            }
            catch (JsonException)
            {
                documentParameters = null;
            }

            if (documentParameters?.RootElement.ValueKind != JsonValueKind.Object)
            {
                Error($"{at}/parameters/documentParameters", FisErrors.Parameter(name, "documentParameters", documentText ?? "(missing)", "a JSON object with FunctionName, ChaosMode, LayerArn, Variables and UnsetVariables"));
                documentParameters?.Dispose();
                return;
            }

            using (documentParameters)
            {
                var values = documentParameters.RootElement;
                var functionNames = Strings(values, "FunctionName");
                var where = $"{at}/parameters/documentParameters";
                var functions = new List<Topology.FunctionConfig>();
                foreach (var functionName in functionNames)
                {
                    var arn = functionName.StartsWith("arn:", StringComparison.Ordinal) ? functionName : $"arn:aws:lambda:{region}:0:function:{functionName}";
                    if (FunctionOf(arn) is { } function)
                    {
                        functions.Add(function);
                    }
                    else
                    {
                        Error(where, FisErrors.UnknownFunction(name, $"{region}/{functionName}", _topology.AllFunctions.Select(f => f.Id)));
                    }
                }

                if (functionNames.Count == 0)
                {
                    Error(where, FisErrors.Parameter(name, "FunctionName", "(missing)", "a function name or a list of them"));
                    return;
                }

                if (functions.Count != functionNames.Count || FilterOf(name, functions, where) is not { } filter)
                {
                    return;
                }

                var mode = String(values, "ChaosMode")
                    ?? (documentArn.Contains("detach", StringComparison.OrdinalIgnoreCase) || documentArn.Contains("rollback", StringComparison.OrdinalIgnoreCase) ? "detach" : "attach");
                if (!ChaosExtensionDocument.Modes.Contains(mode, StringComparer.Ordinal))
                {
                    Error(where, FisErrors.Parameter(name, "ChaosMode", mode, string.Join(", ", ChaosExtensionDocument.Modes)));
                    return;
                }

                var layer = String(values, "LayerArn");
                if (mode != "configure" && string.IsNullOrEmpty(layer))
                {
                    Error(where, FisErrors.Parameter(name, "LayerArn", "(missing)", $"a layer version ARN (ChaosMode {mode} needs one)"));
                    return;
                }

                var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
                if (String(values, "Variables") is { Length: > 0 } variablesText)
                {
                    try
                    {
                        using var parsed = JsonDocument.Parse(variablesText);
                        foreach (var variable in parsed.RootElement.EnumerateObject())
                        {
                            variables[variable.Name] = variable.Value.ValueKind == JsonValueKind.String ? variable.Value.GetString()! : variable.Value.GetRawText();
                        }
                    }
                    catch (Exception exception) when (exception is JsonException or InvalidOperationException)
                    {
                        Error(where, FisErrors.Parameter(name, "Variables", variablesText, "a JSON object of strings"));
                        return;
                    }
                }

                var unset = Strings(values, "UnsetVariables").Where(v => v.Length > 0).ToList();
                if (String(values, "AliasName") is { Length: > 0 } alias)
                {
                    _diagnostics.Add(Diagnostic.Warning(map.At(where), $"action '{name}': AliasName '{alias}' is not imported: the lab's functions have no versions or aliases", "the lab changes the function itself"));
                }

                var targetName = TargetNameFor(name, filter);
                body.Append("    configure:\n");
                body.Append(CultureInfo.InvariantCulture, $"      target: {Quote(targetName)}\n");
                if (variables.Count > 0)
                {
                    body.Append("      setEnvironment:\n");
                    foreach (var (key, value) in variables)
                    {
                        body.Append(CultureInfo.InvariantCulture, $"        {Quote(key)}: {Quote(value)}\n");
                    }
                }

                if (unset.Count > 0)
                {
                    body.Append(CultureInfo.InvariantCulture, $"      unsetEnvironment: [{string.Join(", ", unset.Select(Quote))}]\n");
                }

                if (mode != "configure")
                {
                    body.Append(CultureInfo.InvariantCulture, $"      {(mode == "attach" ? "attachLayer" : "detachLayer")}: {Quote(FisNames.LayerNameOf(layer!))}\n");
                }
                else if (variables.Count == 0 && unset.Count == 0)
                {
                    Error(where, FisErrors.Parameter(name, "Variables", "(missing)", "variables to set or unset (ChaosMode configure changes nothing else)"));
                }
            }
        }

        private string TargetNameFor(string action, FaultTarget filter)
        {
            var preferred = _tags.TryGetValue(FisNames.ConfigureTargetTagPrefix + action, out var tagged) ? tagged : $"{action}-functions";
            var name = preferred;
            for (var n = 2; _targetFilters.TryGetValue(name, out var existing) && !SameFilter(existing, filter); n++)
            {
                name = $"{preferred}-{n}";
            }

            _targetFilters[name] = filter;
            _targets[name] = TargetYaml(filter);
            return name;
        }

        private static bool SameFilter(FaultTarget a, FaultTarget b) =>
            a.Region == b.Region && a.Function == b.Function && a.Selection == b.Selection && a.Tags.Count == b.Tags.Count && a.Tags.All(t => b.Tags.TryGetValue(t.Key, out var v) && v == t.Value);

        private void ReadStopCondition(JsonElement stop, string at)
        {
            var source = String(stop, "source");
            if (source == "none")
            {
                return;
            }

            if (source != FisNames.AlarmSource)
            {
                Error($"{at}/source", FisErrors.Field("stop condition", "source", $"{FisNames.AlarmSource} or none"));
                return;
            }

            var arn = String(stop, "value") ?? string.Empty;
            var alarmName = arn.Split(":alarm:", 2) is { Length: 2 } parts ? parts[1] : arn;
            if (AlarmMetadata(alarmName) is { } yaml)
            {
                _stopConditions.Add(yaml);
            }
            else
            {
                var (message, fix) = FisErrors.UnknownAlarm(arn);
                _diagnostics.Add(Diagnostic.Warning(map.At($"{at}/value"), message, fix));
            }
        }

        private string? AlarmMetadata(string alarmName)
        {
            if (request.AlarmsJson is null)
            {
                return null;
            }

            try
            {
                using var alarms = JsonDocument.Parse(request.AlarmsJson);
                if (!alarms.RootElement.TryGetProperty("Resources", out var resources))
                {
                    return null;
                }

                foreach (var resource in resources.EnumerateObject())
                {
                    var value = resource.Value;
                    if (value.TryGetProperty("Properties", out var properties) && String(properties, "AlarmName") == alarmName
                        && value.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty(StopConditionAlarms.MetadataKey, out var stop))
                    {
                        var fields = stop.EnumerateObject().Select(f => f.Name == "clients" && f.Value.GetString() is { } c && c != "all"
                            ? $"clients: [{string.Join(", ", c.Split(',').Select(Quote))}]"
                            : $"{f.Name}: {Quote(f.Value.GetString() ?? string.Empty)}");
                        return $"  - {{ {string.Join(", ", fields)} }}\n";
                    }
                }
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                return null;
            }

            return null;
        }

        private void CheckCycles(Dictionary<string, IReadOnlyList<string>> graph, List<string> names)
        {
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new List<string>();
            bool Visit(string node)
            {
                state[node] = 1;
                stack.Add(node);
                foreach (var next in graph[node])
                {
                    var s = state.GetValueOrDefault(next);
                    if (s == 1)
                    {
                        var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                        Error($"{_root}/actions/{next}/startAfter", FisErrors.Cycle(cycle));
                        return true;
                    }

                    if (s == 0 && Visit(next))
                    {
                        return true;
                    }
                }

                stack.RemoveAt(stack.Count - 1);
                state[node] = 2;
                return false;
            }

            foreach (var name in names)
            {
                if (state.GetValueOrDefault(name) == 0 && Visit(name))
                {
                    return;
                }
            }
        }

        private Topology.FunctionConfig? FunctionOf(string arn)
        {
            // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
            var parts = arn.Split(':');
            if (parts.Length < 7 || parts[2] != "lambda" || parts[5] != "function")
            {
                return null;
            }

            var region = parts[3];
            var name = parts[6];
            var prefix = FisNames.FunctionPrefix(_topology.Name);
            var local = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
            return _topology.FindRegion(region)?.Functions.FirstOrDefault(f => f.Name == local || f.Name == name);
        }

        private FaultTarget? FilterOf(string owner, List<Topology.FunctionConfig> functions, string at)
        {
            var distinct = functions.DistinctBy(f => f.Id).ToList();
            var all = _topology.AllFunctions.ToList();
            if (distinct.Count == all.Count)
            {
                return new FaultTarget();
            }

            var regions = distinct.Select(f => f.Region).Distinct(StringComparer.Ordinal).ToList();
            if (regions.Count == 1 && distinct.Count == 1)
            {
                return new FaultTarget { Region = regions[0], Function = distinct[0].Name };
            }

            if (regions.Count == 1 && distinct.Count == _topology.FindRegion(regions[0])!.Functions.Count)
            {
                return new FaultTarget { Region = regions[0] };
            }

            Error(at, FisErrors.ArnSet(owner));
            return null;
        }

        private TimeSpan? Duration(string action, JsonElement parameters, string parameter, string at)
        {
            var text = parameters.ValueKind == JsonValueKind.Object ? String(parameters, parameter) : null;
            if (text is null)
            {
                Error(at, FisErrors.Parameter(action, parameter, "(missing)", "an ISO 8601 duration from PT1M to PT12H"));
                return null;
            }

            return CheckBounds(action, parameter, text, at) && IsoDurations.TryParse(text, out var value) ? value : null;
        }

        private bool CheckBounds(string action, string parameter, string text, string at)
        {
            if (!IsoDurations.TryParse(text, out var value))
            {
                Error(at, FisErrors.Parameter(action, parameter, text, "an ISO 8601 duration such as PT10M"));
                return false;
            }

            if (value < IsoDurations.Minimum || value > IsoDurations.Maximum)
            {
                Error(at, FisErrors.DurationBounds(action, text));
                return false;
            }

            return true;
        }

        private int? Integer(string action, JsonElement parameters, string parameter, int fallback, int min, int max, string at)
        {
            var text = parameters.ValueKind == JsonValueKind.Object ? String(parameters, parameter) : null;
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Error(at, FisErrors.Parameter(action, parameter, text, $"a whole number from {min} to {max}"));
            return null;
        }

        private string Boolean(string action, JsonElement parameters, string parameter, string at)
        {
            var text = parameters.ValueKind == JsonValueKind.Object ? String(parameters, parameter) : null;
            if (text is null or "true")
            {
                return "true";
            }

            if (text == "false")
            {
                return "false";
            }

            Error(at, FisErrors.Parameter(action, parameter, text, "true or false"));
            return "true";
        }

        private static string? String(JsonElement element, string property) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                }
                : null;

        private static List<string> Strings(JsonElement element, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return [];
            }

            return value.ValueKind switch
            {
                JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)],
                // SSM StringList parameters are also written as one comma-separated string.
                JsonValueKind.String => [.. value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                _ => [],
            };
        }

        private void Error(string pointer, (string Message, string Fix) error) =>
            _diagnostics.Add(Diagnostic.Error(map.At(pointer), error.Message, error.Fix));

        // One fault action's parameters, read by its kind; errors point at the parameter in the template.
        private sealed class ParameterReader(ImportSession session, string action, JsonElement parameters, string at) : IFisParameterReader
        {
            public int? WholeNumber(string parameter, int fallback, int minimum, int maximum) =>
                session.Integer(action, parameters, parameter, fallback, minimum, maximum, $"{at}/parameters/{parameter}");

            public string Boolean(string parameter) => session.Boolean(action, parameters, parameter, $"{at}/parameters/{parameter}");

            public string? Text(string parameter) => String(parameters, parameter);
        }

        private static string TargetYaml(FaultTarget filter)
        {
            var parts = new List<string> { "type: function" };
            if (filter.Region is not null)
            {
                parts.Add($"region: {Quote(filter.Region)}");
            }

            if (filter.Function is not null)
            {
                parts.Add($"function: {Quote(filter.Function)}");
            }

            if (filter.Tags.Count > 0)
            {
                parts.Add($"tags: {{ {string.Join(", ", filter.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{Quote(t.Key)}: {Quote(t.Value)}"))} }}");
            }

            parts.Add($"selectionMode: {filter.Selection}");
            return $"{{ {string.Join(", ", parts)} }}";
        }

        private string Yaml(string title)
        {
            var yaml = new StringBuilder();
            yaml.Append(CultureInfo.InvariantCulture, $"# Imported from {Path.GetFileName(request.TemplatePath)} by faultline import fis (docs/aws.md).\n");
            yaml.Append("# An FIS template carries no hypothesis: the steady-state check below is a default; add the checks\n");
            yaml.Append("# this experiment must pass (docs/experiments.md). The load is every client of the topology.\n");
            yaml.Append(CultureInfo.InvariantCulture, $"topology: {Quote(request.TopologyReference)}\n");
            yaml.Append("hypothesis:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  title: {Quote(title)}\n");
            yaml.Append("  checks:\n");
            yaml.Append("    - { name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }\n");
            if (_targets.Count > 0)
            {
                yaml.Append("targets:\n");
                foreach (var (name, target) in _targets)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"  {Quote(name)}: {target}\n");
                }
            }

            yaml.Append("actions:\n");
            foreach (var action in _actions)
            {
                yaml.Append(action);
            }

            if (_stopConditions.Count > 0)
            {
                yaml.Append("stopConditions:\n");
                foreach (var stop in _stopConditions)
                {
                    yaml.Append(stop);
                }
            }

            return yaml.ToString();
        }

        private static string Quote(string text) => BundleJson.Quote(text);
    }
}
