namespace Faultline.Core.Runs;

/// <summary>
/// Something that went wrong with the run itself rather than the system under test: a lapsed lease, a lab that
/// stopped answering, a revert that failed. Audit-class (journaled with retries); it reaches the console, the
/// dashboard, <c>result.json</c> and the report. A problem that <see cref="UnderminesVerdict"/> makes the verdict
/// <c>inconclusive</c> (a <c>not-run</c> stays <c>not-run</c>: nothing was injected). Build them with <see cref="RunProblems"/>.
/// </summary>
public sealed record RunProblem : RunEvent
{
    /// <summary>What kind of problem.</summary>
    public required RunProblemKind Kind { get; init; }

    /// <summary>What happened, in words, naming the thing (e.g. <c>fault f1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed</c>).</summary>
    public required string Message { get; init; }

    /// <summary>What it is about: a fault id, a function id, the lab's URL; <c>null</c> when nothing in particular.</summary>
    public string? Subject { get; init; }

    /// <summary>Whether the evidence the verdict rests on can no longer be trusted. Default <c>false</c>.</summary>
    public bool UnderminesVerdict { get; init; }
}
