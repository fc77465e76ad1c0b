namespace Faultline.Core.Experiments;

/// <summary>One population of the load: a topology client, optionally at another rate or ramped.</summary>
public sealed record LoadPopulation
{
    /// <summary>The client's name in the topology.</summary>
    public required string Client { get; init; }

    /// <summary>Requests per lab second; <c>null</c> keeps the topology's rate.</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>When set, the rate ramps from this value to the rate over <see cref="RampOver"/> from the run's start.</summary>
    public double? RampFromPerSecond { get; init; }

    /// <summary>How long the ramp lasts.</summary>
    public TimeSpan? RampOver { get; init; }
}
