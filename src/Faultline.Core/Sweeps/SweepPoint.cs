using System.Globalization;

namespace Faultline.Core.Sweeps;

/// <summary>
/// One combination of a sweep: one value of every axis, in the order the axes were given.
/// </summary>
public sealed class SweepPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="number">1-based position in the sweep.</param>
    /// <param name="count">How many points the sweep has.</param>
    /// <param name="settings">One setting per axis, in axis order.</param>
    public SweepPoint(int number, int count, IReadOnlyList<SweepSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, number);
        Number = number;
        Count = count;
        Settings = settings;
        Label = string.Join(", ", settings);
    }

    /// <summary>The point's 1-based position in the sweep (the first axis varies slowest).</summary>
    public int Number { get; }

    /// <summary>How many points the sweep has.</summary>
    public int Count { get; }

    /// <summary>One setting per axis, in the order the axes were given.</summary>
    public IReadOnlyList<SweepSetting> Settings { get; }

    /// <summary>The settings for tables and CSV, e.g. <c>hc-us.interval=10s, hc-us.failureThreshold=3</c>.</summary>
    public string Label { get; }

    /// <summary>The point as messages name it: <c>sweep point 2 of 6 (hc-us.interval=10s, hc-us.failureThreshold=3)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"sweep point {Number} of {Count} ({Label})");

    /// <inheritdoc />
    public override string ToString() => Label;
}
