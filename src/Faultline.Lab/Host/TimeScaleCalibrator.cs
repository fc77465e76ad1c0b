using System.Net;
using Faultline.Core.Addressing;
using Faultline.Core.Host;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Hosting;
using Faultline.Lab.Load;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Host;

/// <summary>
/// <c>--time-scale auto</c>: before the run, stands the lab up with the experiment's load at each candidate scale,
/// highest first, for <see cref="TrialWallTime"/> of wall time, and picks the first scale at which the host's worst
/// timer lateness stayed within half of the <see cref="HostBudget"/> (the other half is room for the run's own
/// phases). See docs/lab.md ("Host timing").
/// </summary>
public static class TimeScaleCalibrator
{
    /// <summary>The scales tried, highest first: 50, 20, 10, 5, 2, 1.</summary>
    public static readonly IReadOnlyList<double> Candidates = [50, 20, 10, 5, 2, 1];

    /// <summary>How long each scale is tried, in wall time: 1.5 s.</summary>
    public static readonly TimeSpan TrialWallTime = TimeSpan.FromSeconds(1.5);

    /// <summary>The start of a trial not measured (the lab and load warming up), in wall time: 0.4 s.</summary>
    public static readonly TimeSpan WarmUpWallTime = TimeSpan.FromSeconds(0.4);

    /// <summary>Tries the candidate scales and returns the highest the host kept.</summary>
    /// <param name="topology">The lab to stand up.</param>
    /// <param name="populations">The experiment's load (its populations at their starting rates).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="wallClock">The wall clock.</param>
    /// <param name="progress">Told about each trial as it ends; may be <c>null</c>.</param>
    /// <param name="loggers">Loggers for the trial labs; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Stops calibrating.</param>
    public static async Task<TimeScaleCalibration> CalibrateAsync(
        Topology topology,
        IReadOnlyList<ClientConfig> populations,
        int seed,
        TimeProvider wallClock,
        Action<TimeScaleTrial>? progress,
        ILoggerFactory? loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(wallClock);
        loggers ??= NullLoggerFactory.Instance;
        var trials = new List<TimeScaleTrial>();
        foreach (var scale in Candidates)
        {
            var worst = await TryAsync(topology, populations, seed, wallClock, scale, loggers, cancellationToken).ConfigureAwait(false);
            var budget = HostBudget.For(topology, scale);
            var trial = new TimeScaleTrial(scale, worst, worst <= budget.WallAllowance / 2);
            trials.Add(trial);
            progress?.Invoke(trial);
            if (trial.Kept)
            {
                return new TimeScaleCalibration(scale, trials);
            }
        }

        return new TimeScaleCalibration(1, trials);
    }

    private static async Task<TimeSpan> TryAsync(Topology topology, IReadOnlyList<ClientConfig> populations, int seed, TimeProvider wallClock, double scale, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var clock = new ScaledTimeProvider(wallClock, scale);
        var random = new RandomSource(seed);
        await using var lab = await LabHost.StartAsync(topology, new LabOptions { Seed = seed, Clock = clock }, loggers, cancellationToken).ConfigureAwait(false);
        var resolver = new DnsStubResolver(new IPEndPoint(AddressPlan.DnsAddress, lab.DnsEndPoint.Port), clock);
        await using var load = new LoadGenerator(populations, AddressPlan.For(topology), resolver, lab.HttpPort, clock, random.Derive(), logger: loggers.CreateLogger<LoadGenerator>());
        await using var monitor = new HostTimingMonitor(clock);
        var measuredFrom = clock.GetUtcNow() + clock.ToLab(WarmUpWallTime);
        var worst = TimeSpan.Zero;
        var gate = new Lock();
        monitor.SecondCompleted += (_, second) =>
        {
            if (second.Start >= measuredFrom)
            {
                lock (gate)
                {
                    worst = second.Lateness > worst ? second.Lateness : worst;
                }
            }
        };
        monitor.Start();
        await load.StartAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(TrialWallTime, wallClock, cancellationToken).ConfigureAwait(false);
        await load.StopAsync(CancellationToken.None).ConfigureAwait(false);
        lock (gate)
        {
            return worst / scale;
        }
    }
}
