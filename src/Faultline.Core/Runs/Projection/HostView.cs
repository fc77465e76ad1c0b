using Faultline.Core.Host;

namespace Faultline.Core.Runs.Projection;

/// <summary>How well the host has kept lab time so far.</summary>
/// <param name="Budget">How late the lab clock may run before results are host-impaired.</param>
/// <param name="Last">The last lab second measured.</param>
/// <param name="Worst">The latest the timers ran in any second.</param>
/// <param name="Seconds">Lab seconds measured.</param>
/// <param name="ImpairedSeconds">Lab seconds over budget.</param>
public sealed record HostView(HostBudget Budget, HostSecond Last, TimeSpan Worst, int Seconds, int ImpairedSeconds);
