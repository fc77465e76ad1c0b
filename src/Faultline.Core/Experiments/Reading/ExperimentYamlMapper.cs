using Faultline.Core.Text;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// Maps the YAML tree onto the experiment records, checking each value where it is written (types, ranges,
/// formats, duplicates) and each name the topology must define (clients, regions, health checks, records,
/// functions), since the topology is known before anything else is read. What needs the whole experiment —
/// targets used by actions, <c>startAfter</c>, cycles — is left to <see cref="ExperimentValidator"/>.
/// Values in error are dropped so reading can go on and report everything in one pass; the draft is never
/// handed out when there are errors.
/// </summary>
internal sealed partial class ExperimentYamlMapper
{
    private readonly YamlReadContext _context;
    private readonly Func<string, string, TopologyReadResult?> _loadTopology;
    private readonly string _baseDirectory;

    /// <param name="context">Where diagnostics and locations go.</param>
    /// <param name="baseDirectory">The experiment file's folder, which the topology path is relative to.</param>
    /// <param name="loadTopology">Loads (absolute path, display path); <c>null</c> when there is no such file.</param>
    public ExperimentYamlMapper(YamlReadContext context, string baseDirectory, Func<string, string, TopologyReadResult?> loadTopology)
    {
        _context = context;
        _baseDirectory = baseDirectory;
        _loadTopology = loadTopology;
    }

    /// <summary>The topology read, valid or not; <c>null</c> when it was not named or not found.</summary>
    public TopologyReadResult? TopologyResult { get; private set; }

    /// <summary>Every target name written, valid or not, so references to an invalid target are not reported twice.</summary>
    public List<string> WrittenTargets { get; } = [];

    /// <summary>Every action name written, valid or not.</summary>
    public List<string> WrittenActions { get; } = [];

    /// <summary>The topology when it read without errors; name checks against it are skipped otherwise.</summary>
    private Topology.Topology? Topology => TopologyResult?.Topology;

    /// <summary>Maps the document root; always returns a draft (possibly partial).</summary>
    public Experiment Map(YamlNode root)
    {
        var reader = MappingReader.Create(root, "the experiment", string.Empty, _context);
        var topologyPath = ReadTopology(reader);
        var timeScale = reader.TimeScale("timeScale");

        var seed = reader.WholeNumber("seed");
        var hypothesis = ReadHypothesis(reader);
        var load = ReadLoad(reader);
        if (load.Baseline == TimeSpan.Zero)
        {
            foreach (var check in hypothesis.Checks.Where(c => c.Window.From.Phase == Phase.Baseline || c.Window.To.Phase == Phase.Baseline))
            {
                _context.Add(ExperimentErrors.BaselineCheckWithoutBaseline(check.Location, check.Name));
            }
        }

        var targets = ReadTargets(reader);
        var actions = ReadActions(reader);
        var stopConditions = ReadStopConditions(reader);
        var awsTiming = ReadAwsTiming(reader);
        reader.Complete();
        return new Experiment
        {
            TopologyPath = topologyPath,
            TimeScale = timeScale,
            Seed = seed,
            Hypothesis = hypothesis,
            Load = load,
            Targets = targets,
            Actions = actions,
            StopConditions = stopConditions,
            AwsTiming = awsTiming,
        };
    }

    private string ReadTopology(MappingReader root)
    {
        var reference = root.RequiredString("topology", "./topology.yaml");
        if (string.IsNullOrWhiteSpace(reference))
        {
            return string.Empty;
        }

        var full = Path.GetFullPath(Path.Combine(_baseDirectory, reference));
        var display = DisplayPathOf(reference);
        TopologyResult = _loadTopology(full, display);
        if (TopologyResult is null)
        {
            _context.Add(ExperimentErrors.TopologyNotFound(root.LocationOf("topology"), reference, full));
        }
        else
        {
            foreach (var diagnostic in TopologyResult.Diagnostics)
            {
                _context.Add(diagnostic);
            }
        }

        return full;
    }

