using Faultline.Core.Experiments;

namespace Faultline.Core.Runs.Projection;

/// <summary>How near a stop condition is to firing.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="LastMeasured">The value of the last second judged; <c>null</c> before the first or when it had nothing to measure.</param>
/// <param name="LastMissing">Whether the last second judged had nothing to measure (its <c>treatMissingData</c> judged it).</param>
/// <param name="Streak">Consecutive alarm seconds so far.</param>
/// <param name="SecondsNeeded">Consecutive alarm seconds it takes to fire.</param>
/// <param name="Fired">The firing, once it happened.</param>
public sealed record StopConditionView(StopConditionDefinition Condition, double? LastMeasured, bool LastMissing, int Streak, int SecondsNeeded, StopConditionFired? Fired);
