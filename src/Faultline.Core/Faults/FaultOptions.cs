using System.Text.Json.Serialization;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Throttle;

namespace Faultline.Core.Faults;

/// <summary>The kind-specific parameters of a fault. Serialized with a <c>kind</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LatencyFaultOptions), "latency")]
[JsonDerivedType(typeof(ErrorFaultOptions), "error")]
[JsonDerivedType(typeof(HttpResponseFaultOptions), "http-response")]
[JsonDerivedType(typeof(ThrottleFaultOptions), "throttle")]
[JsonDerivedType(typeof(NetworkFaultOptions), "network")]
[JsonDerivedType(typeof(DnsFaultOptions), "dns")]
[JsonDerivedType(typeof(HealthOverrideFaultOptions), "health-override")]
public abstract record FaultOptions
{
    /// <summary>The kind these options belong to.</summary>
    [JsonIgnore]
    public abstract FaultKind Kind { get; }
}
