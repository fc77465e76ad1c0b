using System.Reflection;
using System.Text.Json.Serialization;
using Faultline.Core.Faults;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Faults;

public sealed class FaultKindRegistryTests
{
    // The rows of docs/faults.md's first table: | `kind` | acts on | parameters |
    private static (string Kind, string Row)[] DocumentedKinds() =>
        File.ReadAllLines(RepoPaths.Combine("docs", "faults.md"))
            .SkipWhile(l => !l.StartsWith("| kind ", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => (l.Split('`')[1], l))
            .ToArray();

    [Fact]
    public void Names_AreExactlyTheKindsDocsFaultsMdLists_InItsOrder()
    {
        Assert.Equal(DocumentedKinds().Select(d => d.Kind), FaultKindRegistry.Names);
    }

    [Fact]
    public void EveryOption_IsDocumentedInItsKindsRowByItsFlag()
    {
        var rows = DocumentedKinds().ToDictionary(d => d.Kind, d => d.Row);

        Assert.All(FaultKindRegistry.All, kind => Assert.All(kind.Options, option => Assert.Contains($"`{option.Flag}", rows[kind.Name], StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryFaultKindValue_HasExactlyOneDescriptor()
    {
        Assert.Equal(Enum.GetValues<FaultKind>(), FaultKindRegistry.All.Select(k => k.Kind));
    }

    [Fact]
    public void JsonDiscriminators_AreTheRegistryNamesAndOptionTypes()
    {
        var derived = typeof(FaultOptions).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => ((string?)a.TypeDiscriminator, a.DerivedType));

        Assert.Equal(FaultKindRegistry.All.Select(k => ((string?)k.Name, k.OptionsType)), derived);
    }

    [Fact]
    public void Read_EachKind_ReadsOptionsOfItsOwnKind()
    {
        Assert.All(FaultKindRegistry.All, kind => Assert.Equal(kind.Kind, kind.Read(new NoOptions()).Kind));
    }

    [Theory]
    [InlineData("statusCode", "--status-code")]
    [InlineData("preventExecution", "--prevent-execution")]
    [InlineData("delay", "--delay")]
    public void Flag_IsTheNameInKebabCase(string name, string flag)
    {
        Assert.Equal(flag, FaultKindRegistry.AllOptions.Single(o => o.Name == name).Flag);
    }

    [Fact]
    public void Find_IgnoresCase_AndKnowsNoOtherName()
    {
        Assert.Equal(FaultKind.HttpResponse, FaultKindRegistry.Find("HTTP-Response")?.Kind);
        Assert.Null(FaultKindRegistry.Find("latncy"));
    }

    private sealed class NoOptions : IFaultOptionReader
    {
        public bool Failed => false;

        public TimeSpan? Duration(FaultOptionDefinition option) => null;

        public int? WholeNumber(FaultOptionDefinition option) => null;

        public bool? Boolean(FaultOptionDefinition option) => null;

        public string? Text(FaultOptionDefinition option) => null;

        public string? Choice(FaultOptionDefinition option) => null;
    }
}
