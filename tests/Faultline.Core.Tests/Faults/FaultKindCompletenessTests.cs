using Faultline.Core.Aws.Fis;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Injection;
using Xunit;

namespace Faultline.Core.Tests.Faults;

/// <summary>
/// A fault kind is one folder and one registry line (docs/architecture.md, "Fault kinds"): every kind has a descriptor,
/// an injector for the stage its scope names, and a FIS mapping or an explicit "no FIS action", all in its folder.
/// </summary>
public sealed class FaultKindCompletenessTests
{
    private static readonly Dictionary<FaultScope, Type> StageOf = new()
    {
        [FaultScope.Functions] = typeof(IFunctionFaultInjector),
        [FaultScope.Region] = typeof(INetworkFaultInjector),
        [FaultScope.Record] = typeof(IDnsFaultInjector),
        [FaultScope.HealthCheck] = typeof(IHealthCheckFaultInjector),
    };

    public static TheoryData<FaultKind> Kinds => new(Enum.GetValues<FaultKind>());

    [Fact]
    public void EveryScope_HasAStageInterface()
    {
        Assert.Equal(Enum.GetValues<FaultScope>(), StageOf.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasADescriptorInItsFolder(FaultKind kind)
    {
        var descriptor = FaultKindRegistry.Get(kind);

        Assert.Equal(kind, descriptor.Kind);
        Assert.Equal($"Faultline.Core.Faults.{kind}", descriptor.GetType().Namespace);
        Assert.Equal(descriptor.GetType().Namespace, descriptor.OptionsType.Namespace);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasAnInjectorOfExactlyTheStageItsScopeNames_InItsFolder(FaultKind kind)
    {
        var descriptor = FaultKindRegistry.Get(kind);
        var stages = StageOf.Values.Where(stage => stage.IsInstanceOfType(descriptor.Injector)).ToArray();

        Assert.Equal([StageOf[descriptor.ActsOn]], stages);
        Assert.Equal(descriptor.GetType().Namespace, descriptor.Injector.GetType().Namespace);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasAFisMappingInItsFolder_OrSaysExplicitlyThatFisHasNone(FaultKind kind)
    {
        var descriptor = FaultKindRegistry.Get(kind);

        // The descriptor's own class decides (the base class declares Fis abstract, so no kind inherits "none").
        Assert.Equal(descriptor.GetType(), descriptor.GetType().GetProperty(nameof(IFaultKind.Fis))!.DeclaringType);
        if (descriptor.Fis is { } mapping)
        {
            Assert.Equal(descriptor.GetType().Namespace, mapping.GetType().Namespace);
            Assert.Contains(mapping.ActionId, FisActionIds.Supported);
            Assert.Equal(mapping.ActionId, descriptor.FisActionId);
            Assert.Equal(FaultScope.Functions, descriptor.ActsOn);
        }
        else
        {
            Assert.Null(descriptor.FisActionId);
        }
    }

    [Fact]
    public void FisActionIds_MapToOneKindEach()
    {
        var ids = FaultKindRegistry.All.Select(k => k.FisActionId).OfType<string>().ToArray();

        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Equal([FisActionIds.AddDelay, FisActionIds.InvocationError, FisActionIds.HttpIntegrationResponse], ids);
    }

    [Fact]
    public void InjectorOf_AnswersOnlyTheStageOfTheFaultsKind()
    {
        var fault = new ActiveFault
        {
            Id = "f1",
            Owner = "test",
            Spec = new FaultSpec { Options = new Core.Faults.Dns.DnsFaultOptions(), Target = new FaultTarget { Record = "api.example.test" } },
            Targets = ["api.example.test"],
            AppliedAt = DateTimeOffset.UnixEpoch,
            LeaseExpiresAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
        };

        Assert.NotNull(FaultKindRegistry.InjectorOf<IDnsFaultInjector>(fault));
        Assert.Null(FaultKindRegistry.InjectorOf<INetworkFaultInjector>(fault));
        Assert.Null(FaultKindRegistry.InjectorOf<IFunctionFaultInjector>(fault));
    }
}
