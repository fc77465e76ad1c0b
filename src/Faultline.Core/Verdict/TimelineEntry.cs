namespace Faultline.Core.Verdict;

/// <summary>One moment of a run's timeline.</summary>
public sealed record TimelineEntry
{
    /// <summary>When, lab time.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>When, as an offset from the run's start (what reports print: <c>+3m12s</c>).</summary>
    public required TimeSpan Offset { get; init; }

    /// <summary>What kind of moment.</summary>
    public required TimelineEntryKind Kind { get; init; }

    /// <summary>What happened, in words.</summary>
    public required string Text { get; init; }

    /// <summary>What it is about (a population, a health check, a location, a fault id), or <c>null</c>.</summary>
    public string? Subject { get; init; }
}
