using System.ComponentModel;
using System.Reflection;
using Faultline.Cli.Commands.Fault;
using Faultline.Core.Faults;
using Spectre.Console.Cli;
using Xunit;

namespace Faultline.Cli.Tests.Commands.Fault;

public sealed class FaultAddSettingsFlagsTests
{
    [Fact]
    public void EveryOptionOfEveryKind_HasItsFlag()
    {
        var flags = typeof(FaultAddSettings).GetProperties()
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames)
            .Select(n => "--" + n)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(FaultKindRegistry.AllOptions.Append(FaultKindRegistry.Percentage), option => Assert.Contains(option.Flag, flags));
    }

    [Fact]
    public void OptionValues_NameEveryOptionOfEveryKind()
    {
        Assert.Equal(FaultKindRegistry.AllOptions.Select(o => o.Name).Order(StringComparer.Ordinal), new FaultAddSettings().OptionValues().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KindArgument_ListsTheRegistryKinds()
    {
        var description = typeof(FaultAddSettings).GetProperty(nameof(FaultAddSettings.Kind))!.GetCustomAttribute<DescriptionAttribute>()!.Description;

        Assert.Equal(string.Join(" | ", FaultKindRegistry.Names), description);
    }
}
