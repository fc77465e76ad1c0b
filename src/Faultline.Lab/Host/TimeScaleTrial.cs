namespace Faultline.Lab.Host;

/// <summary>One time scale tried by <see cref="TimeScaleCalibrator"/>.</summary>
/// <param name="TimeScale">The scale tried.</param>
/// <param name="WorstWallLateness">The worst timer lateness measured while the experiment's load ran, in wall time.</param>
/// <param name="Kept">Whether the host kept the scale with room to spare.</param>
public sealed record TimeScaleTrial(double TimeScale, TimeSpan WorstWallLateness, bool Kept);
