namespace Faultline.Core.Verdict;

/// <summary>How many of a population's responses one region served.</summary>
/// <param name="Region">The region.</param>
/// <param name="Responses">Responses it served.</param>
/// <param name="Percent">Its share of the population's responses, 0–100.</param>
public sealed record RegionServed(string Region, long Responses, double Percent);
