using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Analyze;

/// <summary>One entry of <c>MetricDataResults</c> in the output of <c>aws cloudwatch get-metric-data</c>.</summary>
public sealed record MetricDataSeries
{
    /// <summary>The query's id (<c>Id</c>), which names what the series measures (see <see cref="MetricQueries"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The label (<c>Label</c>), or empty.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>The datapoints, each the start of its 1-minute period and its value, in time order.</summary>
    public required IReadOnlyList<(DateTimeOffset At, double Value)> Points { get; init; }

    /// <summary>
    /// Where the entry starts in its file; <c>null</c> for datapoints computed from a local run
    /// (<see cref="CloudWatchMinutes"/>), which come from no file.
    /// </summary>
    public SourceLocation? Location { get; init; }
}
