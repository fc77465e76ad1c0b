using Faultline.Core.Runs;

namespace Faultline.Core.Results;

/// <summary>A problem with the run itself as <c>result.json</c> writes it (<see cref="RunProblem"/>).</summary>
public sealed record ResultProblem
{
    /// <summary>When, in wall time; omitted without wall time.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>When, as a lab-time offset from the run's start.</summary>
    public required TimeSpan Offset { get; init; }

    /// <summary><see cref="Offset"/> in seconds.</summary>
    public required double OffsetSeconds { get; init; }

    /// <summary>What kind of problem.</summary>
    public required RunProblemKind Kind { get; init; }

    /// <summary>What happened, in words.</summary>
    public required string Message { get; init; }

    /// <summary>What it is about (a fault id, a function id, the lab's URL); omitted when nothing in particular.</summary>
    public string? Subject { get; init; }

    /// <summary>Whether the evidence the verdict rests on can no longer be trusted.</summary>
    public required bool UnderminesVerdict { get; init; }

    internal static ResultProblem Of(RunProblem problem, ResultTimes times)
    {
        var at = times.At(problem.At);
        return new ResultProblem
        {
            At = at.Wall,
            Offset = at.Offset!.Value,
            OffsetSeconds = at.OffsetSeconds!.Value,
            Kind = problem.Kind,
            Message = problem.Message,
            Subject = problem.Subject,
            UnderminesVerdict = problem.UnderminesVerdict,
        };
    }
}
