using Faultline.Core.Runs;

namespace Faultline.Dashboard;

/// <summary>An action of the experiment and its state.</summary>
/// <param name="Name">The action's name.</param>
/// <param name="State">Its current state.</param>
/// <param name="Detail">Why it is in that state, when known (e.g. why it failed).</param>
public sealed record DashboardAction(string Name, ActionState State, string? Detail);
