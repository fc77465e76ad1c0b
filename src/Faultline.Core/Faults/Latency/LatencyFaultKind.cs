using Faultline.Core.Aws.Fis;

namespace Faultline.Core.Faults.Latency;

/// <summary><c>latency</c>: a delay inside the function invocation, before the handler runs (the function runtime injects it).</summary>
public sealed class LatencyFaultKind : FaultKindDescriptor<LatencyFaultOptions>
{
    /// <summary>A fixed delay.</summary>
    public static readonly FaultOptionDefinition Delay = new() { Name = "delay", Type = FaultOptionType.Duration, Help = "the delay, e.g. 60s (at most 15m)", Example = "60s" };

    /// <summary>The shortest delay of a uniform range.</summary>
    public static readonly FaultOptionDefinition Min = new() { Name = "min", Type = FaultOptionType.Duration, Help = "shortest delay of a uniform range", Example = "1s" };

    /// <summary>The longest delay of a uniform range.</summary>
    public static readonly FaultOptionDefinition Max = new() { Name = "max", Type = FaultOptionType.Duration, Help = "longest delay of a uniform range", Example = "5s" };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Latency;

    /// <inheritdoc />
    public override string Name => "latency";

    /// <inheritdoc />
    public override string Description => "delay inside the function invocation; counts against its timeout";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Functions;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [Delay, Min, Max];

    /// <inheritdoc />
    public override IFisFaultMapping? Fis { get; } = new LatencyFisMapping();

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new LatencyFaultInjector();

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new LatencyFaultOptions { Delay = reader.Duration(Delay), Min = reader.Duration(Min), Max = reader.Duration(Max) };
    }

    /// <inheritdoc />
    protected override void Validate(LatencyFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        Add(problems, FaultOptionErrors.Delay(Delay, spelling, options.Delay));
        Add(problems, FaultOptionErrors.Delay(Min, spelling, options.Min));
        Add(problems, FaultOptionErrors.Delay(Max, spelling, options.Max));
        if (problems.Count > 0)
        {
            return;
        }

        if (options.Delay is not null && (options.Min is not null || options.Max is not null))
        {
            problems.Add(FaultOptionErrors.DelayAndRange(Delay, Min, Max, spelling));
        }
        else if (options.Delay is null && (options.Min is null || options.Max is null))
        {
            problems.Add(FaultOptionErrors.NeitherDelayNorRange(Delay, Min, Max, spelling));
        }
        else if (options.Min is { } min && options.Max is { } max && min > max)
        {
            problems.Add(FaultOptionErrors.MinAboveMax(Min, Max, spelling, min, max));
        }
    }
}
