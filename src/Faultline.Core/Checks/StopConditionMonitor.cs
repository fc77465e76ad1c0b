using Faultline.Core.Experiments;
using Faultline.Core.Load;
using Faultline.Core.Runs;

namespace Faultline.Core.Checks;

/// <summary>
/// Watches one stop condition over per-second traffic as the runner receives it, and fires when the alarm
/// threshold has held for the condition's <c>for</c> duration of consecutive lab seconds.
/// </summary>
/// <remarks>
/// <para>Seconds arrive per population in any order. A lab second is measured once every selected population has
/// delivered it or a later one (a population that skipped it cannot hold the alarm back), over the selected
/// populations' traffic merged. Populations' seconds are matched by their start rounded to the whole second.</para>
/// <para>A second with nothing to measure — no attempt finished in it, e.g. while every request is still waiting for
/// its timeout — is <i>missing</i>, and so is a second no population delivered at all. The condition's
/// <see cref="StopConditionDefinition.MissingData"/> judges it, as CloudWatch's <c>treatMissingData</c> does:
/// <c>breaching</c> counts it as an alarm second, <c>notBreaching</c> resets the streak, <c>ignore</c> skips it
/// (the streak holds, however long the gap), <c>missing</c> skips gaps shorter than <c>for</c> and resets the
/// streak after a gap of <c>for</c> (nothing left to evaluate: CloudWatch's INSUFFICIENT_DATA). Requests still in
/// flight past their client timeout when a second closes are already timeouts in that second's traffic (see
/// <see cref="LoadSecond.Overdue"/>), so a stall is data, not a gap, once its requests are overdue.</para>
/// <para>Fires at most once. Not thread-safe: the runner feeds it from one loop.</para>
/// </remarks>
public sealed class StopConditionMonitor
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _populations;
    private readonly Dictionary<string, long> _latestByPopulation = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, List<LoadSecond>> _pending = [];
    private readonly int _secondsNeeded;
    private readonly MissingDataTreatment _missingData;
    private long? _lastEvaluated;
    private int _streak;
    private int _missingInStreak;
    private int _missingRun;
    private double? _lastValueInStreak;
    private StopConditionFired? _fired;

    /// <summary>Creates a monitor of <paramref name="condition"/> over the run's populations.</summary>
    /// <param name="condition">The stop condition.</param>
    /// <param name="populations">Every population of the run; the condition's client selector picks among them.</param>
    public StopConditionMonitor(StopConditionDefinition condition, IEnumerable<string> populations)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(populations);
        Condition = condition;
        _populations = populations.Where(condition.Clients.Includes).ToHashSet(StringComparer.Ordinal);
        _secondsNeeded = Math.Max(1, (int)Math.Ceiling(condition.For.TotalSeconds));
        _missingData = condition.MissingData;
    }

    /// <summary>The condition watched.</summary>
    public StopConditionDefinition Condition { get; }

    /// <summary>The firing, once it happened.</summary>
    public StopConditionFired? Fired => _fired;

    /// <summary>Consecutive alarm seconds so far (missing seconds judged breaching included).</summary>
    public int Streak => _streak;

    /// <summary>Consecutive alarm seconds it takes to fire (the condition's <c>for</c>, at least one).</summary>
    public int SecondsNeeded => _secondsNeeded;

    /// <summary>The value of the last second measured; <c>null</c> before the first or when it had nothing to measure.</summary>
    public double? LastMeasured { get; private set; }

    /// <summary>Whether the last second judged had nothing to measure (and was judged by the condition's <c>treatMissingData</c>).</summary>
    public bool LastMissing { get; private set; }

    /// <summary>
    /// Takes one population's second; returns the firing when this second completes the alarm's duration, else
    /// <c>null</c> (also for every call after it fired, and for populations the condition does not select).
    /// </summary>
    public StopConditionFired? Observe(LoadSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        if (_fired is not null || !_populations.Contains(second.Population))
        {
            return null;
        }

        var key = KeyOf(second.Start);
        if (_lastEvaluated is { } done && key <= done)
        {
            // Too late to count: that second was already measured without it.
            return null;
        }

        if (!_pending.TryGetValue(key, out var seconds))
        {
            seconds = [];
            _pending[key] = seconds;
        }

        seconds.Add(second);
        _latestByPopulation[second.Population] = Math.Max(key, _latestByPopulation.GetValueOrDefault(second.Population, long.MinValue));
        while (_pending.Count > 0 && _fired is null)
        {
            var (first, firstSeconds) = _pending.First();
            if (!IsComplete(first))
            {
                break;
            }

            _pending.Remove(first);
            _fired = Evaluate(first, firstSeconds);
        }

        return _fired;
    }

    private bool IsComplete(long key) =>
        _populations.All(p => _latestByPopulation.TryGetValue(p, out var latest) && latest >= key);

    private StopConditionFired? Evaluate(long key, List<LoadSecond> seconds)
    {
        var end = seconds.Max(s => s.Start) + Second;
        if (_lastEvaluated is { } previous && key - previous > 1)
        {
            // Seconds nobody delivered are missing data too, oldest first. Past SecondsNeeded of them the outcome is
            // settled (fired, reset, or held), so the rest of a long gap changes nothing.
            var gap = key - previous - 1;
            for (var j = 1; j <= Math.Min(gap, _secondsNeeded); j++)
            {
                if (JudgeMissing(end - (Second * (gap + 1 - j))) is { } firedInGap)
                {
                    _lastEvaluated = key;
                    return firedInGap;
                }
            }
        }

        _lastEvaluated = key;
        var value = TrafficMeasures.Measure(Condition.Metric, LoadStats.Merge(seconds.Select(s => s.Stats)));
        if (value is null)
        {
            return JudgeMissing(end);
        }

        LastMeasured = value;
        LastMissing = false;
        _missingRun = 0;
        if (!Condition.AlarmWhen.IsMetBy(value.Value))
        {
            ResetStreak();
            return null;
        }

        _streak++;
        _lastValueInStreak = value;
        return _streak < _secondsNeeded ? null : Fire(end, value.Value);
    }

    // A second with nothing to measure that ends at `end`, judged by the condition's treatMissingData.
    private StopConditionFired? JudgeMissing(DateTimeOffset end)
    {
        LastMeasured = null;
        LastMissing = true;
        switch (_missingData)
        {
            case MissingDataTreatment.Breaching:
                _streak++;
                _missingInStreak++;
                return _streak < _secondsNeeded ? null : Fire(end, _lastValueInStreak ?? 0);
            case MissingDataTreatment.NotBreaching:
                ResetStreak();
                return null;
            case MissingDataTreatment.Missing:
                // Once every second the alarm would evaluate is missing, CloudWatch's alarm has insufficient data.
                if (++_missingRun >= _secondsNeeded)
                {
                    ResetStreak();
                }

                return null;
            case MissingDataTreatment.Ignore:
            default:
                return null;
        }
    }

    private void ResetStreak()
    {
        _streak = 0;
        _missingInStreak = 0;
        _lastValueInStreak = null;
    }

    // Known at the end of the second that completed the streak.
    private StopConditionFired Fire(DateTimeOffset end, double measured) => new()
    {
        At = end,
        Name = Condition.Name,
        Measured = measured,
        Threshold = Condition.AlarmWhen.ToString(),
        Lasted = TimeSpan.FromSeconds(_streak),
        MissingSeconds = _missingInStreak,
    };

    private static long KeyOf(DateTimeOffset start) => (start.UtcTicks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond;
}
