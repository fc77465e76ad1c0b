using Faultline.Core.Diagnostics;

namespace Faultline.Core.Experiments;

/// <summary>One check of the hypothesis. Kinds: <see cref="TrafficCheck"/>, <see cref="HealthTransitionCheck"/>, <see cref="DnsAnswerCheck"/>.</summary>
public abstract record CheckDefinition
{
    /// <summary>The check's name, shown in the verdict and as the JUnit test case name.</summary>
    public required string Name { get; init; }

    /// <summary>The time the check looks at. Default: the fault phase.</summary>
    public CheckWindow Window { get; init; } = CheckWindow.During(Phase.Fault);

    /// <summary>Where the check is written, for messages.</summary>
    public SourceLocation? Location { get; init; }
}
