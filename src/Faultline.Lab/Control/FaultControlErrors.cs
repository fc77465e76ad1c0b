using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faultline.Core.Faults;
using Faultline.Web;

namespace Faultline.Lab.Control;

/// <summary>The error messages of the fault control API, built in one place (they are API: tests pin them).</summary>
internal static partial class FaultControlErrors
{
    public const string Unauthorized = "missing or wrong token: send 'Authorization: Bearer <token>' with the token from the lab's token file";

    public const string Misdirected = "the fault control API answers only for " + LoopbackHost.Names + "; send the request to the lab's control URL";

    public const string EmptyBody = "the request body is empty; expected a JSON object";

    public const string DeleteNeedsOwner = "DELETE /v1/faults needs ?owner=X; to remove every fault, POST /v1/faults/reset";

    public const string NoFunctions = "this lab serves no functions (the control API was started without them)";

    public const string Endpoints = "GET /v1/lab, GET|POST|DELETE /v1/faults, POST /v1/faults/reset, POST /v1/faults/{id}/renew, DELETE /v1/faults/{id}, GET /v1/functions, POST /v1/functions/{region}/{name}/configuration, POST /v1/functions/restore, POST /v1/functions/renew";

    public static string BodyTooLarge(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the request body is larger than {limit / 1024} KB; control requests are small JSON objects");

    public static string NoEndpoint(string method, string path) => $"no endpoint {method} {path}; endpoints: {Endpoints}";

    public static string NoActiveFault(string id) => $"no active fault '{id}' (it may have been removed or its lease lapsed)";

    public static string NoConfiguration(string owner) => $"owner '{owner}' holds no configuration change (restored, or its lease lapsed)";

    public static string Required(string property, string example) => $"{property} is required, e.g. {example}";

    /// <summary>A body System.Text.Json could not read: where (line and byte, 1-based, and the JSON path) and what.</summary>
    public static string InvalidJson(JsonException exception)
    {
        // System.Text.Json appends its own zero-based location to its messages; say it once, 1-based.
        var message = LocationSuffix().Replace(exception.Message, string.Empty).Trim();
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}")
            : string.Empty;
        var path = string.IsNullOrEmpty(exception.Path) ? string.Empty : $" ({exception.Path})";
        return $"invalid JSON{where}{path}: {message}";
    }

    /// <summary>A body whose shape System.Text.Json cannot build (fault options without a kind).</summary>
    public static string Unreadable(NotSupportedException exception) =>
        exception.Message.Contains(nameof(FaultOptions), StringComparison.Ordinal)
            ? $"invalid JSON: spec.options needs a \"kind\": one of {string.Join(", ", FaultKinds.Names)}"
            : $"invalid JSON: {LocationSuffix().Replace(exception.Message, string.Empty).Trim()}";

    public static string Unexpected(string method, string path, Exception exception) =>
        $"the lab failed to answer {method} {path}: {exception.GetType().Name}: {exception.Message}; the lab logged it (event {FaultControlLog.RequestFailedEventId})";

    [GeneratedRegex(@"\s*(Path: .*? \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();
}
