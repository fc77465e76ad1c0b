namespace Faultline.Dashboard;

/// <summary>Something that went wrong with the run itself (a lapsed lease, a lab that stopped answering).</summary>
/// <param name="Kind">Its kind, kebab-case (e.g. <c>lease-lapsed</c>).</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Subject">What it is about (a fault id, the lab's URL), if anything.</param>
/// <param name="UnderminesVerdict">Whether it makes the verdict inconclusive.</param>
/// <param name="AtSeconds">Lab seconds since the run's start.</param>
public sealed record DashboardProblem(string Kind, string Message, string? Subject, bool UnderminesVerdict, double AtSeconds);
