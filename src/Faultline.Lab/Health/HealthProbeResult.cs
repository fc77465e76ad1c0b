using System.Net;

namespace Faultline.Lab.Health;

/// <summary>One probe of one checker.</summary>
/// <param name="CheckId">The health check id.</param>
/// <param name="Checker">The checker's index within the check's fleet.</param>
/// <param name="Location">The checker's location.</param>
/// <param name="Success">Whether the probe passed.</param>
/// <param name="Reason">Why it failed (Route 53-style wording), or <c>null</c>.</param>
/// <param name="Address">The address probed, or <c>null</c> when DNS resolution failed.</param>
/// <param name="At">When the probe finished (lab time).</param>
public sealed record HealthProbeResult(string CheckId, int Checker, string Location, bool Success, string? Reason, IPAddress? Address, DateTimeOffset At);
