namespace Faultline.Core.Time;

/// <summary>
/// Lab time: a <see cref="TimeProvider"/> that runs <see cref="Scale"/> times faster than the one it wraps.
/// With a scale of 20 a 10-minute fault window passes in 30 s of wall time. Timers created through it
/// take lab-time due times and periods.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _originTimestamp;
    private readonly DateTimeOffset _originUtc;

    /// <summary>Creates a provider that starts at the inner provider's now and runs <paramref name="scale"/> times faster.</summary>
    public ScaledTimeProvider(TimeProvider inner, double scale)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        _inner = inner;
        Scale = scale;
        _originTimestamp = inner.GetTimestamp();
        _originUtc = inner.GetUtcNow();
    }

    /// <summary>Lab seconds per wall second.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _originUtc + ToLab(_inner.GetElapsedTime(_originTimestamp));

    /// <inheritdoc />
    public override long GetTimestamp() => _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Scale);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, _inner.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)));

    /// <summary>Converts a lab-time span to wall time (infinite stays infinite).</summary>
    public TimeSpan ToWall(TimeSpan labTime) =>
        labTime == Timeout.InfiniteTimeSpan || labTime <= TimeSpan.Zero ? labTime : TimeSpan.FromTicks(Math.Max(1, (long)(labTime.Ticks / Scale)));

    /// <summary>The wall time (the inner provider's) at which this provider reads <paramref name="labTime"/>.</summary>
    public DateTimeOffset ToWallTime(DateTimeOffset labTime) =>
        _originUtc + TimeSpan.FromTicks((long)Math.Round((labTime - _originUtc).Ticks / Scale));

    /// <summary>Converts a wall-time span to lab time.</summary>
    public TimeSpan ToLab(TimeSpan wallTime) =>
        wallTime == Timeout.InfiniteTimeSpan ? wallTime : TimeSpan.FromTicks((long)(wallTime.Ticks * Scale));

    private sealed class ScaledTimer(ScaledTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToWall(dueTime), owner.ToWall(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
