using System.Text.Json.Serialization;

namespace Faultline.Core.Runs;

/// <summary>Something that happened during a run, at a lab time. Serialized with a <c>type</c> discriminator for the journal.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunStateChanged), "run-state")]
[JsonDerivedType(typeof(PhaseStarted), "phase")]
[JsonDerivedType(typeof(ActionStateChanged), "action-state")]
[JsonDerivedType(typeof(FaultAppliedEvent), "fault-applied")]
[JsonDerivedType(typeof(FaultRevertedEvent), "fault-reverted")]
[JsonDerivedType(typeof(ConfigurationChanged), "configuration")]
[JsonDerivedType(typeof(HealthChanged), "health")]
[JsonDerivedType(typeof(HealthShareChanged), "health-share")]
[JsonDerivedType(typeof(HealthProbeTargetChanged), "health-probe-target")]
[JsonDerivedType(typeof(DnsAnswerChanged), "dns-answer")]
[JsonDerivedType(typeof(StopConditionFired), "stop-condition")]
[JsonDerivedType(typeof(CheckEvaluated), "check")]
[JsonDerivedType(typeof(RunProblem), "problem")]
public abstract record RunEvent
{
    /// <summary>When it happened (lab time).</summary>
    public required DateTimeOffset At { get; init; }
}
