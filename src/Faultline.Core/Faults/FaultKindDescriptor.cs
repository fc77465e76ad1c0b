namespace Faultline.Core.Faults;

/// <summary>The shared part of a fault kind: the typed <see cref="Validate(TOptions, FaultOptionSpelling, List{FaultOptionProblem})"/> each kind writes.</summary>
/// <typeparam name="TOptions">The kind's options.</typeparam>
public abstract class FaultKindDescriptor<TOptions> : IFaultKind
    where TOptions : FaultOptions
{
    /// <inheritdoc />
    public abstract FaultKind Kind { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract FaultScope ActsOn { get; }

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public abstract IReadOnlyList<FaultOptionDefinition> Options { get; }

    /// <inheritdoc />
    public abstract Aws.Fis.IFisFaultMapping? Fis { get; }

    /// <inheritdoc />
    public string? FisActionId => Fis?.ActionId;

    /// <inheritdoc />
    public abstract Injection.IFaultInjector Injector { get; }

    /// <inheritdoc />
    public abstract FaultOptions Read(IFaultOptionReader reader);

    /// <inheritdoc />
    public IReadOnlyList<FaultOptionProblem> Validate(FaultOptions options, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        if (options is not TOptions typed)
        {
            throw new ArgumentException($"'{Name}' validates {typeof(TOptions).Name}, not {options?.GetType().Name ?? "null"}.", nameof(options));
        }

        var problems = new List<FaultOptionProblem>();
        Validate(typed, spelling, problems);
        return problems;
    }

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="problems"/>, building messages with <see cref="FaultOptionErrors"/>.</summary>
    protected abstract void Validate(TOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems);

    /// <summary>Adds <paramref name="problem"/> when there is one.</summary>
    protected static void Add(List<FaultOptionProblem> problems, FaultOptionProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
