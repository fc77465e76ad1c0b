namespace Faultline.Core.Gateway;

/// <summary>The network's verdict on one request: deliver (with extra latency each way), blackhole or reset.</summary>
public sealed record NetworkDecision
{
    /// <summary>Delivered with no fault.</summary>
    public static readonly NetworkDecision Clean = new();

    /// <summary>The action. Default <see cref="NetworkAction.Deliver"/>.</summary>
    public NetworkAction Action { get; init; } = NetworkAction.Deliver;

    /// <summary>Latency added by <c>network</c> faults in each direction (on top of the topology's). Default zero.</summary>
    public TimeSpan ExtraLatency { get; init; } = TimeSpan.Zero;

    /// <summary>The faults that acted.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];
}
