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
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(random);
        if (!random.Chance(fault.Spec.Percentage))
        {
            return null;
        }

        var response = (HttpResponseFaultOptions)fault.Spec.Options;
        var result = new LambdaProxyResult
        {
            StatusCode = response.StatusCode,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = response.ContentType },
            Body = response.Body,
        };
        return InvocationFaultEffect.Replace(result, response.PreventExecution);
    }
}
