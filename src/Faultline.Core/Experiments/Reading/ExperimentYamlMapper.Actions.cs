using Faultline.Core.Text;
using Faultline.Core.Faults;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// The action graph's nodes: faults with their kind's parameters, waits and configure steps; see
// ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private static readonly string[] ActionKindKeys = ["fault", "wait", "configure"];

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
        var kind = FaultKindRegistry.Find(kindText);
        if (kindText is not null && kind is null)
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

        var subject = kind is null ? $"{what}: " : $"{what} ({kind.Name}): ";
        var options = new YamlFaultOptionReader(reader, _context, subject);
        var percentage = options.Number(FaultKindRegistry.Percentage) ?? 100;
        var percentageProblem = FaultOptionErrors.Number(FaultKindRegistry.Percentage, FaultOptionSpelling.File, percentage);
        if (percentageProblem is not null)
        {
            _context.Add(percentageProblem.ToDiagnostic(reader.LocationOf("percentage"), subject));
        }

        if (kind is null)
        {
            // An unknown kind takes every parameter, so only keys no kind knows are reported.
            foreach (var option in FaultKindRegistry.AllOptions)
            {
                reader.Get(option.Name);
            }

            return null;
        }

        // The kind reads its options and checks them with the same rules and messages as fault add and the control API.
        var read = kind.Read(options);
        if (options.Failed)
        {
            return null;
        }

        var problems = kind.Validate(read, FaultOptionSpelling.File);
        foreach (var problem in problems)
        {
            _context.Add(problem.ToDiagnostic(problem.Option is null ? reader.Location : reader.LocationOf(problem.Option), subject));
        }

        if (problems.Count > 0 || target is null || duration is null || percentageProblem is not null)
        {
            return null;
        }

        return new FaultAction { Name = string.Empty, Options = read, Target = target, Duration = duration, Percentage = percentage };
    }
}
