using Faultline.Core.Diagnostics;
using Faultline.Core.Text;

namespace Faultline.Core.Faults;

/// <summary>
/// The bounds every fault and lease is checked against before anything changes, and the one place their error
/// messages are built. They keep a fault from outliving its purpose: a lease of at most <see cref="MaximumLease"/>
/// must be renewed to hold, so a fault whose owner died always reverts within the hour.
/// </summary>
public static class FaultLimits
{
    /// <summary>The longest lease a fault or a configuration change may hold: 1 hour of lab time.</summary>
    public static readonly TimeSpan MaximumLease = TimeSpan.FromHours(1);

    /// <summary>
    /// The longest delay a fault adds (<c>latency</c> delay, min and max; <c>network</c> and <c>dns</c> delay):
    /// 15 minutes, a Lambda function's longest timeout; a longer delay behaves the same as this one.
    /// </summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(15);

    /// <summary>What is wrong with <paramref name="lease"/>, or <c>null</c> when it is positive and at most <see cref="MaximumLease"/>.</summary>
    /// <param name="lease">The lease asked for.</param>
    /// <param name="subject">How the message names it, e.g. <c>lease</c> or <c>--lease</c>.</param>
    public static string? LeaseProblem(TimeSpan lease, string subject = "lease")
    {
        if (lease <= TimeSpan.Zero)
        {
            return $"{subject} is {Show(lease)}; a lease must be positive and at most {Durations.Format(MaximumLease)} of lab time (e.g. 10m)";
        }

        return lease > MaximumLease
            ? $"{subject} is {Show(lease)}, longer than the maximum lease of {Durations.Format(MaximumLease)} of lab time; give {Durations.Format(MaximumLease)} or less (e.g. 10m) and renew it before it lapses to keep it longer"
            : null;
    }

    /// <summary>Throws when <paramref name="lease"/> is not positive or longer than <see cref="MaximumLease"/>.</summary>
    /// <exception cref="InvalidInputException">The lease is out of bounds; the message says the maximum.</exception>
    public static void ThrowIfInvalidLease(TimeSpan lease, string subject = "lease")
    {
        if (LeaseProblem(lease, subject) is { } problem)
        {
            throw new InvalidInputException(problem);
        }
    }

    /// <summary>What is wrong with a fault's delay, or <c>null</c> when it is between zero and <see cref="MaximumDelay"/>.</summary>
    /// <param name="delay">The delay asked for.</param>
    /// <param name="subject">How the message names it, e.g. <c>latency: delay</c>.</param>
    public static string? DelayProblem(TimeSpan delay, string subject) =>
        delay < TimeSpan.Zero ? $"{subject} is {Show(delay)}; it must not be negative"
        : delay > MaximumDelay ? $"{subject} is {Show(delay)}; it must be at most {Durations.Format(MaximumDelay)} (a Lambda function's longest timeout)"
        : null;

    /// <summary>When a lease of <paramref name="lease"/> taken at <paramref name="now"/> lapses; never overflows (the clock's end is the latest).</summary>
    public static DateTimeOffset ExpiryOf(DateTimeOffset now, TimeSpan lease)
    {
        var utc = now.ToUniversalTime();
        return lease <= TimeSpan.Zero ? utc
            : lease.Ticks > DateTimeOffset.MaxValue.UtcTicks - utc.UtcTicks ? DateTimeOffset.MaxValue
            : utc + lease;
    }

    // Durations.Describe negates negative values, which TimeSpan.MinValue cannot survive, and calls zero 0ms.
    private static string Show(TimeSpan value) =>
        value == TimeSpan.Zero ? "0s" : Durations.Describe(value == TimeSpan.MinValue ? TimeSpan.MinValue + TimeSpan.FromTicks(1) : value);
}
