namespace Faultline.Cli;

/// <summary>Process exit codes (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>run</c>, the hypothesis held.</summary>
    public const int Ok = 0;

    /// <summary>The hypothesis was refuted.</summary>
    public const int Refuted = 1;

    /// <summary>Invalid input or usage; nothing was started or injected.</summary>
    public const int InvalidInput = 2;

    /// <summary>Stopped by a stop condition or interrupted; faults were rolled back.</summary>
    public const int Stopped = 3;

    /// <summary>
    /// The run failed: an internal failure, or the lab given by <c>--lab</c> stopped answering (verdict inconclusive).
    /// Faults were rolled back, or lapse with their leases when the lab could not be reached.
    /// </summary>
    public const int InternalFailure = 4;
}
