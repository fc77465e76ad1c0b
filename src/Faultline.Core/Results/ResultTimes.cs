using Faultline.Core.Journal;

namespace Faultline.Core.Results;

/// <summary>How a run's lab times appear in <c>result.json</c>: as wall time (when the run has one) and as an offset from the run's start.</summary>
internal sealed class ResultTimes(RunHeader header, DateTimeOffset runStart)
{
    /// <summary>The wall time of <paramref name="labTime"/>, UTC; <c>null</c> without wall time or without a time.</summary>
    public DateTimeOffset? Wall(DateTimeOffset? labTime) => labTime is { } t && header.ToWall(t) is { } wall ? wall.ToUniversalTime() : null;

    /// <summary>The lab-time offset of <paramref name="labTime"/> from the run's start.</summary>
    public TimeSpan? Offset(DateTimeOffset? labTime) => labTime - runStart;

    /// <summary>
    /// <paramref name="labTime"/> as the document writes a time: wall time, offset and offset in seconds. The offset is
    /// <paramref name="offset"/> when the caller has it already, else counted from the run's start.
    /// </summary>
    public ResultTime At(DateTimeOffset? labTime, TimeSpan? offset = null)
    {
        var from = offset ?? Offset(labTime);
        return new ResultTime(Wall(labTime), from, Seconds(from));
    }

    /// <summary>A span in seconds (lab time), rounded to the microsecond so the number reads as written.</summary>
    public static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 6) : null;
}
