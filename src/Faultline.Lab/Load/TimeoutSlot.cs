namespace Faultline.Lab.Load;

/// <summary>
/// One slot of <see cref="TimeoutSlots"/>: the timeout shared by the requests sent within it, and how many of them are
/// still in flight. Its fields are guarded by the owning <see cref="TimeoutSlots"/>' lock.
/// </summary>
internal sealed class TimeoutSlot
{
    public TimeoutSlot(CancellationTokenSource source, long created, long deadline)
    {
        Source = source;
        Token = source.Token;
        Created = created;
        Deadline = deadline;
    }

    /// <summary>Cancelled when the slot's requests time out (or are abandoned).</summary>
    public CancellationTokenSource Source { get; }

    /// <summary>The token of <see cref="Source"/>, taken once so it stays usable after the source is disposed.</summary>
    public CancellationToken Token { get; }

    /// <summary>When the slot's first request was sent (a timestamp of the time provider).</summary>
    public long Created { get; }

    /// <summary>When the slot's requests are past their timeout (a timestamp of the time provider): the timer's due time.</summary>
    public long Deadline { get; }

    /// <summary>Requests sent in this slot and not yet finished.</summary>
    public int Outstanding { get; set; }

    /// <summary>Whether the requests still outstanding were handed over as overdue; their outcomes are then dropped.</summary>
    public bool Overdue { get; set; }
}
