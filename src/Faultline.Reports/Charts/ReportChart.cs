namespace Faultline.Reports.Charts;

/// <summary>One chart over lab time: x is seconds since the run's start, one value per second per series.</summary>
public sealed record ReportChart
{
    /// <summary>A stable id, used in the HTML (<c>chart-{Id}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The chart's title.</summary>
    public required string Title { get; init; }

    /// <summary>What the y axis counts, e.g. <c>requests/s</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Seconds since the run's start, one per point.</summary>
    public required IReadOnlyList<double> Seconds { get; init; }

    /// <summary>The series, each with one value (or <c>null</c>) per point.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Whether values hold between points (states, not rates): drawn as steps.</summary>
    public bool Stepped { get; init; }

    /// <summary>
    /// The length of the period each point stands for, in seconds (60 for CloudWatch's 1-minute datapoints, drawn as a
    /// step to the period's end); <c>null</c> (the default) for per-second charts.
    /// </summary>
    public double? PeriodSeconds { get; init; }

    /// <summary>Whether the y axis is logarithmic (latency: 8 ms and 10 s both read). Default <c>false</c>.</summary>
    public bool LogScale { get; init; }

    /// <summary>Names for integer y values (e.g. DNS answers: 1 = <c>us-east-1</c>); empty for plain numbers.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}
