using Faultline.Core.Gateway;

namespace Faultline.Core.Faults.Injection;

/// <summary>What a network fault does to one request: what becomes of it, and the latency added in each direction.</summary>
/// <param name="Action">What becomes of the request.</param>
/// <param name="ExtraLatency">The latency added in each direction.</param>
public sealed record NetworkFaultEffect(NetworkAction Action, TimeSpan ExtraLatency);
