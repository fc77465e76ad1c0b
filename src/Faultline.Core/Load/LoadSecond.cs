namespace Faultline.Core.Load;

/// <summary>One finished lab second of one population's load: the unit the runner journals, charts and checks.</summary>
public sealed record LoadSecond
{
    /// <summary>The population (client) name, e.g. <c>us-customers</c>.</summary>
    public required string Population { get; init; }

    /// <summary>The URL the population requests (the metrics' <c>SiteName</c> dimension in the seed's load-gen).</summary>
    public required Uri Url { get; init; }

    /// <summary>The second's number since the population started, 0-based.</summary>
    public required long Index { get; init; }

    /// <summary>When the second began, lab time.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>What happened in the second: sends and drops by the time they happened, outcomes by the time they finished.</summary>
    public required LoadStats Stats { get; init; }

    /// <summary>
    /// How many of <see cref="LoadStats.Timeouts"/> were requests still in flight past their client timeout when this
    /// second closed: the generator counts such a request as a timeout there and then, once, and drops whatever
    /// outcome it gets later, so a request is never counted twice. 0 when every timeout fired on time (the usual
    /// case); high when the host could not run the timeouts (or anything else) on time. Default 0, as in journals
    /// written before it existed.
    /// </summary>
    public long Overdue { get; init; }
}
