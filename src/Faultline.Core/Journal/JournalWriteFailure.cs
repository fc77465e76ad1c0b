namespace Faultline.Core.Journal;

/// <summary>A journal write that failed. Reported, never thrown into the run (observability never breaks a run).</summary>
/// <param name="Operation">What was being written, e.g. <c>event fault-applied</c>, <c>seconds</c>.</param>
/// <param name="Audit">Whether the lost write was audit-class (a fault applied or reverted, a configuration change): the runner should treat it as serious.</param>
/// <param name="Exception">What went wrong.</param>
public sealed record JournalWriteFailure(string Operation, bool Audit, Exception Exception);
