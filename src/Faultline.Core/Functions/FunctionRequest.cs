using System.Collections.ObjectModel;

namespace Faultline.Core.Functions;

/// <summary>The HTTP request a function is invoked with (API Gateway proxy event, reduced).</summary>
public sealed record FunctionRequest
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path, e.g. <c>/api/hello</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string including its leading <c>?</c>, or empty. Default empty.</summary>
    public string QueryString { get; init; } = string.Empty;

    /// <summary>Request headers. Default none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The request body. Default empty.</summary>
    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;
}
