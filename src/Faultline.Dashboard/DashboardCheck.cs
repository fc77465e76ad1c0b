namespace Faultline.Dashboard;

/// <summary>A check of the hypothesis as evaluated so far.</summary>
/// <param name="Name">The check.</param>
/// <param name="Passed">Whether it passed; <c>null</c> while undecided.</param>
/// <param name="Measured">What was measured.</param>
/// <param name="Expected">The threshold.</param>
public sealed record DashboardCheck(string Name, bool? Passed, string? Measured, string? Expected);
