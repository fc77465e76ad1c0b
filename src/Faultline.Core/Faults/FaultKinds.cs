using System.Diagnostics.CodeAnalysis;

namespace Faultline.Core.Faults;

/// <summary>Names of fault kinds as written in files and on the command line (a shorthand for <see cref="FaultKindRegistry"/>).</summary>
public static class FaultKinds
{
    /// <summary>Every known name, in documentation order.</summary>
    public static IReadOnlyList<string> Names => FaultKindRegistry.Names;

    /// <summary>The name of a kind.</summary>
    public static string NameOf(FaultKind kind) => FaultKindRegistry.Get(kind).Name;

    /// <summary>Finds a kind by name (case-insensitive).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FaultKind? kind)
    {
        kind = FaultKindRegistry.Find(name)?.Kind;
        return kind is not null;
    }

    /// <summary>Whether the kind acts on functions.</summary>
    public static bool ActsOnFunctions(FaultKind kind) => FaultKindRegistry.Get(kind).ActsOn == FaultScope.Functions;
}
