namespace Faultline.Cli.Commands.Fault;

/// <summary>Settings of <c>faultline fault list</c>.</summary>
public sealed class FaultListSettings : LabConnectionSettings
{
}
