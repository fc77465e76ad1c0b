using Faultline.Core.Topology;

namespace Faultline.Core.Health;

/// <summary>
/// The state of one health check's checker fleet (Route 53 semantics, docs/lab.md, "What matches AWS"): every checker
/// has its own view, which starts healthy (a new check is healthy) and flips only after
/// <see cref="HealthCheckConfig.FailureThreshold"/> consecutive results the other way. The check is
/// healthy while more than 18% of checkers say healthy; <see cref="HealthCheckConfig.Inverted"/> inverts
/// that and <see cref="HealthCheckConfig.Disabled"/> makes it always healthy. Not thread-safe: the
/// <see cref="HealthRegistry"/> serializes access.
/// </summary>
public sealed class HealthCheckState
{
    /// <summary>Route 53's rule: healthy while MORE than this share (percent) of checkers report healthy.</summary>
    public const double HealthyAbovePercentage = 18;

    private readonly bool[] _views;
    private readonly int[] _streaks;

    /// <summary>Creates the fleet state of a check: <see cref="HealthCheckConfig.Checkers"/> checkers, all healthy.</summary>
    public HealthCheckState(HealthCheckConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(config.Checkers);
        Config = config;
        _views = new bool[config.Checkers];
        Array.Fill(_views, true);
        _streaks = new int[config.Checkers];
    }

    /// <summary>The check's configuration.</summary>
    public HealthCheckConfig Config { get; }

    /// <summary>How many checkers currently report healthy.</summary>
    public int HealthyCheckers => _views.Count(v => v);

    /// <summary>The share of checkers (0–100) reporting healthy: the <c>HealthCheckPercentageHealthy</c> metric.</summary>
    public double PercentageHealthy => 100.0 * HealthyCheckers / _views.Length;

    /// <summary>The status the fleet concludes (before any health-override fault): the >18% rule, inverted and disabled applied.</summary>
    public bool IsHealthy
    {
        get
        {
            if (Config.Disabled)
            {
                return true;
            }

            // Compare counts, not a rounded percentage: with 16 checkers 3 (18.75%) is healthy, and an
            // exact 18% (e.g. 9 of 50) is unhealthy.
            var healthy = HealthyCheckers * 100.0 > HealthyAbovePercentage * _views.Length;
            return Config.Inverted ? !healthy : healthy;
        }
    }

    /// <summary>The <c>HealthCheckStatus</c> metric: 1 healthy, 0 unhealthy.</summary>
    public int Status => IsHealthy ? 1 : 0;

    /// <summary>Whether a checker currently reports healthy.</summary>
    public bool CheckerView(int checker) => _views[checker];

    /// <summary>Records one probe result of a checker; returns whether that checker's view flipped.</summary>
    public bool Record(int checker, bool success)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(checker);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(checker, _views.Length);
        if (success == _views[checker])
        {
            _streaks[checker] = 0;
            return false;
        }

        _streaks[checker]++;
        if (_streaks[checker] < Math.Max(1, Config.FailureThreshold))
        {
            return false;
        }

        _views[checker] = success;
        _streaks[checker] = 0;
        return true;
    }
}
