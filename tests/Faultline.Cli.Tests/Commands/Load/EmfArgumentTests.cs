using Faultline.Cli.Commands.Load;

namespace Faultline.Cli.Tests.Commands.Load;

public sealed class EmfArgumentTests
{
    [Fact]
    public void Normalize_EmfDash_JoinsThePair() =>
        Assert.Equal(["load", "http://a/", "--emf=-", "--rate", "1"], EmfArgument.Normalize(["load", "http://a/", "--emf", "-", "--rate", "1"]));

    [Fact]
    public void Normalize_EmfFile_LeavesItAlone() =>
        Assert.Equal(["load", "--emf", "out.emf"], EmfArgument.Normalize(["load", "--emf", "out.emf"]));

    [Fact]
    public void Normalize_AfterDoubleDash_LeavesItAlone() =>
        Assert.Equal(["load", "--", "--emf", "-"], EmfArgument.Normalize(["load", "--", "--emf", "-"]));
}
