using Faultline.Core.Yaml;
using Xunit;

namespace Faultline.Core.Tests.Yaml;

public sealed class YamlDocumentReaderTests
{
    [Fact]
    public void Read_NestedDocument_KeepsOneBasedLinesAndColumns()
    {
        var context = new YamlReadContext("f.yaml");

        var root = Assert.IsType<YamlMapping>(YamlDocumentReader.Read("a:\n  b: [x, 'y']\n  c:\n    - d: 1\n", context));

        Assert.Empty(context.Diagnostics);
        Assert.Equal("f.yaml:1:1", root.Location.ToString());
        var a = Assert.IsType<YamlMapping>(root.Find("a"));
        Assert.Equal("f.yaml:2:3", a.Location.ToString());
        var b = Assert.IsType<YamlSequence>(a.Find("b"));
        Assert.Equal("f.yaml:2:6", b.Location.ToString());
        var y = Assert.IsType<YamlScalar>(b.Items[1]);
        Assert.Equal("y", y.Value);
        Assert.True(y.IsQuoted);
        Assert.Equal("f.yaml:2:10", y.Location.ToString());
        var c = Assert.IsType<YamlSequence>(a.Find("c"));
        Assert.Equal("f.yaml:4:7", Assert.IsType<YamlMapping>(c.Items[0]).Location.ToString());
    }

    [Fact]
    public void Read_DuplicateKeys_KeptInFileOrderWithoutThrowing()
    {
        var context = new YamlReadContext("f.yaml");

        var root = Assert.IsType<YamlMapping>(YamlDocumentReader.Read("a: 1\nb: 2\na: 3\n", context));

        Assert.Empty(context.Diagnostics);
        Assert.Equal(["a", "b", "a"], root.Entries.Select(e => e.KeyText));
        Assert.Equal("1", Assert.IsType<YamlScalar>(root.Find("a")).Value);
    }

    [Fact]
    public void Read_AnchorAndAlias_ResolvesToSameNode()
    {
        var context = new YamlReadContext("f.yaml");

        var root = Assert.IsType<YamlMapping>(YamlDocumentReader.Read("a: &x { k: v }\nb: *x\n", context));

        Assert.Same(root.Find("a"), root.Find("b"));
    }

    [Fact]
    public void Read_UndefinedAlias_ReportsSyntaxError()
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Null(YamlDocumentReader.Read("a: *nope\n", context));

        Assert.Equal("f.yaml:1:4: invalid YAML: alias *nope names no anchor defined before it; check the indentation, colons and quotes at this point", Assert.Single(context.Diagnostics).ToString());
    }

    [Fact]
    public void Read_SyntaxError_OneDiagnosticAtYamlExceptionLocation()
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Null(YamlDocumentReader.Read("a:\n  b: 1\n c: 2\n", context));

        Assert.Equal("f.yaml:3:2: invalid YAML: while parsing a block mapping, did not find expected key; check the indentation, colons and quotes at this point", Assert.Single(context.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void Read_Empty_ReportsEmptyFile(string text)
    {
        var context = new YamlReadContext("f.yaml");

        Assert.Null(YamlDocumentReader.Read(text, context));

        Assert.Equal("f.yaml:1:1: the file is empty; write the document's keys, starting at column 1", Assert.Single(context.Diagnostics).ToString());
    }

    [Fact]
    public void Read_SecondDocument_Reported()
    {
        var context = new YamlReadContext("f.yaml");

        Assert.NotNull(YamlDocumentReader.Read("a: 1\n---\nb: 2\n", context));

        Assert.Equal("f.yaml:2:1: the file holds more than one YAML document; remove the '---' and everything after it, or merge the documents", Assert.Single(context.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("a:", true)]
    [InlineData("a: ~", true)]
    [InlineData("a: null", true)]
    [InlineData("a: 'null'", false)]
    [InlineData("a: \"\"", false)]
    [InlineData("a: x", false)]
    public void Read_Scalar_IsNullOnlyWhenUnquotedNull(string text, bool expected)
    {
        var root = Assert.IsType<YamlMapping>(YamlDocumentReader.Read(text, new YamlReadContext("f.yaml")));

        Assert.Equal(expected, Assert.IsType<YamlScalar>(root.Find("a")).IsNull);
    }
}
