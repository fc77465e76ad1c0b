using System.ComponentModel;
using System.Reflection;
using Faultline.Cli.Output;
using Spectre.Console.Cli;

namespace Faultline.Cli.Tests.Output;

/// <summary>
/// <c>--output</c> and <c>-q</c> are declared once, in <see cref="OutputOptions"/>: every command that has them binds
/// that declaration through <see cref="IOutputSettings"/>, whichever base class it derives from.
/// </summary>
public sealed class OutputOptionsTests
{
    public static TheoryData<string> SettingsWithOutput() =>
        [.. OptionValues.SettingsTypes().Where(t => Option(t, "output") is not null).Select(t => t.FullName!)];

    [Fact]
    public void SettingsWithOutput_AreTheCommandsTheDocsList()
    {
        var paths = OptionValues.SettingsTypes().Where(t => Option(t, "output") is not null).Select(OptionValues.PathOf).Order(StringComparer.Ordinal);

        Assert.Equal(["fault list", "lint", "plan", "report", "run", "simulate"], paths);
    }

    [Theory]
    [MemberData(nameof(SettingsWithOutput))]
    public void SettingsWithOutput_BindOutputOptionsDeclaration(string typeName)
    {
        var type = typeof(OptionValues).Assembly.GetType(typeName)!;
        var output = Option(type, "output")!;
        var quiet = Option(type, "quiet")!;

        Assert.True(typeof(IOutputSettings).IsAssignableFrom(type), $"{type.Name} has --output but is not an IOutputSettings");
        Assert.Equal(["output"], output.GetCustomAttribute<CommandOptionAttribute>()!.LongNames);
        Assert.Equal("FORMAT", output.GetCustomAttribute<CommandOptionAttribute>()!.ValueName);
        Assert.Equal(OutputOptions.OutputDescription, output.GetCustomAttribute<DescriptionAttribute>()?.Description);
        Assert.Equal(OutputOptions.DefaultOutput, output.GetCustomAttribute<DefaultValueAttribute>()?.Value);
        Assert.Equal(["q"], quiet.GetCustomAttribute<CommandOptionAttribute>()!.ShortNames);
        Assert.Equal(["quiet"], quiet.GetCustomAttribute<CommandOptionAttribute>()!.LongNames);
        Assert.Equal(nameof(IOutputSettings.OutputText), output.Name);
        Assert.Equal(nameof(IOutputSettings.Quiet), quiet.Name);
    }

    // The property a settings type declares (or inherits) for the long option, or null.
    private static PropertyInfo? Option(Type settingsType, string longName) =>
        settingsType.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Contains(longName) == true);
}
