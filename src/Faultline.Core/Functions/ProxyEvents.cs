using System.Globalization;
using System.Text;
using System.Text.Json;
using Faultline.Core.Topology;

namespace Faultline.Core.Functions;

/// <summary>
/// Builds the event API Gateway sends a Lambda proxy integration, so a user's own handler (behind the Runtime
/// Interface Emulator) receives what it would on AWS.
/// </summary>
/// <remarks>
/// Shapes from AWS's documentation: version 1.0, "Input format of a Lambda function for proxy integration"
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html):
/// <c>resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters,
/// multiValueQueryStringParameters, pathParameters, stageVariables, requestContext, body, isBase64Encoded</c>;
/// version 2.0 (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
/// <c>version, routeKey, rawPath, rawQueryString, cookies, headers</c> (lower-case names, duplicates joined with
/// commas), <c>queryStringParameters, requestContext{…, http{method, path, protocol, sourceIp, userAgent}},
/// body, isBase64Encoded</c>. A body that is not UTF-8 text is sent base64-encoded. Path parameters and stage
/// variables are always null: the lab's routes have neither.
/// </remarks>
public static class ProxyEvents
{
    /// <summary>The account id in the events' request context.</summary>
    public const string AccountId = "123456789012";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The payload format <paramref name="function"/>'s gateway sends: 2.0 when its region's gateway is an HTTP API
    /// (<c>type: http</c>), 1.0 for a REST API (the default, and for a region the topology does not know).
    /// </summary>
    public static ProxyPayloadFormat FormatFor(Topology.Topology topology, FunctionConfig function)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(function);
        return topology.FindRegion(function.Region)?.Gateway.Type == GatewayType.Http ? ProxyPayloadFormat.V2 : ProxyPayloadFormat.V1;
    }

    /// <summary>The event for <paramref name="request"/> to <paramref name="function"/> in <paramref name="format"/>, as UTF-8 JSON.</summary>
    public static byte[] Build(ProxyPayloadFormat format, FunctionRequest request, FunctionConfig function, ProxyEventContext context) =>
        format == ProxyPayloadFormat.V2 ? V2(request, function, context) : V1(request, function, context);

    /// <summary>The version 1.0 (REST API) event.</summary>
    public static byte[] V1(FunctionRequest request, FunctionConfig function, ProxyEventContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var stage = context.Stage ?? "prod";
        var query = Query(request.QueryString);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("resource", function.Route.Path);
            json.WriteString("path", request.Path);
            json.WriteString("httpMethod", request.Method.ToUpperInvariant());
            WriteMap(json, "headers", request.Headers.Count == 0 ? null : request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal));
            WriteMultiMap(json, "multiValueHeaders", request.Headers.Count == 0 ? null : request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value], StringComparer.Ordinal));
            WriteMap(json, "queryStringParameters", query.Count == 0 ? null : query.ToDictionary(q => q.Key, q => q.Value[^1], StringComparer.Ordinal));
            WriteMultiMap(json, "multiValueQueryStringParameters", query.Count == 0 ? null : query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value, StringComparer.Ordinal));
            json.WriteNull("pathParameters");
            json.WriteNull("stageVariables");
            json.WriteStartObject("requestContext");
            json.WriteString("accountId", AccountId);
            json.WriteString("apiId", ApiId(function));
            json.WriteString("resourcePath", function.Route.Path);
            json.WriteString("httpMethod", request.Method.ToUpperInvariant());
            json.WriteString("path", $"/{stage}{request.Path}");
            json.WriteString("stage", stage);
            json.WriteString("requestId", context.RequestId);
            json.WriteString("requestTime", RequestTime(context.ReceivedAt));
            json.WriteNumber("requestTimeEpoch", context.ReceivedAt.ToUnixTimeMilliseconds());
            json.WriteString("protocol", "HTTP/1.1");
            json.WriteString("domainName", Header(request, "Host") ?? "localhost");
            json.WriteStartObject("identity");
            json.WriteString("sourceIp", context.SourceIp);
            WriteStringOrNull(json, "userAgent", Header(request, "User-Agent"));
            json.WriteEndObject();
            json.WriteEndObject();
            WriteBody(json, request.Body);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The version 2.0 (HTTP API) event.</summary>
    public static byte[] V2(FunctionRequest request, FunctionConfig function, ProxyEventContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var stage = context.Stage ?? "$default";
        var query = Query(request.QueryString);
        var routeKey = function.Route.ToString();
        var cookies = Header(request, "Cookie");
        var headers = request.Headers
            .Where(h => !string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => h.Value)), StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", routeKey);
            json.WriteString("rawPath", request.Path);
            json.WriteString("rawQueryString", request.QueryString.TrimStart('?'));
            if (cookies is not null)
            {
                json.WriteStartArray("cookies");
                foreach (var cookie in cookies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    json.WriteStringValue(cookie);
                }

                json.WriteEndArray();
            }

            WriteMap(json, "headers", headers);
            if (query.Count > 0)
            {
                WriteMap(json, "queryStringParameters", query.ToDictionary(q => q.Key, q => string.Join(',', q.Value), StringComparer.Ordinal));
            }

            json.WriteStartObject("requestContext");
            json.WriteString("accountId", AccountId);
            json.WriteString("apiId", ApiId(function));
            var domain = Header(request, "Host") ?? "localhost";
            json.WriteString("domainName", domain);
            json.WriteString("domainPrefix", domain.Split('.')[0]);
            json.WriteStartObject("http");
            json.WriteString("method", request.Method.ToUpperInvariant());
            json.WriteString("path", request.Path);
            json.WriteString("protocol", "HTTP/1.1");
            json.WriteString("sourceIp", context.SourceIp);
            json.WriteString("userAgent", Header(request, "User-Agent") ?? string.Empty);
            json.WriteEndObject();
            json.WriteString("requestId", context.RequestId);
            json.WriteString("routeKey", routeKey);
            json.WriteString("stage", stage);
            json.WriteString("time", RequestTime(context.ReceivedAt));
            json.WriteNumber("timeEpoch", context.ReceivedAt.ToUnixTimeMilliseconds());
            json.WriteEndObject();
            if (!request.Body.IsEmpty)
            {
                WriteBody(json, request.Body);
            }
            else
            {
                json.WriteBoolean("isBase64Encoded", false);
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    // The API id is opaque on AWS; the function's id keeps events from different regions apart.
    private static string ApiId(FunctionConfig function) => $"faultline-{function.Region}";

    // API Gateway's requestTime format, e.g. 09/Apr/2015:12:34:56 +0000.
    private static string RequestTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("dd'/'MMM'/'yyyy':'HH':'mm':'ss' +0000'", CultureInfo.InvariantCulture);

    private static string? Header(FunctionRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value : null;

    private static Dictionary<string, List<string>> Query(string queryString)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteMultiMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, IReadOnlyList<string>>? map)
    {
        if (map is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, values) in map)
        {
            json.WriteStartArray(key);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteBody(Utf8JsonWriter json, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            json.WriteNull("body");
            json.WriteBoolean("isBase64Encoded", false);
            return;
        }

        try
        {
            json.WriteString("body", StrictUtf8.GetString(body.Span));
            json.WriteBoolean("isBase64Encoded", false);
        }
        catch (DecoderFallbackException)
        {
            json.WriteString("body", Convert.ToBase64String(body.Span));
            json.WriteBoolean("isBase64Encoded", true);
        }
    }
}
