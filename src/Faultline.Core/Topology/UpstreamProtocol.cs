namespace Faultline.Core.Topology;

/// <summary>How a function with an <see cref="FunctionConfig.Upstream"/> talks to the user's own code.</summary>
public enum UpstreamProtocol
{
    /// <summary>Forward the HTTP request as it came (the default).</summary>
    Http = 0,

    /// <summary>
    /// Invoke it as Lambda does: the API Gateway proxy event posted to the Runtime Interface Emulator's
    /// <c>/2015-03-31/functions/function/invocations</c>, the proxy result mapped back.
    /// </summary>
    Lambda = 1,
}
