namespace Faultline.Cli.Commands.Fault;

/// <summary>Settings of <c>faultline fault reset</c>.</summary>
public sealed class FaultResetSettings : LabConnectionSettings
{
}
