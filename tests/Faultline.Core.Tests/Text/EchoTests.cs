using Faultline.Core.Diagnostics;
using Faultline.Core.Text;

namespace Faultline.Core.Tests.Text;

public sealed class EchoTests
{
    [Fact]
    public void Value_ControlCharacters_BecomeQuestionMarks() =>
        Assert.Equal("a?[31mb?c?d", Echo.Value("a\u001b[31mb\rc\u0007d"));

    [Fact]
    public void Value_LongerThan80_IsCutWithAnEllipsis()
    {
        var echoed = Echo.Value(new string('x', 10_000_000));

        Assert.Equal(new string('x', 80) + "…", echoed);
    }

    [Fact]
    public void Value_Short_IsUnchanged() => Assert.Equal("us-east-1", Echo.Value("us-east-1"));

    [Fact]
    public void Diagnostic_MessageAndFix_AreMadeSafeWhereverTheyAreBuilt()
    {
        var diagnostic = Diagnostic.Error(null, "bad \u001b]0;title\u0007 value " + new string('y', 5_000), "fix\r\nit") with { };

        Assert.False(Echo.HasControlCharacters(diagnostic.Message));
        Assert.False(Echo.HasControlCharacters(diagnostic.Fix!));
        Assert.Equal(Echo.MaxMessageLength + 1, diagnostic.Message.Length);
        Assert.False(Echo.HasControlCharacters((diagnostic with { Message = "\u001b" }).Message));
    }
}
