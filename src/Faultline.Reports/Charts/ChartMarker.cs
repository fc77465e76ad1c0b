using Faultline.Core.Verdict;

namespace Faultline.Reports.Charts;

/// <summary>A vertical line every chart draws at a moment of the run.</summary>
/// <param name="Seconds">Seconds since the run's start.</param>
/// <param name="Kind">What it marks: fault start/end, health flip, DNS answer, stop condition.</param>
/// <param name="Label">The short label drawn next to the line.</param>
public sealed record ChartMarker(double Seconds, TimelineEntryKind Kind, string Label);
