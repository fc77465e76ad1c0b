using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>
/// Reads one mapping key by key while collecting diagnostics. Every key asked for becomes a known key;
/// <see cref="Complete"/> then reports the keys nobody asked for, with did-you-mean and the known list.
/// Duplicate keys are reported at the second occurrence and the first one is used. Each value read is
/// recorded in the context's location map under <c>{path}/{key}</c>.
/// </summary>
public sealed class MappingReader
{
    private readonly YamlReadContext _context;
    private readonly Dictionary<string, YamlEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _knownKeys = [];

    private MappingReader(YamlNode? node, string what, string path, YamlReadContext context)
    {
        _context = context;
        What = what;
        Path = path;
        Location = node?.Location;
        if (node is not null)
        {
            context.Record(path, node.Location);
        }

        if (node is YamlMapping mapping)
        {
            Node = mapping;
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is not YamlScalar key)
                {
                    context.Error(entry.Key.Location, YamlErrors.ComplexKey(what), YamlErrors.ComplexKeyFix());
                    continue;
                }

                if (_entries.TryGetValue(key.Value, out var first))
                {
                    context.Error(key.Location, YamlErrors.DuplicateKey(what, key.Value, first.Key.Location.Line), YamlErrors.DuplicateKeyFix());
                    continue;
                }

                _entries.Add(key.Value, entry);
            }
        }
        else if (node is not null and not YamlScalar { IsNull: true })
        {
            context.Error(node.Location, YamlErrors.WrongKind(what, node.Kind, "a mapping"), YamlErrors.WrongKindFix("a mapping"));
        }
    }

    /// <summary>The mapping's subject in messages, e.g. <c>health check 'hc-us'</c>.</summary>
    public string What { get; }

    /// <summary>The mapping's path in the location map, e.g. <c>healthChecks/hc-us</c>.</summary>
    public string Path { get; }

    /// <summary>The mapping, or <c>null</c> when the node was absent, null or not a mapping.</summary>
    public YamlMapping? Node { get; }

    /// <summary>Where the node starts, or <c>null</c> when absent.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The keys asked for so far, in the order asked.</summary>
    public IReadOnlyList<string> KnownKeys => _knownKeys;

    /// <summary>
    /// Starts reading <paramref name="node"/> as a mapping. An absent or null node reads as an empty mapping;
    /// any other non-mapping is reported and also reads as empty, so the caller can carry on.
    /// </summary>
    public static MappingReader Create(YamlNode? node, string what, string path, YamlReadContext context)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return new MappingReader(node, what, path, context);
    }

    /// <summary>The value of <paramref name="key"/> (null when absent or YAML null); marks the key known.</summary>
    public YamlNode? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_knownKeys.Contains(key))
        {
            _knownKeys.Add(key);
        }

        if (!_entries.TryGetValue(key, out var entry) || entry.Value is YamlScalar { IsNull: true })
        {
            return null;
        }

        _context.Record(ChildPath(key), entry.Value.Location);
        return entry.Value;
    }

    /// <summary>Whether the key is present with a non-null value (does not mark it known).</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var entry) && entry.Value is not YamlScalar { IsNull: true };

    /// <summary>The value of a required key, or <c>null</c> with a "missing required key" diagnostic.</summary>
    /// <param name="key">The key.</param>
    /// <param name="example">An example value for the fix, e.g. <c>api.us-east-1.example.test</c>.</param>
    public YamlNode? Required(string key, string example)
    {
        var node = Get(key);
        if (node is null && Node is not null)
        {
            _context.Error(Location, YamlErrors.MissingKey(What, key), YamlErrors.MissingKeyFix(key, example));
        }

        return node;
    }

    /// <summary>Where the key's value was written, else where the mapping starts.</summary>
    public SourceLocation? LocationOf(string key) =>
        _entries.TryGetValue(key, out var entry) ? entry.Value.Location : Location;

    /// <summary>An optional time scale, by the one rule and message of <see cref="Faultline.Core.Time.TimeScales"/>.</summary>
    public double? TimeScale(string key)
    {
        if (Get(key) is not { } node || YamlValues.Scalar(node, What, key, _context) is not { } scalar)
        {
            return null;
        }

        var outcome = Faultline.Core.Time.TimeScales.Parse(scalar.Value, out var value);
        if (outcome == Faultline.Core.Text.ParseOutcome.Valid)
        {
            return value;
        }

        _context.Error(scalar.Location, Faultline.Core.Time.TimeScales.Problem(key, scalar.Value, outcome), Faultline.Core.Time.TimeScales.Fix);
        return null;
    }

    /// <summary>An optional text value.</summary>
    public string? Text(string key) => Get(key) is { } node ? YamlValues.Text(node, What, key, _context) : null;

    /// <summary>A required text value.</summary>
    public string? RequiredString(string key, string example) => Required(key, example) is { } node ? YamlValues.Text(node, What, key, _context) : null;

    /// <summary>An optional duration.</summary>
    public TimeSpan? Duration(string key) => Get(key) is { } node ? YamlValues.Duration(node, What, key, _context) : null;

    /// <summary>An optional whole number; <paramref name="min"/>–<paramref name="max"/> is the range messages state when the text is too large to hold.</summary>
    public int? WholeNumber(string key, int min = int.MinValue, int max = int.MaxValue) => Get(key) is { } node ? YamlValues.WholeNumber(node, What, key, _context, min, max) : null;

    /// <summary>An optional number; <paramref name="min"/>–<paramref name="max"/> is the range messages state when the text is too large to hold.</summary>
    public double? Number(string key, double min = double.MinValue, double max = double.MaxValue) => Get(key) is { } node ? YamlValues.Number(node, What, key, _context, min, max) : null;

    /// <summary>An optional boolean.</summary>
    public bool? Boolean(string key) => Get(key) is { } node ? YamlValues.Boolean(node, What, key, _context) : null;

    /// <summary>An optional value out of a fixed set of names (see <see cref="YamlValues.Enum{T}"/>).</summary>
    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> allowed)
        where T : struct => Get(key) is { } node ? YamlValues.Enum(node, What, key, allowed, _context) : null;

    /// <summary>A nested mapping (empty when absent).</summary>
    public MappingReader Mapping(string key, string what) => Create(Get(key), what, ChildPath(key), _context);

    /// <summary>
    /// A list; a single value is reported (write a list), a null or absent key is an empty list.
    /// </summary>
    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            default:
                _context.Error(node.Location, YamlErrors.WrongKind($"{key} of {What}", node.Kind, "a list"), YamlErrors.WrongKindFix("a list"));
                return [];
        }
    }

    /// <summary>A list of text values; each item's location is recorded under <c>{path}/{key}/{index}</c>.</summary>
    public IReadOnlyList<YamlScalar> ScalarList(string key)
    {
        var result = new List<YamlScalar>();
        var items = Sequence(key);
        for (var i = 0; i < items.Count; i++)
        {
            if (YamlValues.Scalar(items[i], What, key, _context) is { } scalar)
            {
                _context.Record($"{ChildPath(key)}/{i}", scalar.Location);
                result.Add(scalar);
            }
        }

        return result;
    }

    /// <summary>
    /// The entries of a mapping whose keys are names the user chose (regions, health checks…), in file
    /// order, without duplicates. Each name's key location is recorded under <c>{path}/{name}</c>.
    /// </summary>
    public IReadOnlyList<(YamlScalar Name, YamlNode Value)> NamedEntries()
    {
        var result = new List<(YamlScalar, YamlNode)>();
        foreach (var entry in _entries.Values)
        {
            var name = (YamlScalar)entry.Key;
            _knownKeys.Add(name.Value);
            _context.Record(ChildPath(name.Value), name.Location);
            result.Add((name, entry.Value));
        }

        return result;
    }

    /// <summary>The location-map path of a key of this mapping: <c>{path}/{key}</c>, or the key alone at the root.</summary>
    public string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}/{key}";

    /// <summary>Reports every key that was never asked for. Call once, after reading every key.</summary>
    public void Complete()
    {
        if (Node is not null)
        {
            _context.KeysChecked?.Invoke(Node, _knownKeys);
        }

        foreach (var (key, entry) in _entries)
        {
            if (!_knownKeys.Contains(key))
            {
                _context.Error(entry.Key.Location, YamlErrors.UnknownKey(What, key), YamlErrors.UnknownKeyFix(key, _knownKeys));
            }
        }
    }
}
