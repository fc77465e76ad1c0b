namespace Faultline.Core.Faults;

/// <summary>
/// The shared part of the kinds whose options are a mode and a delay that only one mode takes (<c>network</c>:
/// <c>latency</c>, <c>dns</c>: <c>delay</c>): reading both, and the rule that the delaying mode needs the delay and the
/// other modes refuse it.
/// </summary>
/// <typeparam name="TOptions">The kind's options.</typeparam>
/// <typeparam name="TMode">The kind's modes.</typeparam>
public abstract class ModeAndDelayFaultKind<TOptions, TMode> : FaultKindDescriptor<TOptions>
    where TOptions : FaultOptions, IModeAndDelayOptions<TMode>, new()
    where TMode : struct, Enum
{
    private readonly FaultOptionDefinition _mode;
    private readonly FaultOptionDefinition _delay;
    private readonly TMode _defaultMode;
    private readonly TMode _delayMode;

    /// <summary>Creates the kind of the <paramref name="mode"/> and <paramref name="delay"/> options; <paramref name="delayMode"/> is the one that takes the delay.</summary>
    protected ModeAndDelayFaultKind(FaultOptionDefinition mode, FaultOptionDefinition delay, TMode defaultMode, TMode delayMode)
    {
        _mode = mode;
        _delay = delay;
        _defaultMode = defaultMode;
        _delayMode = delayMode;
        Options = [mode, delay];
    }

    /// <inheritdoc />
    public sealed override IReadOnlyList<FaultOptionDefinition> Options { get; }

    /// <inheritdoc />
    public sealed override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TOptions { Mode = FaultChoices.Parse(reader.Choice(_mode), _defaultMode), Delay = reader.Duration(_delay) };
    }

    /// <inheritdoc />
    protected sealed override void Validate(TOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        Add(problems, FaultChoices.Check(_mode, spelling, options.Mode));
        Add(problems, FaultOptionErrors.Delay(_delay, spelling, options.Delay));
        if (problems.Count > 0)
        {
            return;
        }

        var delays = EqualityComparer<TMode>.Default.Equals(options.Mode, _delayMode);
        if (delays && options.Delay is null)
        {
            problems.Add(FaultOptionErrors.ModeNeedsDelay(_mode, _delay, spelling, FaultChoices.NameOf(options.Mode)));
        }
        else if (!delays && options.Delay is not null)
        {
            problems.Add(FaultOptionErrors.DelayWithoutDelayMode(_mode, _delay, spelling, FaultChoices.NameOf(options.Mode), FaultChoices.NameOf(_delayMode)));
        }
    }
}
