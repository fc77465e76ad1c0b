using System.Globalization;
using System.Text;
using Faultline.Core.Functions;

namespace Faultline.Lab.Gateway;

/// <summary>
/// Handlers for <c>upstream: { protocol: lambda }</c> functions: the user's own handler behind the Lambda Runtime
/// Interface Emulator (or anything speaking its invoke protocol) on loopback. The request becomes API Gateway's
/// proxy event (<see cref="ProxyEvents"/>), posted to <see cref="LambdaInvokeReply.InvokePath"/>; the answer is read
/// by <see cref="LambdaInvokeReply.Interpret"/>. Timeouts, concurrency and faults are the <see cref="FunctionRuntime"/>'s,
/// as for built-in handlers.
/// </summary>
public static class LambdaInvokeHandler
{
    /// <summary>A handler invoking the emulator at <paramref name="upstream"/> (its path prefix kept).</summary>
    public static FunctionHandler Create(HttpClient client, Uri upstream, ProxyPayloadFormat format, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(time);
        var target = new Uri(upstream.GetLeftPart(UriPartial.Path).TrimEnd('/') + LambdaInvokeReply.InvokePath);
        long sequence = 0;
        return async (invocation, cancellationToken) =>
        {
            var context = new ProxyEventContext
            {
                ReceivedAt = time.GetUtcNow(),
                RequestId = string.Create(CultureInfo.InvariantCulture, $"faultline-{Interlocked.Increment(ref sequence)}"),
            };
            var payload = ProxyEvents.Build(format, invocation.Request, invocation.Function, context);
            using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(payload) };
            message.Content.Headers.ContentType = new("application/json");
            using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var outcome = LambdaInvokeReply.Interpret(
                (int)response.StatusCode,
                response.Headers.Contains(LambdaInvokeReply.FunctionErrorHeader),
                Encoding.UTF8.GetString(body),
                format);
            return outcome.Result ?? throw new FunctionReplyException(outcome);
        };
    }
}
