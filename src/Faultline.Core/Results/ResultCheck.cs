using Faultline.Core.Checks;

namespace Faultline.Core.Results;

/// <summary>One check's result as <c>result.json</c> writes it (<see cref="CheckResult"/>).</summary>
public sealed record ResultCheck
{
    /// <summary>The check's 1-based position in the hypothesis.</summary>
    public required int Number { get; init; }

    /// <summary>The check's name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of check.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary><c>true</c> passed, <c>false</c> failed, <c>null</c> (omitted) undecidable.</summary>
    public bool? Passed { get; init; }

    /// <summary>Whether it is a steady-state check (its window is the baseline).</summary>
    public required bool IsSteadyState { get; init; }

    /// <summary>What was measured in the threshold's unit (<c>97.25%</c>, <c>after 1m28s</c>); omitted when nothing was.</summary>
    public string? Measured { get; init; }

    /// <summary>The raw measured value: percent, milliseconds, a count, or seconds for transitions; omitted when nothing was measured.</summary>
    public double? MeasuredValue { get; init; }

    /// <summary>What the check expects, e.g. <c>&gt;= 99%</c>.</summary>
    public required string Expected { get; init; }

    /// <summary>The window as written.</summary>
    public required string Window { get; init; }

    /// <summary>The window's start in wall time; omitted without wall time or when its edges were never reached.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The window's start as a lab-time offset from the run's start (<c>d.hh:mm:ss</c>).</summary>
    public TimeSpan? FromOffset { get; init; }

    /// <summary><see cref="FromOffset"/> in seconds.</summary>
    public double? FromOffsetSeconds { get; init; }

    /// <summary>The window's end in wall time; omitted without wall time or when its edges were never reached.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The window's end as a lab-time offset from the run's start.</summary>
    public TimeSpan? ToOffset { get; init; }

    /// <summary><see cref="ToOffset"/> in seconds.</summary>
    public double? ToOffsetSeconds { get; init; }

    /// <summary>One sentence on what was seen.</summary>
    public required string Explanation { get; init; }

    /// <summary>Why the host made the result untrustworthy; omitted when it kept time.</summary>
    public string? HostImpaired { get; init; }

    internal static ResultCheck Of(CheckResult check, ResultTimes times)
    {
        var from = times.At(check.From, check.FromOffset);
        var to = times.At(check.To, check.ToOffset);
        return new ResultCheck
        {
            Number = check.Number,
            Name = check.Name,
            Kind = check.Kind,
            Passed = check.Passed,
            IsSteadyState = check.IsSteadyState,
            Measured = check.Measured,
            MeasuredValue = check.MeasuredValue,
            Expected = check.Expected,
            Window = check.Window,
            From = from.Wall,
            FromOffset = from.Offset,
            FromOffsetSeconds = from.OffsetSeconds,
            To = to.Wall,
            ToOffset = to.Offset,
            ToOffsetSeconds = to.OffsetSeconds,
            Explanation = check.Explanation,
            HostImpaired = check.HostImpaired,
        };
    }
}
