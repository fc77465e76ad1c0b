using Faultline.Core.Text;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Throttle;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// The action graph's nodes: faults with their kind's parameters, waits and configure steps; see
// ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private static readonly string[] ActionKindKeys = ["fault", "wait", "configure"];

    private static readonly string[] AllFaultParameterKeys = ["delay", "min", "max", "preventExecution", "statusCode", "body", "contentType", "concurrency", "mode", "status"];

    private static readonly Dictionary<string, NetworkMode> NetworkModeNames = new(StringComparer.Ordinal)
    {
        ["blackhole"] = NetworkMode.Blackhole,
        ["reset"] = NetworkMode.Reset,
        ["latency"] = NetworkMode.Latency,
    };

    private static readonly Dictionary<string, DnsFaultMode> DnsModeNames = new(StringComparer.Ordinal)
    {
        ["servfail"] = DnsFaultMode.Servfail,
        ["nxdomain"] = DnsFaultMode.Nxdomain,
        ["delay"] = DnsFaultMode.Delay,
    };

    private static readonly Dictionary<string, HealthOverrideStatus> HealthStatusNames = new(StringComparer.Ordinal)
    {
        ["unhealthy"] = HealthOverrideStatus.Unhealthy,
        ["healthy"] = HealthOverrideStatus.Healthy,
    };

    private List<ActionDefinition> ReadActions(MappingReader root)
    {
        var result = new List<ActionDefinition>();
        var actions = root.Mapping("actions", "actions");
        var entries = actions.NamedEntries();
        foreach (var (name, node) in entries)
        {
            WrittenActions.Add(name.Value);
            if (ReadAction(name, node, actions.ChildPath(name.Value)) is { } action)
            {
                result.Add(action);
            }
        }

        if (entries.Count == 0)
        {
            _context.Add(ExperimentErrors.NoActions(actions.Location ?? root.Location ?? _context.StartOfFile));
        }

        actions.Complete();
        return result;
    }

    private ActionDefinition? ReadAction(YamlScalar name, YamlNode node, string path)
    {
        var what = $"action '{Echo.Value(name.Value)}'";
        var reader = MappingReader.Create(node, what, path, _context);
        var kinds = ActionKindKeys.Where(reader.Has).ToArray();
        if (kinds.Length != 1)
        {
            _context.Add(kinds.Length == 0 ? ExperimentErrors.ActionHasNoKind(name.Location, name.Value) : ExperimentErrors.ActionHasManyKinds(name.Location, name.Value, kinds));
            foreach (var key in ActionKindKeys.Concat(["target", "duration", "percentage", "startAfter", "description"]))
            {
                reader.Get(key);
            }

            reader.Complete();
            return null;
        }

        var startAfter = ReadStartAfter(reader);
        var description = reader.Text("description");
        ActionDefinition? action = kinds[0] switch
        {
            "fault" => ReadFault(reader, name.Value),
            "wait" => ReadWait(reader, what),
            _ => ReadConfigure(reader, name.Value),
        };
        reader.Complete();
        return action is null ? null : action with { Name = name.Value, StartAfter = startAfter, Description = description, Location = name.Location };
    }

    private static string[] ReadStartAfter(MappingReader reader)
    {
        // One predecessor may be written without brackets.
        IReadOnlyList<YamlScalar> names = reader.Get("startAfter") is YamlScalar single ? [single] : reader.ScalarList("startAfter");
        return names.Select(n => n.Value).ToArray();
    }

    private WaitAction? ReadWait(MappingReader reader, string what)
    {
        var duration = reader.Duration("wait");
        if (duration == TimeSpan.Zero)
        {
            _context.Add(ExperimentErrors.NotPositive(reader.LocationOf("wait"), what, "wait", "10m"));
            return null;
        }

        return duration is null ? null : new WaitAction { Name = string.Empty, Duration = duration };
    }

    private ConfigureAction? ReadConfigure(MappingReader reader, string name)
    {
        if (reader.Has("duration"))
        {
            _context.Add(ExperimentErrors.ConfigureHasDuration(reader.LocationOf("duration"), name));
            reader.Get("duration");
        }

        var what = $"configure of action '{Echo.Value(name)}'";
        var configure = reader.Mapping("configure", what);
        var target = configure.RequiredString("target", "us-functions");
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var setReader = configure.Mapping("setEnvironment", $"setEnvironment of action '{name}'");
        foreach (var (key, value) in setReader.NamedEntries())
        {
            if (YamlValues.Text(value, setReader.What, key.Value, _context) is { } text)
            {
                set[key.Value] = text;
            }
        }

        setReader.Complete();
        var unset = configure.Get("unsetEnvironment") is YamlScalar single ? [single.Value] : configure.ScalarList("unsetEnvironment").Select(s => s.Value).ToArray();
        var attach = configure.Text("attachLayer");
        var detach = configure.Text("detachLayer");
        configure.Complete();
        if (configure.Node is not null && set.Count == 0 && unset.Length == 0 && attach is null && detach is null)
        {
            _context.Add(ExperimentErrors.ConfigureDoesNothing(configure.Location, name));
            return null;
        }

        return target is null
            ? null
            : new ConfigureAction { Name = string.Empty, Target = target, SetEnvironment = set, UnsetEnvironment = unset, AttachLayer = attach, DetachLayer = detach };
    }

    private FaultAction? ReadFault(MappingReader reader, string name)
    {
        var what = $"action '{Echo.Value(name)}'";
        var kindText = reader.Text("fault");
        FaultKind? kind = null;
        if (kindText is not null && !FaultKinds.TryParse(kindText, out kind))
        {
            _context.Add(ExperimentErrors.UnknownFaultKind(reader.LocationOf("fault"), name, kindText));
        }

        var target = reader.RequiredString("target", "us-functions");
        var duration = reader.Required("duration", "10m") is null ? null : reader.Duration("duration");
        if (duration == TimeSpan.Zero)
        {
            _context.Add(ExperimentErrors.NotPositive(reader.LocationOf("duration"), what, "duration", "10m"));
            duration = null;
        }

        var percentage = reader.Number("percentage", 0, 100) ?? 100;
        if (percentage is < 0 or > 100)
        {
            _context.Add(ExperimentErrors.PercentageOutOfRange(reader.LocationOf("percentage"), name, percentage));
        }

        if (kind is null)
        {
            // An unknown kind takes every parameter, so only keys no kind knows are reported.
            foreach (var key in AllFaultParameterKeys)
            {
                reader.Get(key);
            }

            return null;
        }

        var options = ReadFaultOptions(reader, name, kind.Value);
        if (options is null || target is null || duration is null || percentage is < 0 or > 100)
        {
            return null;
        }

        return new FaultAction { Name = string.Empty, Options = options, Target = target, Duration = duration, Percentage = percentage };
    }

    private FaultOptions? ReadFaultOptions(MappingReader reader, string name, FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Latency:
                var delay = FaultDelay(reader, "delay", name);
                var min = FaultDelay(reader, "min", name);
                var max = FaultDelay(reader, "max", name);
                if (reader.Has("delay") && (reader.Has("min") || reader.Has("max")))
                {
                    _context.Add(ExperimentErrors.LatencyDelayAndRange(reader.LocationOf("delay"), name));
                    return null;
                }

                if (!reader.Has("delay") && !(reader.Has("min") && reader.Has("max")))
                {
                    _context.Add(ExperimentErrors.LatencyNeedsDelay(reader.Location, name));
                    return null;
                }

                if (min > max)
                {
                    _context.Add(ExperimentErrors.LatencyMinAboveMax(reader.LocationOf("min"), name, min.Value, max.Value));
                    return null;
                }

                return delay is null && (min is null || max is null) ? null : new LatencyFaultOptions { Delay = delay, Min = min, Max = max };
            case FaultKind.Error:
                return new ErrorFaultOptions { PreventExecution = reader.Boolean("preventExecution") ?? true };
            case FaultKind.HttpResponse:
                var status = reader.WholeNumber("statusCode", 100, 599) ?? 500;
                if (status is < 100 or > 599)
                {
                    _context.Add(ExperimentErrors.StatusCodeOutOfRange(reader.LocationOf("statusCode"), name, status));
                    return null;
                }

                return new HttpResponseFaultOptions
                {
                    StatusCode = status,
                    Body = reader.Text("body") ?? string.Empty,
                    ContentType = reader.Text("contentType") ?? "application/json",
                    PreventExecution = reader.Boolean("preventExecution") ?? true,
                };
            case FaultKind.Throttle:
                var concurrency = reader.WholeNumber("concurrency", 0, int.MaxValue) ?? 0;
                if (concurrency < 0)
                {
                    _context.Add(ExperimentErrors.ConcurrencyNegative(reader.LocationOf("concurrency"), name, concurrency));
                    return null;
                }

                return new ThrottleFaultOptions { Concurrency = concurrency };
            case FaultKind.Network:
                var networkMode = reader.Enum("mode", NetworkModeNames) ?? NetworkMode.Blackhole;
                var networkDelay = FaultDelay(reader, "delay", name);
                return CheckDelayMode(reader, name, "network", networkMode == NetworkMode.Latency, networkMode.ToString().ToLowerInvariant())
                    ? new NetworkFaultOptions { Mode = networkMode, Delay = networkDelay }
                    : null;
            case FaultKind.Dns:
                var dnsMode = reader.Enum("mode", DnsModeNames) ?? DnsFaultMode.Servfail;
                var dnsDelay = FaultDelay(reader, "delay", name);
                return CheckDelayMode(reader, name, "dns", dnsMode == DnsFaultMode.Delay, dnsMode.ToString().ToLowerInvariant())
                    ? new DnsFaultOptions { Mode = dnsMode, Delay = dnsDelay }
                    : null;
            default:
                return new HealthOverrideFaultOptions { Status = reader.Enum("status", HealthStatusNames) ?? HealthOverrideStatus.Unhealthy };
        }
    }

    /// <summary>A fault parameter that is a delay, bounded as the lab bounds it (<see cref="FaultLimits.MaximumDelay"/>), so the lab never refuses it mid-run.</summary>
    private TimeSpan? FaultDelay(MappingReader reader, string key, string name)
    {
        var value = reader.Duration(key);
        if (value is { } delay && FaultLimits.DelayProblem(delay, $"action '{name}' {key}") is { } problem)
        {
            _context.Add(ExperimentErrors.FaultDelayOutOfRange(reader.LocationOf(key), problem));
            return null;
        }

        return value;
    }

    private bool CheckDelayMode(MappingReader reader, string name, string kind, bool delayMode, string mode)
    {
        if (delayMode && !reader.Has("delay"))
        {
            _context.Add(ExperimentErrors.ModeNeedsDelay(reader.LocationOf("mode"), name, kind, mode));
            return false;
        }

        if (!delayMode && reader.Has("delay"))
        {
            _context.Add(ExperimentErrors.DelayWithoutDelayMode(reader.LocationOf("delay"), name, kind, mode));
            return false;
        }

        return true;
    }
}
