namespace Faultline.Core.Faults;

/// <summary>How a fault option's value is written and read.</summary>
public enum FaultOptionType
{
    /// <summary>A duration such as <c>60s</c> or <c>PT1M</c>.</summary>
    Duration,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A number, integer or decimal.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of a fixed list of names (<see cref="FaultOptionDefinition.Choices"/>).</summary>
    Choice,
}
