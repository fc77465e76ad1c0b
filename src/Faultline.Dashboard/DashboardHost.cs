namespace Faultline.Dashboard;

/// <summary>How well the host keeps lab time, as the page's host tile shows it.</summary>
/// <param name="LastLatenessMs">The last lab second's worst timer lateness, in lab milliseconds.</param>
/// <param name="WorstLatenessMs">The worst so far, in lab milliseconds.</param>
/// <param name="AllowanceMs">The budget: the lateness a second may have and still be trusted, in lab milliseconds.</param>
/// <param name="ImpairedSeconds">Lab seconds over budget so far (their results are host-impaired).</param>
/// <param name="Seconds">Lab seconds measured so far.</param>
/// <param name="Deadline">The modelled deadline the budget derives from, in words.</param>
public sealed record DashboardHost(double LastLatenessMs, double WorstLatenessMs, double AllowanceMs, int ImpairedSeconds, int Seconds, string Deadline);
