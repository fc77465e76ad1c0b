using Faultline.Core.Functions;

namespace Faultline.Core.Topology;

/// <summary>A Lambda-like function behind one gateway route.</summary>
public sealed record FunctionConfig
{
    /// <summary>Lambda's default function timeout: 3 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The function's name, unique within its region.</summary>
    public required string Name { get; init; }

    /// <summary>The region the function is deployed in.</summary>
    public required string Region { get; init; }

    /// <summary>The gateway route that invokes it.</summary>
    public required RouteKey Route { get; init; }

    /// <summary>A built-in handler (<c>health</c>, <c>hello</c>), or <c>null</c> when <see cref="Upstream"/> is set.</summary>
    public string? Handler { get; init; }

    /// <summary>The user's own service the function forwards to, or <c>null</c> for a built-in handler.</summary>
    public Uri? Upstream { get; init; }

    /// <summary>How the upstream is invoked: plain HTTP forwarding or Lambda's invoke protocol. Default <see cref="UpstreamProtocol.Http"/>.</summary>
    public UpstreamProtocol UpstreamProtocol { get; init; } = UpstreamProtocol.Http;

    /// <summary>
    /// Layers (names or ARNs) the function starts with, in attach order. Default none. A layer whose name contains
    /// <c>chaos-lambda-extension</c> is the chaos extension (see <see cref="ChaosExtensionSettings"/>).
    /// </summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Which release of the chaos extension its layer holds. Default <see cref="ChaosExtensionRelease.Tagged"/> (v0.1.6).</summary>
    public ChaosExtensionRelease ChaosExtensionRelease { get; init; } = ChaosExtensionRelease.Tagged;

    /// <summary>Function timeout. Default 3 s, as Lambda's.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Reserved concurrency: invocations beyond it are throttled (the Lambda service rejects them; API Gateway answers 500). <c>null</c> means unreserved.</summary>
    public int? ReservedConcurrency { get; init; }

    /// <summary>Init duration of a new execution environment (cold start). Default zero.</summary>
    public TimeSpan ColdStart { get; init; } = TimeSpan.Zero;

    /// <summary>How long an idle execution environment is kept warm before the next invocation is cold again. Default 5 min.</summary>
    public TimeSpan KeepWarm { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Environment variables the function starts with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tags used to select targets.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The function's id across the topology: <c>region/name</c>.</summary>
    public string Id => $"{Region}/{Name}";
}
