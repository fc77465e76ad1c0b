using System.Text.Json.Serialization;

namespace Faultline.Core.Verdict;

/// <summary>The verdict on a hypothesis (README, "Exit codes").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictKind>))]
public enum VerdictKind
{
    /// <summary>Every check passed.</summary>
    Held,
    /// <summary>At least one check failed.</summary>
    Refuted,
    /// <summary>No check failed, but at least one could not be decided.</summary>
    Inconclusive,
    /// <summary>Steady state was not met before any fault, so nothing was injected.</summary>
    NotRun,
}
