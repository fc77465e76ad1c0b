namespace Faultline.Dashboard;

/// <summary>A fault the run applied.</summary>
/// <param name="Id">The fault's id.</param>
/// <param name="Kind">Its kind (e.g. <c>error</c>, <c>latency</c>).</param>
/// <param name="Action">The action that applied it, if any.</param>
/// <param name="Targets">What it applies to.</param>
/// <param name="Active">Whether it is still applied.</param>
/// <param name="StartSeconds">Lab seconds since the run's start when it was applied.</param>
/// <param name="EndSeconds">Lab seconds since the run's start when it was reverted.</param>
/// <param name="RevertReason">Why it was reverted.</param>
public sealed record DashboardFault(string Id, string Kind, string? Action, IReadOnlyList<string> Targets, bool Active, double StartSeconds, double? EndSeconds, string? RevertReason);
