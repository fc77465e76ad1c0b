namespace Faultline.Core.Experiments;

/// <summary>How a measured value is compared with a threshold.</summary>
public enum ComparisonOperator
{
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&lt;</c></summary>
    Less,
}
