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
/// <para>A second with nothing to measure (no attempts finished, e.g. while every request is still waiting for its
/// timeout) is not an alarm second: it breaks the streak, as CloudWatch's default <c>missing data: not breaching</c>
/// does. A gap between measured seconds breaks it too.</para>
/// <para>Fires at most once. Not thread-safe: the runner feeds it from one loop.</para>
/// </remarks>
public sealed class StopConditionMonitor
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _populations;
    private readonly Dictionary<string, long> _latestByPopulation = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, List<LoadSecond>> _pending = [];
    private readonly int _secondsNeeded;
    private long? _lastEvaluated;
    private int _streak;
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
    }

    /// <summary>The condition watched.</summary>
    public StopConditionDefinition Condition { get; }

    /// <summary>The firing, once it happened.</summary>
    public StopConditionFired? Fired => _fired;

    /// <summary>Consecutive alarm seconds so far.</summary>
    public int Streak => _streak;

    /// <summary>Consecutive alarm seconds it takes to fire (the condition's <c>for</c>, at least one).</summary>
    public int SecondsNeeded => _secondsNeeded;

    /// <summary>The value of the last second measured; <c>null</c> before the first or when it had nothing to measure.</summary>
    public double? LastMeasured { get; private set; }

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
        var contiguous = _lastEvaluated is { } previous && previous == key - 1;
        _lastEvaluated = key;
        var value = TrafficMeasures.Measure(Condition.Metric, LoadStats.Merge(seconds.Select(s => s.Stats)));
        LastMeasured = value;
        if (value is null || !Condition.AlarmWhen.IsMetBy(value.Value))
        {
            _streak = 0;
            return null;
        }

        _streak = contiguous ? _streak + 1 : 1;
        if (_streak < _secondsNeeded)
        {
            return null;
        }

        // Known at the end of the second that completed the streak.
        return new StopConditionFired
        {
            At = seconds.Max(s => s.Start) + Second,
            Name = Condition.Name,
            Measured = value.Value,
            Threshold = Condition.AlarmWhen.ToString(),
            Lasted = TimeSpan.FromSeconds(_streak),
        };
    }

    private static long KeyOf(DateTimeOffset start) => (start.UtcTicks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond;
}
