using Faultline.Core.Verdict;

namespace Faultline.Core.Results;

/// <summary>One moment of the timeline as <c>result.json</c> writes it (<see cref="TimelineEntry"/>).</summary>
public sealed record ResultTimelineEntry
{
    /// <summary>When, in wall time; omitted without wall time.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>When, as a lab-time offset from the run's start (<c>d.hh:mm:ss.fffffff</c>).</summary>
    public required TimeSpan Offset { get; init; }

    /// <summary><see cref="Offset"/> in seconds.</summary>
    public required double OffsetSeconds { get; init; }

    /// <summary>What kind of moment.</summary>
    public required TimelineEntryKind Kind { get; init; }

    /// <summary>What happened, in words.</summary>
    public required string Text { get; init; }

    /// <summary>What it is about (a population, a health check, a location, a fault id); omitted when nothing in particular.</summary>
    public string? Subject { get; init; }

    internal static ResultTimelineEntry Of(TimelineEntry entry, ResultTimes times) => Of(entry, times.At(entry.At, entry.Offset));

    private static ResultTimelineEntry Of(TimelineEntry entry, ResultTime at) => new()
    {
        At = at.Wall,
        Offset = at.Offset!.Value,
        OffsetSeconds = at.OffsetSeconds!.Value,
        Kind = entry.Kind,
        Text = entry.Text,
        Subject = entry.Subject,
    };
}
