namespace Faultline.Core.Sweeps;

/// <summary>One value of one axis, as a sweep point sets it.</summary>
/// <param name="Axis">The <c>--set</c> argument the value comes from.</param>
/// <param name="Value">The value, unquoted.</param>
/// <param name="Label">The path as the point's label shows it, e.g. <c>hc-us.interval</c>.</param>
public sealed record SweepSetting(SweepAxis Axis, string Value, string Label)
{
    /// <inheritdoc />
    public override string ToString() => $"{Label}={Value}";
}
