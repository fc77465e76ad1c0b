using Faultline.Core.Runs;

namespace Faultline.Core.Checks;

/// <summary>
/// The outcome of one hypothesis check: passed, failed, or undecidable (<see cref="Passed"/> <c>null</c>, e.g. no
/// traffic in the window or a window edge never reached), with what was measured, against what, over which time,
/// and in words. Plain data: serializes to JSON as is.
/// </summary>
public sealed record CheckResult
{
    /// <summary>The check's 1-based position in the hypothesis, for "check #2 failed".</summary>
    public required int Number { get; init; }

    /// <summary>The check's name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of check.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary><c>true</c> passed, <c>false</c> failed, <c>null</c> undecidable.</summary>
    public bool? Passed { get; init; }

    /// <summary>Whether it is a steady-state check (its window is the baseline), evaluated before any fault.</summary>
    public bool IsSteadyState { get; init; }

    /// <summary>What was measured, formatted in the threshold's unit (<c>97.25%</c>, <c>after 1m28s</c>, <c>never</c>); <c>null</c> when nothing was.</summary>
    public string? Measured { get; init; }

    /// <summary>The raw measured value: percent, milliseconds, a count, or seconds for transitions; <c>null</c> when nothing was measured.</summary>
    public double? MeasuredValue { get; init; }

    /// <summary>What the check expects, e.g. <c>&gt;= 99%</c> or <c>unhealthy within 3m</c>.</summary>
    public required string Expected { get; init; }

    /// <summary>The window as written, e.g. <c>fault.start + 3m .. fault.end</c>.</summary>
    public required string Window { get; init; }

    /// <summary>Where the window started (lab time), or <c>null</c> when its edges were never reached.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Where the window ended (lab time), or <c>null</c> when its edges were never reached.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The window's start as an offset from the run's start.</summary>
    public TimeSpan? FromOffset { get; init; }

    /// <summary>The window's end as an offset from the run's start.</summary>
    public TimeSpan? ToOffset { get; init; }

    /// <summary>One sentence on what was seen, e.g. <c>97.2% of 12,000 requests succeeded (336 failed: 336×5xx)</c>.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// Why the result cannot be trusted because the host could not keep lab time during its window (then
    /// <see cref="Passed"/> is <c>null</c> whatever was measured); <c>null</c> when the host kept time. See docs/lab.md.
    /// </summary>
    public string? HostImpaired { get; init; }

    /// <summary>The result as a journal event at <paramref name="at"/>.</summary>
    public CheckEvaluated ToEvent(DateTimeOffset at) => new()
    {
        At = at,
        Check = Name,
        Passed = Passed,
        Measured = Measured,
        Expected = Expected,
        HostImpaired = HostImpaired,
    };
}
