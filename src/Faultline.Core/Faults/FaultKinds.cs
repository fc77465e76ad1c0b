using System.Diagnostics.CodeAnalysis;

namespace Faultline.Core.Faults;

/// <summary>Names of fault kinds as written in files and on the command line.</summary>
public static class FaultKinds
{
    private static readonly (FaultKind Kind, string Name)[] Table =
    [
        (FaultKind.Latency, "latency"),
        (FaultKind.Error, "error"),
        (FaultKind.HttpResponse, "http-response"),
        (FaultKind.Throttle, "throttle"),
        (FaultKind.Network, "network"),
        (FaultKind.Dns, "dns"),
        (FaultKind.HealthOverride, "health-override"),
    ];

    /// <summary>Every known name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>The name of a kind.</summary>
    public static string NameOf(FaultKind kind) => Table.First(t => t.Kind == kind).Name;

    /// <summary>Finds a kind by name (case-insensitive).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FaultKind? kind)
    {
        foreach (var (k, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = null;
        return false;
    }

    /// <summary>Whether the kind acts on functions.</summary>
    public static bool ActsOnFunctions(FaultKind kind) => kind is FaultKind.Latency or FaultKind.Error or FaultKind.HttpResponse or FaultKind.Throttle;
}
