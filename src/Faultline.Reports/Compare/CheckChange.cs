using Faultline.Core.Checks;

namespace Faultline.Reports.Compare;

/// <summary>One check in two runs (matched by name); either side is <c>null</c> when that run lacks the check.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Before">Its result in run A.</param>
/// <param name="After">Its result in run B.</param>
public sealed record CheckChange(string Name, CheckResult? Before, CheckResult? After)
{
    /// <summary>Whether the outcome (passed, failed, undecided, missing) differs.</summary>
    public bool ResultChanged => Before?.Passed != After?.Passed || (Before is null) != (After is null);
}
