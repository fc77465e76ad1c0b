namespace Faultline.Dashboard;

/// <summary>A stop condition and how close it is to firing.</summary>
/// <param name="Name">The condition's name.</param>
/// <param name="Alarm">What fires it, e.g. <c>success rate &lt; 40% for 1m</c>.</param>
/// <param name="Measured">
/// The last lab second's value, formatted in the threshold's unit; for a second in which no request finished, how the
/// condition's <c>treatMissingData</c> judged it (e.g. <c>no request finished (counts as breaching)</c>); <c>null</c> before the first.
/// </param>
/// <param name="Streak">Consecutive lab seconds beyond the threshold so far.</param>
/// <param name="SecondsNeeded">Consecutive seconds it takes to fire.</param>
/// <param name="Fired">Whether it fired (the run stopped).</param>
public sealed record DashboardStopCondition(string Name, string Alarm, string? Measured, int Streak, int SecondsNeeded, bool Fired);
