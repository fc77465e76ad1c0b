namespace Faultline.Core.Results;

/// <summary>
/// One lab time as <c>result.json</c> writes it: the wall time (UTC; <c>null</c> without wall time), the lab-time
/// offset from the run's start, and that offset in seconds. Built by <see cref="ResultTimes.At"/>, so every time of the
/// document is mapped and rounded the same way.
/// </summary>
/// <param name="Wall">The wall time; <c>null</c> when the run has none or there is no time.</param>
/// <param name="Offset">The lab-time offset from the run's start; <c>null</c> when there is no time.</param>
/// <param name="OffsetSeconds"><paramref name="Offset"/> in seconds, rounded to the microsecond.</param>
internal readonly record struct ResultTime(DateTimeOffset? Wall, TimeSpan? Offset, double? OffsetSeconds);
