namespace Faultline.Lab.Host;

/// <summary>The outcome of <see cref="TimeScaleCalibrator.CalibrateAsync"/>: the scale chosen and every trial.</summary>
/// <param name="TimeScale">The highest scale the host kept; 1 when it kept none.</param>
/// <param name="Trials">The scales tried, highest first.</param>
public sealed record TimeScaleCalibration(double TimeScale, IReadOnlyList<TimeScaleTrial> Trials)
{
    /// <summary>Whether the chosen scale was kept (else even time scale 1 was late and the run may be host-impaired).</summary>
    public bool Kept => Trials.Any(t => t.Kept && t.TimeScale == TimeScale);
}
