namespace Faultline.Core.Experiments;

/// <summary>The unit of a threshold's value.</summary>
public enum ThresholdUnit
{
    /// <summary>A percentage, 0–100 (<c>99%</c>).</summary>
    Percent,

    /// <summary>Milliseconds (<c>250ms</c>, <c>2s</c> is 2000).</summary>
    Milliseconds,

    /// <summary>A plain number.</summary>
    Count,
}
