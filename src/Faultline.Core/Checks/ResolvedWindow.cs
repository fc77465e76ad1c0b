using Faultline.Core.Experiments;
using Faultline.Core.Runs;

namespace Faultline.Core.Checks;

/// <summary>A check window placed in lab time: <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
/// <param name="From">The window's start (lab time).</param>
/// <param name="To">The window's end (lab time).</param>
public sealed record ResolvedWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>
    /// Places <paramref name="window"/> on the run's phase edges, or returns <c>null</c> when either edge was never
    /// reached (e.g. <c>fault.end</c> of a run stopped during the baseline): a check over it cannot be decided.
    /// A window whose end falls before its start is empty, not reversed.
    /// </summary>
    public static ResolvedWindow? Resolve(CheckWindow window, PhaseTimes phases)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.At(window.From) is not { } from || phases.At(window.To) is not { } to)
        {
            return null;
        }

        return new ResolvedWindow(from, to < from ? from : to);
    }

    /// <summary>How long the window lasts.</summary>
    public TimeSpan Length => To - From;

    /// <summary>Whether a moment lies in the window (start inclusive, end exclusive).</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at < To;
}
