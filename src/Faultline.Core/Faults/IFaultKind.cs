namespace Faultline.Core.Faults;

/// <summary>
/// Everything Faultline knows about one kind of fault, kept in the kind's folder (<c>Faults/&lt;Kind&gt;/</c>): its
/// name, what it acts on, its options with their one validation, and how AWS names it. The experiment reader,
/// <c>fault add</c>, the control API and the diagnosis find kinds through <see cref="FaultKindRegistry"/>
/// (docs/architecture.md, "Fault kinds").
/// </summary>
public interface IFaultKind
{
    /// <summary>The kind.</summary>
    FaultKind Kind { get; }

    /// <summary>The name as written in files, JSON and on the command line, e.g. <c>http-response</c>.</summary>
    string Name { get; }

    /// <summary>What the fault does, in one sentence.</summary>
    string Description { get; }

    /// <summary>What the fault acts on: how its target is matched, and which stage of the lab injects it.</summary>
    FaultScope ActsOn { get; }

    /// <summary>The type of its options (a <see cref="FaultOptions"/>; the JSON discriminator is <see cref="Name"/>).</summary>
    Type OptionsType { get; }

    /// <summary>Its options, in documentation order (the order an experiment file's unknown-key message lists them).</summary>
    IReadOnlyList<FaultOptionDefinition> Options { get; }

    /// <summary>
    /// How the kind maps to the AWS FIS action that injects the same fault through the Lambda extension (which ramps it
    /// in and out), or <c>null</c> when FIS has none: every kind says which, explicitly. The AWS export and import use it.
    /// </summary>
    Aws.Fis.IFisFaultMapping? Fis { get; }

    /// <summary>The id of <see cref="Fis"/>'s action, or <c>null</c> when FIS has none; a run times such kinds as FIS does.</summary>
    string? FisActionId { get; }

    /// <summary>
    /// What the kind does in the lab: an injector of the stage its <see cref="ActsOn"/> names (functions:
    /// <see cref="Injection.IFunctionFaultInjector"/>, region: <see cref="Injection.INetworkFaultInjector"/>, record:
    /// <see cref="Injection.IDnsFaultInjector"/>, health check: <see cref="Injection.IHealthCheckFaultInjector"/>).
    /// </summary>
    Injection.IFaultInjector Injector { get; }

    /// <summary>Reads the options from a front end, applying defaults; the result is not yet validated (<see cref="Validate"/>).</summary>
    FaultOptions Read(IFaultOptionReader reader);

    /// <summary>Every problem of <paramref name="options"/>, named as <paramref name="spelling"/> writes options; empty when they are valid.</summary>
    IReadOnlyList<FaultOptionProblem> Validate(FaultOptions options, FaultOptionSpelling spelling);
}
