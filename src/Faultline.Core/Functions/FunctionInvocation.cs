using Faultline.Core.Topology;

namespace Faultline.Core.Functions;

/// <summary>What a handler sees: the request, the function's configuration and its environment at invocation time.</summary>
public sealed record FunctionInvocation
{
    /// <summary>The request.</summary>
    public required FunctionRequest Request { get; init; }

    /// <summary>The function's configuration.</summary>
    public required FunctionConfig Function { get; init; }

    /// <summary>The environment variables at invocation time.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
}
