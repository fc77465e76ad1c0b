namespace Faultline.Core.Experiments;

/// <summary>Waits for its duration, like FIS <c>aws:fis:wait</c>: <c>{ wait: 10m, startAfter: [attach] }</c>.</summary>
public sealed record WaitAction : ActionDefinition;