    // The topology's diagnostics name its file as the user would reach it: next to the experiment's display path.
    private string DisplayPathOf(string reference)
    {
        var folder = Path.GetDirectoryName(_context.DisplayPath) ?? string.Empty;
        var combined = Path.Combine(folder, reference);
        if (Path.IsPathRooted(combined))
        {
            return Path.GetFullPath(combined);
        }

        var normalized = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(combined));
        return normalized.Replace('\\', '/');
    }

    private LoadPlan ReadLoad(MappingReader root)
    {
        var load = root.Mapping("load", "load");
        var populations = new List<LoadPopulation>();
        var clients = load.Get("clients");
        switch (clients)
        {
            case null:
                break;
            case YamlScalar { Value: "all" }:
                break;
            case YamlMapping:
                var mapping = load.Mapping("clients", "load clients");
                foreach (var (name, node) in mapping.NamedEntries())
                {
                    CheckClient(name, "load");
                    populations.Add(ReadPopulation(name, node, mapping.ChildPath(name.Value)));
                }

                mapping.Complete();
                break;
            default:
                foreach (var name in load.ScalarList("clients"))
                {
                    CheckClient(name, "load");
                    if (populations.Any(p => p.Client == name.Value))
                    {
                        _context.Add(ExperimentErrors.DuplicateName(name.Location, "load client", name.Value, null));
                        continue;
                    }

                    populations.Add(new LoadPopulation { Client = name.Value });
                }

                break;
        }

        var baseline = load.Duration("baseline") ?? LoadPlan.DefaultBaseline;
        var recovery = load.Duration("recovery") ?? LoadPlan.DefaultRecovery;
        load.Complete();
        return new LoadPlan { Populations = populations, Baseline = baseline, Recovery = recovery };
    }

    private LoadPopulation ReadPopulation(YamlScalar name, YamlNode node, string path)
    {
        var what = $"load of client '{name.Value}'";
        var reader = MappingReader.Create(node, what, path, _context);
        var rate = ReadRate(reader, "rate");
        var rampFrom = ReadRate(reader, "rampFrom");
        var rampOver = reader.Duration("rampOver");
        if (rampOver == TimeSpan.Zero)
        {
            _context.Add(ExperimentErrors.NotPositive(reader.LocationOf("rampOver"), what, "rampOver", "1m"));
        }

        if (reader.Has("rampFrom") != reader.Has("rampOver"))
        {
            _context.Add(ExperimentErrors.RampIncomplete(reader.Location, name.Value));
        }

        reader.Complete();
        return new LoadPopulation { Client = name.Value, RatePerSecond = rate, RampFromPerSecond = rampFrom, RampOver = rampOver };
    }

    private double? ReadRate(MappingReader reader, string key)
    {
        if (reader.Get(key) is not { } node || YamlValues.Scalar(node, reader.What, key, _context) is not { } scalar)
        {
            return null;
        }

        var outcome = Rates.Parse(scalar.Value, out var rate);
        if (outcome == ParseOutcome.OutOfRange)
        {
            _context.Error(scalar.Location, YamlErrors.OutOfRange(reader.What, key, scalar.Value), YamlErrors.OutOfRangeFix(Rates.Range));
            return null;
        }

        if (outcome != ParseOutcome.Valid || rate <= 0)
        {
            _context.Add(ExperimentErrors.BadRate(scalar.Location, reader.What, key, scalar.Value));
            return null;
        }

        return rate;
    }

    private void CheckClient(YamlScalar name, string what)
    {
        if (Topology is { } topology && !topology.Clients.Any(c => c.Name == name.Value))
        {
            _context.Add(ExperimentErrors.NotInTopology(name.Location, what, "client", name.Value, topology.Clients.Select(c => c.Name).ToArray()));
        }
    }

    /// <summary>Reads <c>all</c>, one client name, or a list of names; each name is checked against the topology.</summary>
    private ClientSelector ReadClients(MappingReader reader, string what)
    {
        var node = reader.Get("clients");
        if (node is null)
        {
            return ClientSelector.All;
        }

        IReadOnlyList<YamlScalar> names;
        if (node is YamlScalar scalar)
        {
            if (scalar.Value == "all")
            {
                return ClientSelector.All;
            }

            names = [scalar];
        }
        else
        {
            names = reader.ScalarList("clients");
        }

        foreach (var name in names)
        {
            CheckClient(name, what);
        }

        return new ClientSelector { Names = names.Select(n => n.Value).Distinct(StringComparer.Ordinal).ToArray() };
    }
}
