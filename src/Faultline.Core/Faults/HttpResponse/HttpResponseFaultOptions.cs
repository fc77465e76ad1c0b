namespace Faultline.Core.Faults.HttpResponse;

/// <summary><c>http-response</c>: the function result is replaced, as FIS <c>aws:lambda:invocation-http-integration-response</c>.</summary>
public sealed record HttpResponseFaultOptions : FaultOptions
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.HttpResponse;

    /// <summary>The status code returned (100–599). Default 500.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>The body returned. Default empty.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>The content type returned. Default <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Whether the handler is skipped (default <c>true</c>).</summary>
    public bool PreventExecution { get; init; } = true;
}
