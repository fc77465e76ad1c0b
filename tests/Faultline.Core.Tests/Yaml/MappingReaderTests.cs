using Faultline.Core.Yaml;
using Xunit;

namespace Faultline.Core.Tests.Yaml;

public sealed class MappingReaderTests
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
    };

    [Fact]
    public void Complete_UnknownKey_ReportedWithDidYouMeanAndKnownKeysInAskedOrder()
    {
        var (reader, context) = Create("thing:\n  colour: red\n  sise: 3\n");

        reader.Text("colour");
        reader.WholeNumber("size");
        reader.Complete();

        Assert.Equal(["f.yaml:3:3: thing 'x' has unknown key 'sise'; did you mean 'size'? known keys: colour, size"], Render(context));
    }

    [Fact]
    public void Create_DuplicateKey_ReportedAtSecondAndFirstValueUsed()
    {
        var (reader, context) = Create("thing:\n  a: 1\n  b: 2\n  a: 3\n");

        Assert.Equal(1, reader.WholeNumber("a"));
        Assert.Equal(["f.yaml:4:3: thing 'x' has key 'a' twice (first at line 2); remove or rename one of them; only the first is used"], Render(context));
    }

    [Fact]
    public void Required_Missing_ReportedAtMappingWithExample()
    {
        var (reader, context) = Create("thing: { a: 1 }\n");

        Assert.Null(reader.Required("fqdn", "api.example.test"));

        Assert.Equal(["f.yaml:1:8: thing 'x' is missing required key 'fqdn'; add fqdn: api.example.test"], Render(context));
    }

    [Fact]
    public void Create_NotAMapping_ReportedAndReadsAsEmpty()
    {
        var (reader, context) = Create("thing: [1, 2]\n");

        Assert.Null(reader.Text("a"));
        Assert.Null(reader.Required("b", "1"));
        reader.Complete();

        Assert.Equal(["f.yaml:1:8: thing 'x' is a list, but must be a mapping; write it as key: value pairs"], Render(context));
    }

    [Fact]
    public void Create_NullNode_ReadsAsEmptyWithoutDiagnostics()
    {
        var (reader, context) = Create("thing:\n");

        Assert.Null(reader.Duration("a"));
        reader.Complete();

        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void TypedGetters_ConvertValues()
    {
        var (reader, context) = Create("thing: { d: 1m30s, n: 2.5, i: -3, b: TRUE, e: Tuesday, s: hi, list: [a, b] }\n");

        Assert.Equal(TimeSpan.FromSeconds(90), reader.Duration("d"));
        Assert.Equal(2.5, reader.Number("n"));
        Assert.Equal(-3, reader.WholeNumber("i"));
        Assert.True(reader.Boolean("b"));
        Assert.Equal(DayOfWeek.Tuesday, reader.Enum("e", Days));
        Assert.Equal("hi", reader.Text("s"));
        Assert.Equal(["a", "b"], reader.ScalarList("list").Select(s => s.Value));
        reader.Complete();
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void TypedGetters_BadValues_EachReported()
    {
        var (reader, context) = Create("thing: { d: soon, n: many, i: 1.5, b: yes, e: wednesday, s: [x], list: a }\n");

        Assert.Null(reader.Duration("d"));
        Assert.Null(reader.Number("n"));
        Assert.Null(reader.WholeNumber("i"));
        Assert.Null(reader.Boolean("b"));
        Assert.Null(reader.Enum("e", Days));
        Assert.Null(reader.Text("s"));
        Assert.Empty(reader.ScalarList("list"));

        Assert.Equal(
            [
                "f.yaml:1:13: thing 'x' has d 'soon', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M",
                "f.yaml:1:22: thing 'x' has n 'many', which is not a number; write a number such as 20 or 0.5",
                "f.yaml:1:31: thing 'x' has i '1.5', which is not a whole number; write a whole number such as 3",
                "f.yaml:1:39: thing 'x' has b 'yes', which is not true or false; write true or false",
                "f.yaml:1:47: thing 'x' has e 'wednesday', which is not allowed; allowed: monday, tuesday",
                "f.yaml:1:61: s of thing 'x' is a list, but must be a value; write a single value",
                "f.yaml:1:72: list of thing 'x' is a value, but must be a list; write it as a list, e.g. [a, b] or one '- item' per line",
            ],
            Render(context));
    }

    [Fact]
    public void Get_RecordsValueLocationsUnderPath()
    {
        var (reader, context) = Create("thing:\n  a: 1\n  items: [p, q]\n");

        reader.Get("a");
        reader.ScalarList("items");

        Assert.Equal("f.yaml:2:6", context.Find("things/x/a")?.ToString());
        Assert.Equal("f.yaml:3:14", context.Find("things/x/items/1")?.ToString());
        Assert.Equal("f.yaml:2:3", context.Find("things/x")?.ToString());
    }

    [Fact]
    public void NamedEntries_UserChosenKeys_NeverUnknownAndRecordedAtKey()
    {
        var context = new YamlReadContext("f.yaml");
        var root = YamlDocumentReader.Read("hc-a: { x: 1 }\nhc-b: 2\n", context);
        var reader = MappingReader.Create(root, "healthChecks", "healthChecks", context);

        var names = reader.NamedEntries().Select(e => e.Name.Value).ToList();
        reader.Complete();

        Assert.Equal(["hc-a", "hc-b"], names);
        Assert.Empty(context.Diagnostics);
        Assert.Equal("f.yaml:2:1", context.Find("healthChecks/hc-b")?.ToString());
    }

    [Fact]
    public void ChildPath_AtRoot_IsKeyAlone()
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Equal("dns", MappingReader.Create(null, "the topology", string.Empty, context).ChildPath("dns"));
        Assert.Equal("dns/zone", MappingReader.Create(null, "dns", "dns", context).ChildPath("zone"));
    }

    private static (MappingReader Reader, YamlReadContext Context) Create(string yaml)
    {
        var context = new YamlReadContext("f.yaml");
        var root = Assert.IsType<YamlMapping>(YamlDocumentReader.Read(yaml, context));
        return (MappingReader.Create(root.Find("thing"), "thing 'x'", "things/x", context), context);
    }

    private static List<string> Render(YamlReadContext context) => [.. context.Diagnostics.Select(d => d.ToString())];
}
