namespace Faultline.Lab.Control;

/// <summary>Defaults of the fault control API.</summary>
public static class FaultControlDefaults
{
    /// <summary>The lease given when none is: 10 minutes of lab time.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>How often lapsed leases are swept: every lab second.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    /// <summary>The largest request body the API reads: 64 KB; a larger one is answered 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;
}
