using Faultline.Core.Aws.Fis;

namespace Faultline.Core.Faults.Error;

/// <summary><c>error</c>: the invocation fails, so the gateway answers 502 (the function runtime injects it).</summary>
public sealed class ErrorFaultKind : FaultKindDescriptor<ErrorFaultOptions>
{
    /// <summary>Whether the handler is skipped.</summary>
    public static readonly FaultOptionDefinition PreventExecution = new()
    {
        Name = "preventExecution", Type = FaultOptionType.Boolean, Help = "skip the handler", Example = "false", Default = "true",
    };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Error;

    /// <inheritdoc />
    public override string Name => "error";

    /// <inheritdoc />
    public override string Description => "the invocation fails (502 through the gateway)";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Functions;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [PreventExecution];

    /// <inheritdoc />
    public override IFisFaultMapping? Fis { get; } = new ErrorFisMapping();

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new ErrorFaultInjector();

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ErrorFaultOptions { PreventExecution = reader.Boolean(PreventExecution) ?? true };
    }

    /// <inheritdoc />
    protected override void Validate(ErrorFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        // A boolean has no value out of bounds.
    }
}
