namespace Faultline.Core.Runs.Projection;

/// <summary>An action of the experiment as the run last reported it.</summary>
/// <param name="Name">The action's name.</param>
/// <param name="State">Its state.</param>
/// <param name="Detail">Details, e.g. the resolved targets or why it failed.</param>
public sealed record ActionView(string Name, ActionState State, string? Detail);
