namespace Faultline.Core.Faults;

/// <summary>
/// The shared part of the kinds whose options are a mode and a delay that only one mode takes (<c>network</c>:
/// <c>latency</c>, <c>dns</c>: <c>delay</c>): reading both, and the rule that the delaying mode needs the delay and the
/// other modes refuse it.
/// </summary>
/// <typeparam name="TOptions">The kind's options.</typeparam>
/// <typeparam name="TMode">The kind's modes.</typeparam>
public abstract class ModeAndDelayFaultKind<TOptions, TMode> : FaultKindDescriptor<TOptions>
    where TOptions : FaultOptions
    where TMode : struct, Enum
{
    private IReadOnlyList<FaultOptionDefinition>? _options;

    /// <inheritdoc />
    public sealed override IReadOnlyList<FaultOptionDefinition> Options => _options ??= [ModeOption, DelayOption];

    /// <summary>The mode option.</summary>
    protected abstract FaultOptionDefinition ModeOption { get; }

    /// <summary>The delay option.</summary>
    protected abstract FaultOptionDefinition DelayOption { get; }

    /// <summary>The mode when none is given.</summary>
    protected abstract TMode DefaultMode { get; }

    /// <summary>The one mode that delays, and so takes the delay.</summary>
    protected abstract TMode DelayMode { get; }

    /// <inheritdoc />
    public sealed override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Create(FaultChoices.Parse(reader.Choice(ModeOption), DefaultMode), reader.Duration(DelayOption));
    }

    /// <summary>The options of <paramref name="mode"/> and <paramref name="delay"/>.</summary>
    protected abstract TOptions Create(TMode mode, TimeSpan? delay);

    /// <summary>The mode of <paramref name="options"/>.</summary>
    protected abstract TMode ModeOf(TOptions options);

    /// <summary>The delay of <paramref name="options"/>.</summary>
    protected abstract TimeSpan? DelayOf(TOptions options);

    /// <inheritdoc />
    protected sealed override void Validate(TOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var mode = ModeOf(options);
        var delay = DelayOf(options);
        Add(problems, FaultChoices.Check(ModeOption, spelling, mode));
        Add(problems, FaultOptionErrors.Delay(DelayOption, spelling, delay));
        if (problems.Count > 0)
        {
            return;
        }

        var delays = EqualityComparer<TMode>.Default.Equals(mode, DelayMode);
        if (delays && delay is null)
        {
            problems.Add(FaultOptionErrors.ModeNeedsDelay(ModeOption, DelayOption, spelling, FaultChoices.NameOf(mode)));
        }
        else if (!delays && delay is not null)
        {
            problems.Add(FaultOptionErrors.DelayWithoutDelayMode(ModeOption, DelayOption, spelling, FaultChoices.NameOf(mode), FaultChoices.NameOf(DelayMode)));
        }
    }
}
