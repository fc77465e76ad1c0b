namespace Faultline.Core.Experiments;

/// <summary>
/// How a stop condition judges a lab second with nothing to measure (no attempt finished and none overdue), in
/// CloudWatch's <c>treatMissingData</c> sense. Written in YAML as <c>breaching</c>, <c>notBreaching</c>,
/// <c>ignore</c> or <c>missing</c>; the default depends on the metric (see <see cref="StopConditionDefinition.MissingData"/>).
/// </summary>
public enum MissingDataTreatment
{
    /// <summary><c>breaching</c>: the second counts as an alarm second; it extends the streak and can complete it.</summary>
    Breaching,

    /// <summary><c>notBreaching</c>: the second is within the threshold; it resets the streak.</summary>
    NotBreaching,

    /// <summary>
    /// <c>ignore</c>: the alarm keeps its state. The second is skipped: the streak neither grows nor resets, however
    /// many seconds are missing, and the next second with data continues it.
    /// </summary>
    Ignore,

    /// <summary>
    /// <c>missing</c>: the second is not considered. A gap shorter than the condition's <c>for</c> is skipped as with
    /// <see cref="Ignore"/>; a gap as long as <c>for</c> (every second the alarm would look at is missing, CloudWatch's
    /// INSUFFICIENT_DATA) resets the streak.
    /// </summary>
    Missing,
}
