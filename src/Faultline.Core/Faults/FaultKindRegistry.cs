using System.Collections.Frozen;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Throttle;

namespace Faultline.Core.Faults;

/// <summary>
/// Every fault kind, in documentation order (docs/faults.md). The experiment reader, <c>fault add</c>, the control
/// API, the lab and the diagnosis find kinds here; a new kind is a folder under <c>Faults/</c> and one line below
/// (docs/architecture.md, "Fault kinds").
/// </summary>
public static class FaultKindRegistry
{
    /// <summary>The share of requests a fault affects, drawn per request; common to every kind (ignored by <c>throttle</c> and <c>health-override</c>).</summary>
    public static readonly FaultOptionDefinition Percentage = new()
    {
        Name = "percentage", Type = FaultOptionType.Number, Help = "share of requests affected, 0-100, drawn per request", Example = "50", Default = "100",
        Minimum = 0, Maximum = 100, Meaning = "the share of requests affected, from 0 to 100",
    };

    /// <summary>Every kind, in documentation order.</summary>
    public static IReadOnlyList<IFaultKind> All { get; } =
    [
        new LatencyFaultKind(),
        new ErrorFaultKind(),
        new HttpResponseFaultKind(),
        new ThrottleFaultKind(),
        new NetworkFaultKind(),
        new DnsFaultKind(),
        new HealthOverrideFaultKind(),
    ];

    // The lab asks on every request that meets a fault; a lookup, not a scan.
    private static readonly FrozenDictionary<FaultKind, IFaultKind> ByKind = All.ToFrozenDictionary(k => k.Kind);

    /// <summary>Every kind's name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(k => k.Name).ToArray();

    /// <summary>Every option any kind takes, the first definition of each name in registry order (the keys an unknown kind is allowed).</summary>
    public static IReadOnlyList<FaultOptionDefinition> AllOptions { get; } = All.SelectMany(k => k.Options).DistinctBy(o => o.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The descriptor of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a kind (a number cast to <see cref="FaultKind"/>).</exception>
    public static IFaultKind Get(FaultKind kind) =>
        ByKind.TryGetValue(kind, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fault kind");

    /// <summary>
    /// The injector of <paramref name="fault"/>'s kind when it serves the stage <typeparamref name="TInjector"/> names
    /// (e.g. <see cref="Injection.INetworkFaultInjector"/>), else <c>null</c>: how a stage of the lab asks the active
    /// faults what they do, without knowing their kinds.
    /// </summary>
    public static TInjector? InjectorOf<TInjector>(ActiveFault fault)
        where TInjector : class, Injection.IFaultInjector
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Get(fault.Spec.Kind).Injector as TInjector;
    }

    /// <summary>The kind named <paramref name="name"/> (case-insensitive), or <c>null</c>.</summary>
    public static IFaultKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every problem of a fault's percentage and options, named as <paramref name="spelling"/> writes them: the one validation every front end runs.</summary>
    public static IReadOnlyList<FaultOptionProblem> Validate(FaultOptions options, double percentage, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<FaultOptionProblem>();
        if (FaultOptionErrors.Number(Percentage, spelling, percentage) is { } problem)
        {
            problems.Add(problem);
        }

        problems.AddRange(Get(options.Kind).Validate(options, spelling));
        return problems;
    }
}
