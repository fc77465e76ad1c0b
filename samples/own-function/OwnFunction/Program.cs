using System.Text.Json;
using System.Text.Json.Nodes;

// A Lambda-style handler behind the Runtime Interface Emulator's invoke endpoint, as a function's container image
// exposes it (https://github.com/aws/aws-lambda-runtime-interface-emulator): POST the API Gateway proxy event,
// get the proxy result back. Run it on loopback, e.g. `dotnet run -- --urls http://127.0.0.1:9000`.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
long invocations = 0;

app.MapPost("/2015-03-31/functions/function/invocations", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    Interlocked.Increment(ref invocations);
    using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
    var e = document.RootElement;

    // Payload 1.0 (REST API) has httpMethod and path; 2.0 (HTTP API) has requestContext.http and rawPath.
    var method = e.TryGetProperty("httpMethod", out var m) ? m.GetString() : e.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString();
    var path = e.TryGetProperty("path", out var p) ? p.GetString() : e.GetProperty("rawPath").GetString();
    if (path == "/api/fail")
    {
        // An unhandled error, as the emulator reports it: 200 with the runtime's error document.
        return Results.Text(new JsonObject { ["errorType"] = "InvalidOperationException", ["errorMessage"] = "the handler failed" }.ToJsonString(), "application/json");
    }

    var result = new JsonObject
    {
        ["statusCode"] = 200,
        ["headers"] = new JsonObject { ["Content-Type"] = "text/plain; charset=utf-8", ["X-Handled-By"] = "own-function" },
        ["body"] = $"Hello from my own handler: {method} {path}",
        ["isBase64Encoded"] = false,
    };
    return Results.Text(result.ToJsonString(), "application/json");
});

// How many invocations the handler answered, so a test can see that the lab really called it.
app.MapGet("/invocations", () => Results.Text(Interlocked.Read(ref invocations).ToString(System.Globalization.CultureInfo.InvariantCulture)));

await app.RunAsync();
