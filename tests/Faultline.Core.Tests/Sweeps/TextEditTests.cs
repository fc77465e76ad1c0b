using Faultline.Core.Sweeps;

namespace Faultline.Core.Tests.Sweeps;

public sealed class TextEditTests
{
    [Theory]
    [InlineData("a: {}\n", "a.b=1", "a: {b: 1}\n")]
    [InlineData("a: { x: 1 }\n", "a.b=two words", "a: { x: 1, b: \"two words\" }\n")]
    [InlineData("a: { x: \"q\" }\n", "a.x=say \"hi\"", "a: { x: \"say \\\"hi\\\"\" }\n")]
    [InlineData("a:\n  x: 1 # why\n", "a.x=2", "a:\n  x: 2 # why\n")]
    [InlineData("a:\n  x: 1\n", "a.b=2", "a:\n  b: 2\n  x: 1\n")]
    [InlineData("a:\n  - name: n\n    x: 1\n", "a[n].b=2", "a:\n  - b: 2\n    name: n\n    x: 1\n")]
    [InlineData("a:\n  x:\n", "a.x=5", "a:\n  x: 5\n")]
    [InlineData("a:\n  x: ~\n", "a.x=null", "a:\n  x: \"null\"\n")]
    [InlineData("a: [{ id: s1, w: 1 }]\n", "a[s1].w=2", "a: [{ id: s1, w: 2 }]\n")]
    public void For_Edit_WritesValidYamlInPlace(string text, string argument, string expected)
    {
        Assert.True(SweepAxis.TryParse("topology:" + argument, out var axis, out _));
        var root = SpanTree.Parse(text)!;

        var path = PathResolver.Resolve(axis, SpanTree.Parse("{}")!, root, out var error);

        Assert.Null(error);
        var edited = TextEdit.Apply(text, [TextEdit.For(path!, axis.Values[0], text)]);
        Assert.Equal(expected, edited);
        Assert.NotNull(SpanTree.Parse(edited));
    }

    [Theory]
    [InlineData("10s", "10s")]
    [InlineData("-5", "-5")]
    [InlineData("20/s", "20/s")]
    [InlineData("99.5%", "99.5%")]
    [InlineData(">= 99%", "\">= 99%\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("NULL", "\"NULL\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("tab\there", "\"tab\\x09here\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    public void Format_Value_PlainOnlyWhenItCannotBeMisread(string value, string expected)
    {
        Assert.Equal(expected, YamlScalarText.Format(value));
    }
}
