using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Faultline.Core.Functions;

/// <summary>The built-in handlers, with the seed's bodies: <c>health</c> and <c>hello</c>.</summary>
public static class BuiltInHandlers
{
    /// <summary>The names of the built-in handlers.</summary>
    public static IReadOnlyList<string> Names { get; } = ["health", "hello"];

    /// <summary>The <c>health</c> body, with <c>{0}</c> for the region: <c>Region {0} is healthy</c>.</summary>
    public const string HealthBodyFormat = "Region {0} is healthy";

    /// <summary>The <c>hello</c> body, with <c>{0}</c> for the region: <c>Hello from region {0}</c>.</summary>
    public const string HelloBodyFormat = "Hello from region {0}";

    /// <summary>The status code both built-in handlers answer with: 200.</summary>
    public const int StatusCode = 200;

    /// <summary><c>health</c>: 200 <c>Region {region} is healthy</c>.</summary>
    public static FunctionHandler Health { get; } = (invocation, _) =>
        Task.FromResult(Answer("health", invocation.Function.Region));

    /// <summary><c>hello</c>: 200 <c>Hello from region {region}</c>.</summary>
    public static FunctionHandler Hello { get; } = (invocation, _) =>
        Task.FromResult(Answer("hello", invocation.Function.Region));

    /// <summary>
    /// What the built-in handler <paramref name="name"/> answers in <paramref name="region"/> — the one place the bodies
    /// are built, so the lab and the handlers <c>faultline export aws</c> deploys answer alike.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a built-in handler.</exception>
    public static LambdaProxyResult Answer(string name, string region)
    {
        var format = name switch
        {
            "health" => HealthBodyFormat,
            "hello" => HelloBodyFormat,
            _ => throw new ArgumentException($"'{name}' is not a built-in handler; built-in handlers: {string.Join(", ", Names)}", nameof(name)),
        };
        return LambdaProxyResult.Text(StatusCode, string.Format(CultureInfo.InvariantCulture, format, region));
    }

    /// <summary>
    /// The answer <paramref name="handler"/> gives in <paramref name="region"/> when it is a built-in handler, ready: a
    /// built-in handler answers at once, the same every time, and never looks at its token; <c>null</c> for any other handler.
    /// </summary>
    internal static Task<LambdaProxyResult>? FixedAnswer(FunctionHandler handler, string region) =>
        handler == Health ? Task.FromResult(Answer("health", region))
        : handler == Hello ? Task.FromResult(Answer("hello", region))
        : null;

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
