using Faultline.Core.Functions;
using Faultline.Core.Topology;

namespace Faultline.Lab.Gateway;

/// <summary>
/// Handlers for <c>upstream:</c> functions: forward the request to the user's own loopback service and
/// return its response as a proxy result, so the lab can wrap a real local build of their API.
/// </summary>
public static class UpstreamHandler
{
    // Hop-by-hop and framing headers are the transport's business, not the result's.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Content-Length", "Host",
    };

    /// <summary>A handler factory: upstream forwarding for functions with <see cref="FunctionConfig.Upstream"/>, else the built-in handler.</summary>
    /// <param name="client">The client that reaches the upstreams.</param>
    /// <param name="time">Lab time, for the proxy events' request time (Lambda protocol only).</param>
    /// <param name="payloadFormat">
    /// The proxy payload format a function's gateway sends (Lambda protocol only). Default version 1.0 (a REST API) for every function.
    /// </param>
    public static Func<FunctionConfig, FunctionHandler> Factory(HttpClient client, TimeProvider time, Func<FunctionConfig, ProxyPayloadFormat>? payloadFormat = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        return function => function.Upstream switch
        {
            null => FunctionFleet.DefaultHandler(function),
            { } upstream when function.UpstreamProtocol == UpstreamProtocol.Lambda =>
                LambdaInvokeHandler.Create(client, upstream, payloadFormat?.Invoke(function) ?? ProxyPayloadFormat.V1, time),
            { } upstream => Create(client, upstream),
        };
    }

    /// <summary>A handler forwarding to <paramref name="upstream"/> (its path prefix kept, the request's path and query appended).</summary>
    public static FunctionHandler Create(HttpClient client, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(upstream);
        return async (invocation, cancellationToken) =>
        {
            var request = invocation.Request;
            var target = new Uri(upstream.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.Path + request.QueryString);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
            if (!request.Body.IsEmpty)
            {
                message.Content = new ReadOnlyMemoryContent(request.Body);
            }

            foreach (var (name, value) in request.Headers)
            {
                if (!Skipped.Contains(name) && !message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!Skipped.Contains(header.Key))
                {
                    headers[header.Key] = string.Join(", ", header.Value);
                }
            }

            return new LambdaProxyResult
            {
                StatusCode = (int)response.StatusCode,
                Headers = headers,
                Body = Convert.ToBase64String(body),
                IsBase64Encoded = true,
            };
        };
    }
}
