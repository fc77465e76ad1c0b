namespace Faultline.Core.Planning;

/// <summary>The stable codes of <see cref="ConstructionChecks"/> findings. They are API: docs and users' scripts refer to them.</summary>
public static class ConstructionCodes
{
    /// <summary>A health-transition check's deadline falls before (error) or possibly before (warning) the health check can turn.</summary>
    public const string HealthCheckTooSlow = "health-check-too-slow";

    /// <summary>A <c>becomes: unhealthy</c> check on a health check whose probes reach only regions no action injects into.</summary>
    public const string HealthCheckNeverFails = "health-check-never-fails";

    /// <summary>A <c>becomes: unhealthy</c> check on a disabled health check, which is always healthy.</summary>
    public const string HealthCheckDisabled = "health-check-disabled";

    /// <summary>A <c>becomes: healthy</c> check whose window starts while the health check is certainly still healthy: it passes after 0s.</summary>
    public const string PassesAtOnce = "check-passes-at-once";

    /// <summary>A DNS-answer check's deadline falls before (error) or possibly before (warning) the answer can move.</summary>
    public const string DnsAnswerTooSlow = "dns-answer-too-slow";

    /// <summary>A DNS-answer check whose answer can never be only the wanted region.</summary>
    public const string DnsAnswerCannotMove = "dns-answer-cannot-move";

    /// <summary>A DNS-answer check for a location where no population of the load sits, so no answer is observed.</summary>
    public const string DnsAnswerUnobserved = "dns-answer-unobserved";

    /// <summary>A traffic check whose window holds no second of the run.</summary>
    public const string WindowOutsideRun = "window-outside-run";

    /// <summary>A health-transition or DNS-answer check whose deadline falls after the run's end.</summary>
    public const string DeadlineAfterRun = "deadline-after-run";

    /// <summary>A stop condition whose <c>for</c> is longer than the whole run, so it can never fire.</summary>
    public const string StopConditionLongerThanRun = "stop-condition-longer-than-run";

    /// <summary>A configure action sets the chaos extension's response switch in the spelling the functions' extension release ignores.</summary>
    public const string ChaosResponseSwitchIgnored = "chaos-response-switch-ignored";

    /// <summary>A configure action turns on the chaos extension's faults on functions the extension is not attached to (layer and wrapper).</summary>
    public const string ChaosExtensionNotAttached = "chaos-extension-not-attached";
}
