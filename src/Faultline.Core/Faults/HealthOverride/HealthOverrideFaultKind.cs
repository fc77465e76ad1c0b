namespace Faultline.Core.Faults.HealthOverride;

/// <summary><c>health-override</c>: a health check is forced healthy or unhealthy (the health registry honours it).</summary>
public sealed class HealthOverrideFaultKind : FaultKindDescriptor<HealthOverrideFaultOptions>
{
    /// <summary>The forced status.</summary>
    public static readonly FaultOptionDefinition Status = new()
    {
        Name = "status", Type = FaultOptionType.Choice, Help = "unhealthy (default) | healthy", Example = "unhealthy", Default = "unhealthy",
        ChoiceType = typeof(HealthOverrideStatus), Choices = ["unhealthy", "healthy"],
    };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.HealthOverride;

    /// <inheritdoc />
    public override string Name => "health-override";

    /// <inheritdoc />
    public override string Description => "a health check is forced healthy or unhealthy";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.HealthCheck;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [Status];

    /// <inheritdoc />
    /// <remarks>FIS has no action on Route 53 health checks: the AWS export reports the action as one it cannot export.</remarks>
    public override Aws.Fis.IFisFaultMapping? Fis => null;

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new HealthOverrideFaultInjector();

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new HealthOverrideFaultOptions { Status = FaultChoices.Parse(reader.Choice(Status), HealthOverrideStatus.Unhealthy) };
    }

    /// <inheritdoc />
    protected override void Validate(HealthOverrideFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems) =>
        Add(problems, FaultChoices.Check(Status, spelling, options.Status));
}
