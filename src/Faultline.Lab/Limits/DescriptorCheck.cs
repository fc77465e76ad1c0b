namespace Faultline.Lab.Limits;

/// <summary>
/// Compares what a process of Faultline may need in file descriptors with <c>RLIMIT_NOFILE</c> before anything
/// starts: enough goes on; too little below the hard limit raises the soft limit to the hard one; too little
/// even so refuses (see <see cref="DescriptorErrors.TooFew"/>), so load never exhausts descriptors mid-run.
/// </summary>
public static class DescriptorCheck
{
    /// <summary>Checks, and raises the soft limit when that helps.</summary>
    /// <param name="need">What the process needs.</param>
    /// <param name="limits">Where the limit is read and raised; <see cref="ProcessDescriptorLimits.Instance"/> outside tests.</param>
    public static DescriptorCheckResult Ensure(DescriptorNeed need, IDescriptorLimits limits)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Read() is not { } limit)
        {
            return new DescriptorCheckResult { Outcome = DescriptorCheckOutcome.Unknown, Need = need };
        }

        if (need.Total <= limit.Soft)
        {
            return new DescriptorCheckResult { Outcome = DescriptorCheckOutcome.Enough, Need = need, Before = limit, Soft = limit.Soft };
        }

        // An unlimited hard limit cannot be the soft one (the kernel's nr_open caps it): ask for what is needed.
        var raiseTo = limit.Hard == long.MaxValue ? need.Total : limit.Hard;
        if (need.Total <= raiseTo && limits.TrySetSoft(raiseTo))
        {
            return new DescriptorCheckResult { Outcome = DescriptorCheckOutcome.Raised, Need = need, Before = limit, Soft = raiseTo };
        }

        return new DescriptorCheckResult { Outcome = DescriptorCheckOutcome.Refused, Need = need, Before = limit, Soft = limit.Soft };
    }
}
