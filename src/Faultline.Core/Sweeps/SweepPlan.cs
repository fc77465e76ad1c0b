using System.Numerics;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Sweeps;

/// <summary>
/// The <c>--set</c> arguments of one command: their axes and the Cartesian product of their values. The
/// order is fixed: axes as given, each axis's values as given, the first axis varying slowest.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>The most points a sweep may have: 1,000.</summary>
    public const int MaxPoints = 1_000;

    private SweepPlan(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepPoint> points)
    {
        Axes = axes;
        Points = points;
    }

    /// <summary>The axes, in the order given. Empty when no <c>--set</c> was given.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>
    /// Every combination, first axis slowest. No axes give one point with no settings (the files as written),
    /// so a command can treat "no sweep" as a sweep of one.
    /// </summary>
    public IReadOnlyList<SweepPoint> Points { get; }

    /// <summary>Whether any <c>--set</c> was given.</summary>
    public bool IsSweep => Axes.Count > 0;

    /// <summary>
    /// Parses the <c>--set</c> arguments in the order given. Every malformed argument is reported (not just
    /// the first), then a path given twice, then a product of more than <see cref="MaxPoints"/> points.
    /// </summary>
    public static SweepPlanResult Parse(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var diagnostics = new List<Diagnostic>();
        var axes = new List<SweepAxis>();
        foreach (var argument in arguments)
        {
            if (SweepAxis.TryParse(argument, out var axis, out var error))
            {
                axes.Add(axis);
            }
            else
            {
                diagnostics.Add(error);
            }
        }

        var seen = new Dictionary<string, SweepAxis>(StringComparer.Ordinal);
        foreach (var axis in axes)
        {
            if (!seen.TryAdd(axis.CanonicalPath, axis))
            {
                diagnostics.Add(SweepErrors.DuplicatePath(axis.Argument, axis.Path, seen[axis.CanonicalPath].Argument));
            }
        }

        var count = axes.Aggregate(BigInteger.One, (product, axis) => product * axis.Values.Count);
        if (count > MaxPoints)
        {
            diagnostics.Add(SweepErrors.TooManyPoints(count, axes.Select(a => a.Values.Count), MaxPoints));
        }

        return diagnostics.Count > 0 ? new SweepPlanResult(null, diagnostics) : new SweepPlanResult(new SweepPlan(axes, Product(axes, (int)count)), diagnostics);
    }

    private static List<SweepPoint> Product(List<SweepAxis> axes, int count)
    {
        // Labels use the short path unless two axes would read the same; then those use their full paths.
        var labels = axes.Select(a => axes.Count(b => string.Equals(b.ShortPath, a.ShortPath, StringComparison.Ordinal)) > 1 ? a.Path : a.ShortPath).ToList();
        var points = new List<SweepPoint>(count);
        var indexes = new int[axes.Count];
        for (var number = 1; number <= count; number++)
        {
            var settings = new SweepSetting[axes.Count];
            for (var a = 0; a < axes.Count; a++)
            {
                settings[a] = new SweepSetting(axes[a], axes[a].Values[indexes[a]], labels[a]);
            }

            points.Add(new SweepPoint(number, count, settings));

            // Odometer: the last axis turns fastest.
            for (var a = axes.Count - 1; a >= 0; a--)
            {
                indexes[a]++;
                if (indexes[a] < axes[a].Values.Count)
                {
                    break;
                }

                indexes[a] = 0;
            }
        }

        return points;
    }
}
