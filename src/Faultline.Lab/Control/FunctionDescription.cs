namespace Faultline.Lab.Control;

/// <summary>One function as <c>GET /v1/functions</c> describes it.</summary>
public sealed record FunctionDescription
{
    /// <summary>The function id (<c>region/name</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The environment variables now.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The layers attached now.</summary>
    public required IReadOnlyList<string> Layers { get; init; }

    /// <summary>Whether the environment or layers differ from the topology's.</summary>
    public bool Changed { get; init; }
}
