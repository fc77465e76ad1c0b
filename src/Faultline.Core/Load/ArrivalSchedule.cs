namespace Faultline.Core.Load;

/// <summary>
/// When each request of an open-model population is meant to be sent: a piecewise arrival rate in lab
/// time (constant steps and linear ramps), with the intended send time of the n-th request computed in
/// closed form from the cumulative arrival count, never by adding up gaps (so pacing cannot drift).
/// Thread-safe: the runner changes the rate while the generator reads it.
/// </summary>
/// <remarks>
/// With a rate function r(t) the expected number of arrivals by time t is Λ(t) = ∫₀ᵗ r. Request n
/// (0-based) is intended at the first t with Λ(t) = n, so request 0 goes at the start and a constant
/// rate r sends request n at n / r. A ramp from a to b over D gives
/// Λ(t) = Λ₀ + a·τ + (b − a)·τ² / (2D) for τ = t − t₀, solved for τ. After a ramp the rate stays at b.
/// Rate changes are appended at a time no earlier than the last one; earlier arrivals are unaffected.
/// </remarks>
public sealed class ArrivalSchedule
{
    private readonly Lock _lock = new();
    private Segment[] _segments;

    /// <summary>Creates a schedule at a constant <paramref name="ratePerSecond"/> (requests per lab second, ≥ 0) from time zero.</summary>
    public ArrivalSchedule(double ratePerSecond)
    {
        CheckRate(ratePerSecond, nameof(ratePerSecond));
        _segments = [new Segment(0, 0, ratePerSecond, ratePerSecond, 0)];
    }

    /// <summary>How many rate changes (including the initial rate) the schedule holds.</summary>
    public int Segments => Volatile.Read(ref _segments).Length;

    /// <summary>Changes the rate to <paramref name="ratePerSecond"/> at <paramref name="at"/> (offset from the start, lab time). 0 pauses.</summary>
    public void SetRate(TimeSpan at, double ratePerSecond) => Ramp(at, ratePerSecond, ratePerSecond, TimeSpan.Zero);

    /// <summary>
    /// Ramps linearly from <paramref name="fromRate"/> to <paramref name="toRate"/> over <paramref name="duration"/>,
    /// starting at <paramref name="at"/> (offset from the start, lab time); the rate then stays at <paramref name="toRate"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the last change, or a rate or the duration is negative.</exception>
    public void Ramp(TimeSpan at, double fromRate, double toRate, TimeSpan duration)
    {
        CheckRate(fromRate, nameof(fromRate));
        CheckRate(toRate, nameof(toRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_lock)
        {
            var segments = _segments;
            var last = segments[^1];
            var start = at.TotalSeconds;
            if (start < last.Start)
            {
                throw new ArgumentOutOfRangeException(nameof(at), at, $"Rate changes must not go back in time; the last one is at {TimeSpan.FromSeconds(last.Start)}.");
            }

            var next = new Segment(start, last.CumulativeAt(start), fromRate, toRate, duration.TotalSeconds);

            // A change at the same instant as the previous one replaces it.
            var keep = start == last.Start ? segments.Length - 1 : segments.Length;
            var updated = new Segment[keep + 1];
            Array.Copy(segments, updated, keep);
            updated[keep] = next;
            Volatile.Write(ref _segments, updated);
        }
    }

    /// <summary>The rate (requests per lab second) at <paramref name="at"/>.</summary>
    public double RateAt(TimeSpan at)
    {
        var t = at.TotalSeconds;
        return Find(Volatile.Read(ref _segments), t).RateAt(t);
    }

    /// <summary>The expected number of arrivals by <paramref name="at"/>: Λ(t).</summary>
    public double ExpectedCount(TimeSpan at)
    {
        var t = at.TotalSeconds;
        return Find(Volatile.Read(ref _segments), t).CumulativeAt(t);
    }

    /// <summary>The intended send time (offset from the start, lab time) of request <paramref name="n"/> (0-based); <see cref="TimeSpan.MaxValue"/> when the rate stays 0 before it.</summary>
    public TimeSpan IntendedTime(long n) => IntendedTimeAt(n);

    /// <summary>
    /// The first time Λ(t) reaches <paramref name="cumulative"/>; <see cref="TimeSpan.MaxValue"/> when it never does.
    /// Poisson arrivals pass a running sum of exponential draws instead of n.
    /// </summary>
    public TimeSpan IntendedTimeAt(double cumulative)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cumulative);
        var segments = Volatile.Read(ref _segments);

        // The segment in which the cumulative count passes the target: the first whose successor starts beyond it.
        var i = 0;
        while (i < segments.Length - 1 && segments[i + 1].Cumulative <= cumulative)
        {
            i++;
        }

        var seconds = segments[i].TimeOf(cumulative);
        return double.IsPositiveInfinity(seconds) || seconds >= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.MaxValue
            : TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    private static Segment Find(Segment[] segments, double t)
    {
        var i = segments.Length - 1;
        while (i > 0 && segments[i].Start > t)
        {
            i--;
        }

        return segments[i];
    }

    private static void CheckRate(double rate, string name)
    {
        if (double.IsNaN(rate) || double.IsInfinity(rate) || rate < 0)
        {
            throw new ArgumentOutOfRangeException(name, rate, "A rate must be a finite number of requests per second, 0 or more.");
        }
    }

    /// <summary>From <see cref="Start"/>: a ramp from <see cref="From"/> to <see cref="To"/> over <see cref="Duration"/> seconds, then <see cref="To"/>.</summary>
    private readonly record struct Segment(double Start, double Cumulative, double From, double To, double Duration)
    {
        private double Slope => Duration > 0 ? (To - From) / Duration : 0;

        private double RampCount => Duration > 0 ? (From + To) / 2 * Duration : 0;

        public double RateAt(double t)
        {
            var tau = Math.Max(0, t - Start);
            return tau < Duration ? From + Slope * tau : To;
        }

        public double CumulativeAt(double t)
        {
            var tau = Math.Max(0, t - Start);
            return tau < Duration
                ? Cumulative + From * tau + Slope * tau * tau / 2
                : Cumulative + RampCount + To * (tau - Duration);
        }

        public double TimeOf(double cumulative)
        {
            var remaining = Math.Max(0, cumulative - Cumulative);
            if (remaining == 0)
            {
                return Start;
            }

            if (Duration > 0 && remaining <= RampCount)
            {
                var slope = Slope;
                if (slope == 0)
                {
                    return Start + remaining / From;
                }

                // Solve slope/2·τ² + From·τ − remaining = 0 for the positive root, in the form that stays
                // accurate when the slope is tiny (no cancellation of From against the square root).
                var root = Math.Sqrt(Math.Max(0, From * From + 2 * slope * remaining));
                return Start + 2 * remaining / (From + root);
            }

            return To > 0 ? Start + Duration + (remaining - RampCount) / To : double.PositiveInfinity;
        }
    }
}
