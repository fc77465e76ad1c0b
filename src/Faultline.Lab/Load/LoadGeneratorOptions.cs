using Faultline.Core.Load;

namespace Faultline.Lab.Load;

/// <summary>How the open-model load generator sends, times out and stops.</summary>
public sealed record LoadGeneratorOptions
{
    /// <summary>The default request timeout (lab time): 30 s — longer than API Gateway's 29 s integration timeout, so a slow backend shows as the gateway's 504, not as a client timeout.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default late threshold (wall time): 1 ms.</summary>
    public static readonly TimeSpan DefaultLateThreshold = TimeSpan.FromMilliseconds(1);

    /// <summary>The default stop grace (lab time): 10 s.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The largest in-flight pool sized automatically: 10,000 requests.</summary>
    public const int MaxAutoInFlight = 10_000;

    /// <summary>
    /// How long a request may take, from its actual send, before it counts as a timeout (lab time). Default 30 s.
    /// Requests share timers in slots of 1/64 of this (1–250 ms), so one times out up to a slot later.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>How long a TCP connect may take before it counts as a connect error (lab time). Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = Net.SourceBoundHttpOptions.DefaultConnectTimeout;

    /// <summary>A send later than its intended time by more than this (wall time: it measures this machine) is counted late. Default 1 ms.</summary>
    public TimeSpan LateThreshold { get; init; } = DefaultLateThreshold;

    /// <summary>
    /// How many requests of one population may be in flight; a send beyond it is dropped and counted, never queued.
    /// Default <c>null</c>: sized for the rate, <c>rate × request timeout × 1.25 + 32</c> capped at <see cref="MaxAutoInFlight"/>,
    /// so a fully stalled server at the configured rate is timed out rather than dropped.
    /// </summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Evenly spaced (default) or Poisson arrivals.</summary>
    public ArrivalProcess Arrivals { get; init; } = ArrivalProcess.Uniform;

    /// <summary>How long stopping waits for in-flight requests before abandoning them (lab time). Default 10 s.</summary>
    public TimeSpan StopTimeout { get; init; } = DefaultStopTimeout;

    /// <summary>How long a failed DNS lookup is remembered before the next connect asks again (lab time). Default 1 s.</summary>
    public TimeSpan NegativeDnsTtl { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many finished seconds each population keeps for <see cref="LoadPopulation.Recent"/>. Default 60.</summary>
    public int RecentSeconds { get; init; } = LoadAggregator.DefaultCapacity;

    /// <summary>How often finished seconds are collected and published (lab time). Default 250 ms.</summary>
    public TimeSpan CollectInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
