using System.Globalization;
using Faultline.Core.Text;
using Faultline.Core.Topology;

namespace Faultline.Core.Host;

/// <summary>
/// How late the host may run the lab clock before a result can no longer be trusted: half of the tightest deadline
/// the topology models (a health probe's 2 s response limit, a function's timeout, …), in lab time. A timer later
/// than that could by itself push a healthy request or probe past its deadline, so a second with such lateness is
/// <i>host-impaired</i>. At time scale K the same allowance is 1/K of it in wall time: the faster the lab runs, the
/// quieter the host must be.
/// </summary>
public sealed record HostBudget
{
    /// <summary>The share of the tightest deadline the host may spend late: 1/2.</summary>
    public const double DeadlineShare = 0.5;

    /// <summary>Route 53's limit for an HTTP(S) health check's response after connecting (lab time): 2 s.</summary>
    public static readonly TimeSpan HealthCheckResponseLimit = TimeSpan.FromSeconds(2);

    /// <summary>Route 53's limit for a TCP health check's connect (lab time): 10 s.</summary>
    public static readonly TimeSpan HealthCheckTcpConnectLimit = TimeSpan.FromSeconds(10);

    /// <summary>The tightest modelled deadline (lab time).</summary>
    public required TimeSpan Deadline { get; init; }

    /// <summary>What that deadline is, in words: <c>hc-us's 2s response limit</c>.</summary>
    public required string DeadlineName { get; init; }

    /// <summary>Lab seconds per wall second of the run.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The largest timer lateness a second may have and still be trusted (lab time).</summary>
    public TimeSpan Allowance => Deadline * DeadlineShare;

    /// <summary>The same allowance in wall time, at <see cref="TimeScale"/>.</summary>
    public TimeSpan WallAllowance => Allowance / TimeScale;

    /// <summary>Whether a second's lateness is beyond the allowance.</summary>
    public bool Exceeds(HostSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        return second.Lateness > Allowance;
    }

    /// <summary>
    /// The highest time scale at which a host whose timers run up to <paramref name="wallLateness"/> late (wall time)
    /// stays within this budget's deadline, rounded down to a whole scale; at least 1.
    /// </summary>
    public double HighestScaleFor(TimeSpan wallLateness)
    {
        if (wallLateness <= TimeSpan.Zero)
        {
            return double.PositiveInfinity;
        }

        return Math.Max(1, Math.Floor(Allowance / wallLateness));
    }

    /// <summary>The budget of <paramref name="topology"/> at <paramref name="timeScale"/>.</summary>
    public static HostBudget For(Topology.Topology topology, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        var deadlines = new List<(TimeSpan Limit, string Name)>();
        foreach (var check in topology.HealthChecks.Where(c => !c.Disabled))
        {
            deadlines.Add(check.Type is HealthCheckType.Tcp
                ? (HealthCheckTcpConnectLimit, $"{check.Id}'s {Durations.Format(HealthCheckTcpConnectLimit)} connect limit")
                : (HealthCheckResponseLimit, $"{check.Id}'s {Durations.Format(HealthCheckResponseLimit)} response limit"));
        }

        foreach (var region in topology.Regions)
        {
            foreach (var function in region.Functions)
            {
                deadlines.Add((function.Timeout, $"{region.Name}/{function.Name}'s {Durations.Format(function.Timeout)} timeout"));
            }
        }

        var (limit, name) = deadlines.Count == 0
            ? (FunctionConfig.DefaultTimeout, $"the default {Durations.Format(FunctionConfig.DefaultTimeout)} function timeout")
            : deadlines.MinBy(d => d.Limit);
        return new HostBudget { Deadline = limit, DeadlineName = name, TimeScale = timeScale };
    }

    /// <summary>A time scale as printed: <c>20</c>, <c>2.5</c>.</summary>
    public static string FormatScale(double scale) => scale.ToString("0.##", CultureInfo.InvariantCulture);
}
