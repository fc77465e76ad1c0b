using System.Globalization;
using Faultline.Core.Faults;
using Faultline.Core.Text;

namespace Faultline.Core.Runs;

/// <summary>
/// Builds every <see cref="RunProblem"/> the runner and the scheduler raise: the one place their words live
/// (pinned by tests). Offsets are lab time since the run's start, as the console prints them (<c>T+2:10</c>).
/// </summary>
public static class RunProblems
{
    /// <summary>An offset from the run's start as <c>T+m:ss</c> (negative offsets read as <c>T+0:00</c>).</summary>
    public static string Stamp(TimeSpan sinceStart)
    {
        var seconds = Math.Max(0, (long)Math.Round(sinceStart.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"T+{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>The lab reverted a fault of the run early because its lease lapsed.</summary>
    /// <param name="at">When the lease lapsed (lab time).</param>
    /// <param name="sinceStart"><paramref name="at"/> as an offset from the run's start.</param>
    /// <param name="fault">The fault, as applied.</param>
    /// <param name="beforePlannedEnd">How long before its action's planned end, or <c>null</c> when unknown.</param>
    public static RunProblem LeaseLapsed(DateTimeOffset at, TimeSpan sinceStart, ActiveFault fault, TimeSpan? beforePlannedEnd)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var early = beforePlannedEnd is { } left && left > TimeSpan.Zero ? $", {Durations.Describe(left)} before its planned end" : string.Empty;
        return new RunProblem
        {
            At = at,
            Kind = RunProblemKind.LeaseLapsed,
            Subject = fault.Id,
            UnderminesVerdict = true,
            Message = $"fault {fault.Id} ({FaultKinds.NameOf(fault.Spec.Kind)} on {string.Join(", ", fault.Targets)}) was reverted by the lab at {Stamp(sinceStart)} when its lease lapsed{early}",
        };
    }

    /// <summary>The lab undid the run's configuration changes early because their lease lapsed.</summary>
    public static RunProblem ConfigurationLapsed(DateTimeOffset at, TimeSpan sinceStart, IReadOnlyList<string> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return new RunProblem
        {
            At = at,
            Kind = RunProblemKind.LeaseLapsed,
            Subject = "configuration",
            UnderminesVerdict = true,
            Message = $"the run's configuration changes ({string.Join(", ", functions)}) were undone by the lab by {Stamp(sinceStart)} when their lease lapsed",
        };
    }

    /// <summary>The lab stopped answering; the run ends.</summary>
    /// <param name="at">When the first unanswered call was made (lab time).</param>
    /// <param name="sinceStart"><paramref name="at"/> as an offset from the run's start.</param>
    /// <param name="lab">The lab's control URL.</param>
    /// <param name="error">The last error seen.</param>
    public static RunProblem LabUnreachable(DateTimeOffset at, TimeSpan sinceStart, Uri lab, string error)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var url = lab.ToString().TrimEnd('/');
        return new RunProblem
        {
            At = at,
            Kind = RunProblemKind.LabUnreachable,
            Subject = url,
            UnderminesVerdict = true,
            Message = $"the lab at {url} stopped answering at {Stamp(sinceStart)} ({error})",
        };
    }

    /// <summary>A fault's lease could not be renewed.</summary>
    public static RunProblem RenewFailed(DateTimeOffset at, string faultId, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.RenewFailed,
        Subject = faultId,
        UnderminesVerdict = true,
        Message = $"could not renew the lease of fault {faultId}: {error}",
    };

    /// <summary>The lease on the run's configuration changes could not be renewed.</summary>
    public static RunProblem RenewConfigurationFailed(DateTimeOffset at, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.RenewFailed,
        Subject = "configuration",
        UnderminesVerdict = true,
        Message = $"could not renew the lease of the run's configuration changes: {error}",
    };

    /// <summary>A fault could not be reverted.</summary>
    public static RunProblem RevertFailed(DateTimeOffset at, string faultId, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.RevertFailed,
        Subject = faultId,
        UnderminesVerdict = true,
        Message = $"could not revert fault {faultId}: {error}",
    };

    /// <summary>A function's configuration could not be put back.</summary>
    public static RunProblem RestoreFailed(DateTimeOffset at, string function, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.RevertFailed,
        Subject = function,
        UnderminesVerdict = true,
        Message = $"could not restore the configuration of {function}: {error}",
    };

    /// <summary>The end-of-run sweep of the owner's faults failed.</summary>
    public static RunProblem SweepFailed(DateTimeOffset at, string owner, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.RevertFailed,
        Subject = owner,
        UnderminesVerdict = true,
        Message = $"could not revert the remaining faults of {owner}: {error}",
    };

    /// <summary>The end-of-run sweep found (and reverted) faults of the owner the run no longer tracked.</summary>
    public static RunProblem StraysReverted(DateTimeOffset at, string owner, int count) => new()
    {
        At = at,
        Kind = RunProblemKind.Other,
        Subject = owner,
        UnderminesVerdict = false,
        Message = string.Create(CultureInfo.InvariantCulture, $"{count} fault(s) of {owner} were still active at the end and were reverted"),
    };

    /// <summary>An event sink failed on an event; the run went on.</summary>
    public static RunProblem SinkFailed(DateTimeOffset at, string eventType, string error) => new()
    {
        At = at,
        Kind = RunProblemKind.SinkFailed,
        Subject = eventType,
        UnderminesVerdict = false,
        Message = $"the event sink failed on a {eventType} event: {error}",
    };
}
