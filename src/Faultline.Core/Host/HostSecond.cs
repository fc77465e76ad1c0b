namespace Faultline.Core.Host;

/// <summary>
/// How well the host kept lab time during one lab second of a live run: how late the lab clock's timers fired.
/// A timer that fires late means every modelled delay and deadline in that second was stretched by the host, not by
/// the system under test. Journaled per lab second; see docs/lab.md ("Host timing").
/// </summary>
public sealed record HostSecond
{
    /// <summary>When the lab second began (lab time).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The largest lateness of the lab clock's timers in this second, in lab time (wall lateness × time scale).</summary>
    public required TimeSpan Lateness { get; init; }

    /// <summary>How many timer ticks were measured in this second; 0 when the host never ran the timer (a stall spans it).</summary>
    public required int Samples { get; init; }
}
