namespace Faultline.Core.Experiments.Execution;

/// <summary>One function's configuration before and after a change (a configure action, or its undo).</summary>
public sealed record ConfigurationChange
{
    /// <summary>The function id (<c>region/name</c>).</summary>
    public required string Function { get; init; }

    /// <summary>The configuration before the change: what an undo restores.</summary>
    public required FunctionConfiguration Before { get; init; }

    /// <summary>The configuration after the change.</summary>
    public required FunctionConfiguration After { get; init; }
}
