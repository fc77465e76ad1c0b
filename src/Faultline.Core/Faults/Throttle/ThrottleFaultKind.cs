namespace Faultline.Core.Faults.Throttle;

/// <summary><c>throttle</c>: concurrency limited as reserved concurrency does (the function runtime injects it).</summary>
public sealed class ThrottleFaultKind : FaultKindDescriptor<ThrottleFaultOptions>
{
    /// <summary>Concurrent invocations allowed.</summary>
    public static readonly FaultOptionDefinition Concurrency = new()
    {
        Name = "concurrency", Type = FaultOptionType.WholeNumber, Help = "concurrent invocations allowed; 0 throttles all", Example = "0", Default = "0",
        Minimum = 0, Meaning = "0 (throttle everything) or more",
    };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Throttle;

    /// <inheritdoc />
    public override string Name => "throttle";

    /// <inheritdoc />
    public override string Description => "concurrency limited; invocations beyond it are rejected by the Lambda service";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Functions;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [Concurrency];

    /// <inheritdoc />
    /// <remarks>FIS has no Lambda throttle action (reserved concurrency is a configuration change, not a fault): the AWS export reports the action as one it cannot export.</remarks>
    public override Aws.Fis.IFisFaultMapping? Fis => null;

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new ThrottleFaultInjector();

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ThrottleFaultOptions { Concurrency = reader.WholeNumber(Concurrency) ?? 0 };
    }

    /// <inheritdoc />
    protected override void Validate(ThrottleFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems) =>
        Add(problems, FaultOptionErrors.Number(Concurrency, spelling, options.Concurrency));
}
