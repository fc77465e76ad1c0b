using System.Diagnostics.CodeAnalysis;

namespace Faultline.Core.Functions;

/// <summary>The built-in handlers, with the seed's bodies: <c>health</c> and <c>hello</c>.</summary>
public static class BuiltInHandlers
{
    /// <summary>The names of the built-in handlers.</summary>
    public static IReadOnlyList<string> Names { get; } = ["health", "hello"];

    /// <summary><c>health</c>: 200 <c>Region {region} is healthy</c>.</summary>
    public static FunctionHandler Health { get; } = (invocation, _) =>
        Task.FromResult(LambdaProxyResult.Text(200, $"Region {invocation.Function.Region} is healthy"));

    /// <summary><c>hello</c>: 200 <c>Hello from region {region}</c>.</summary>
    public static FunctionHandler Hello { get; } = (invocation, _) =>
        Task.FromResult(LambdaProxyResult.Text(200, $"Hello from region {invocation.Function.Region}"));

    /// <summary>Finds a built-in handler by name (case-sensitive, as written in the topology).</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out FunctionHandler? handler)
    {
        handler = name switch
        {
            "health" => Health,
            "hello" => Hello,
            _ => null,
        };
        return handler is not null;
    }
}
