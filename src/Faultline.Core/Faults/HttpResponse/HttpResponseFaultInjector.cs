using Faultline.Core.Faults.Injection;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.HttpResponse;

/// <summary><c>http-response</c> in the function runtime: the invocation's result is replaced, with or without running the handler.</summary>
public sealed class HttpResponseFaultInjector : IFunctionFaultInjector
{
    /// <inheritdoc />
    public InvocationFaultEffect? Intercept(ActiveFault fault, RandomSource random)
    {
        if (FaultDraw.Options<HttpResponseFaultOptions>(fault, random) is not { } response)
        {
            return null;
        }

        var result = new LambdaProxyResult
        {
            StatusCode = response.StatusCode,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = response.ContentType },
            Body = response.Body,
        };
        return InvocationFaultEffect.Replace(result, response.PreventExecution);
    }
}
