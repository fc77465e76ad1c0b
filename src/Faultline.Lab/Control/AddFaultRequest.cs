using Faultline.Core.Faults;

namespace Faultline.Lab.Control;

/// <summary>The body of <c>POST /v1/faults</c>.</summary>
public sealed record AddFaultRequest
{
    /// <summary>The fault (options with a <c>kind</c> discriminator, target, percentage).</summary>
    public required FaultSpec Spec { get; init; }

    /// <summary>Who applies it. Default <c>cli</c>.</summary>
    public string Owner { get; init; } = "cli";

    /// <summary>The lease (lab time), as a duration string such as <c>10m</c> or <c>PT10M</c>. Default 10 minutes.</summary>
    public TimeSpan Lease { get; init; } = FaultControlDefaults.Lease;
}
