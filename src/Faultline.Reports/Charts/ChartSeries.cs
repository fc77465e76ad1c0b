namespace Faultline.Reports.Charts;

/// <summary>One line of a chart.</summary>
/// <param name="Label">The legend label, e.g. <c>region_us-east-1</c>.</param>
/// <param name="Values">One value per point; <c>null</c> where nothing was measured.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);
