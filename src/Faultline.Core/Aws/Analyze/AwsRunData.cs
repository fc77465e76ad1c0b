using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// A real run read from AWS's files: the <see cref="RunObservations"/> a local run would have (the headline, with
/// 1-minute datapoints spread evenly and transitions placed mid-minute), plus what the datapoints leave open.
/// </summary>
public sealed record AwsRunData
{
    /// <summary>The observations checks, verdict, diagnosis and report are computed from.</summary>
    public required RunObservations Observations { get; init; }

    /// <summary>The FIS experiment the file described.</summary>
    public required FisExperimentRun Fis { get; init; }

    /// <summary>Events known only to within a datapoint (health flips, DNS moves inferred from traffic).</summary>
    internal IReadOnlyList<BoundedEvent> Bounded { get; init; } = [];

    /// <summary>The clients' counters per minute.</summary>
    internal IReadOnlyList<MinuteTraffic> Minutes { get; init; } = [];
}
