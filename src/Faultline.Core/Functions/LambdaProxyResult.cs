using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Faultline.Core.Functions;

/// <summary>A Lambda proxy integration result: <c>{statusCode, headers, body, isBase64Encoded}</c>.</summary>
public sealed record LambdaProxyResult
{
    /// <summary>The HTTP status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Response headers. Default none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The body; base64 when <see cref="IsBase64Encoded"/>. Default empty.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Body"/> is base64-encoded binary. Default <c>false</c>.</summary>
    public bool IsBase64Encoded { get; init; }

    /// <summary>The <c>Content-Type</c> of <see cref="Text"/> results: <c>text/plain; charset=utf-8</c>.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>A plain-text result.</summary>
    public static LambdaProxyResult Text(int statusCode, string body) => new()
    {
        StatusCode = statusCode,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = TextContentType },
        Body = body,
    };

    /// <summary>
    /// Parses a function's raw output as API Gateway's Lambda proxy integration does. Output that is not
    /// an object with an integer <c>statusCode</c>, a string <c>body</c> (or none), string-valued
    /// <c>headers</c> and a boolean <c>isBase64Encoded</c> is malformed (API Gateway answers 502).
    /// </summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out LambdaProxyResult? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("statusCode", out var status)
                || status.ValueKind != JsonValueKind.Number
                || !status.TryGetInt32(out var statusCode)
                || statusCode is < 100 or > 599)
            {
                return false;
            }

            var body = string.Empty;
            if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
            {
                if (bodyElement.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                body = bodyElement.GetString() ?? string.Empty;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var headersElement) && headersElement.ValueKind != JsonValueKind.Null)
            {
                if (headersElement.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var header in headersElement.EnumerateObject())
                {
                    headers[header.Name] = header.Value.ValueKind switch
                    {
                        JsonValueKind.String => header.Value.GetString() ?? string.Empty,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => header.Value.GetRawText(),
                        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"header {header.Name} is not a string")),
                    };
                }
            }

            var base64 = false;
            if (root.TryGetProperty("isBase64Encoded", out var base64Element))
            {
                if (base64Element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return false;
                }

                base64 = base64Element.GetBoolean();
            }

            result = new LambdaProxyResult { StatusCode = statusCode, Headers = headers, Body = body, IsBase64Encoded = base64 };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
