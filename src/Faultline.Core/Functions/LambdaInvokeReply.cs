using System.Text.Json;

namespace Faultline.Core.Functions;

/// <summary>
/// Reads the Runtime Interface Emulator's answer to <c>POST /2015-03-31/functions/function/invocations</c> as the
/// outcome of one invocation.
/// </summary>
/// <remarks>
/// The emulator (https://github.com/aws/aws-lambda-runtime-interface-emulator, cmd/aws-lambda-rie/handlers.go)
/// answers 200 with the function's output; an unhandled error is also a 200 whose body is the runtime's error
/// document <c>{"errorType": …, "errorMessage": …}</c> without the <c>X-Amz-Function-Error</c> header Lambda's
/// Invoke API sets (aws-lambda-runtime-interface-emulator issue #20); its own timeout is a 200 with the text
/// <c>Task timed out after N.00 seconds</c> (issue #21); a runtime that exits answers an empty body (issue #86) or
/// 502. All of these are function errors; so is any non-2xx answer or the header when present. Other output is the
/// proxy result: for payload 1.0 it must be one (else API Gateway answers 502); for payload 2.0, valid JSON
/// without <c>statusCode</c> is taken as a 200 <c>application/json</c> body, as HTTP APIs do
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
/// </remarks>
public static class LambdaInvokeReply
{
    /// <summary>The emulator's invoke path (a function container image's, as RIE serves it).</summary>
    public const string InvokePath = "/2015-03-31/functions/function/invocations";

    /// <summary>The header Lambda's Invoke API sets on a function error.</summary>
    public const string FunctionErrorHeader = "X-Amz-Function-Error";

    /// <summary>Interprets one answer.</summary>
    /// <param name="status">The HTTP status the emulator answered.</param>
    /// <param name="functionErrorHeader">Whether <see cref="FunctionErrorHeader"/> was present.</param>
    /// <param name="body">The answer's body as text.</param>
    /// <param name="format">The payload format the event was sent in.</param>
    public static FunctionOutcome Interpret(int status, bool functionErrorHeader, string body, ProxyPayloadFormat format)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (status is < 200 or > 299)
        {
            return Error($"the function's runtime answered HTTP {status}: {Truncate(body)}");
        }

        if (functionErrorHeader)
        {
            return Error(ErrorMessage(body));
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Error("the function's runtime answered nothing (did it exit?)");
        }

        if (body.StartsWith("Task timed out after", StringComparison.Ordinal))
        {
            return Error(body.Trim());
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Raw(body);
        }

        var isObject = root.ValueKind == JsonValueKind.Object;
        var hasStatus = isObject && root.TryGetProperty("statusCode", out _);
        if (isObject && !hasStatus && (root.TryGetProperty("errorMessage", out _) || root.TryGetProperty("errorType", out _)))
        {
            return Error(ErrorMessage(body));
        }

        if (LambdaProxyResult.TryParse(body, out var result))
        {
            return new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = result };
        }

        if (format == ProxyPayloadFormat.V2 && !hasStatus)
        {
            return new FunctionOutcome
            {
                Kind = FunctionOutcomeKind.Succeeded,
                Result = new LambdaProxyResult
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
                    Body = root.ValueKind == JsonValueKind.String ? root.GetString() ?? string.Empty : body,
                },
            };
        }

        return Raw(body);
    }

    private static FunctionOutcome Error(string message) => new() { Kind = FunctionOutcomeKind.FunctionError, Error = message };

    private static FunctionOutcome Raw(string body) => new() { Kind = FunctionOutcomeKind.Succeeded, RawPayload = body };

    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var type = root.TryGetProperty("errorType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var message = root.TryGetProperty("errorMessage", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                if (type is not null || message is not null)
                {
                    return type is null ? message! : message is null ? type : $"{type}: {message}";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        return Truncate(body);
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
