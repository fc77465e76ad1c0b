using System.Globalization;

namespace Faultline.Core.Experiments;

/// <summary>A comparison such as <c>&gt;= 99%</c> or <c>&lt; 2s</c> (stored in milliseconds).</summary>
public sealed record Threshold(ComparisonOperator Operator, double Value, ThresholdUnit Unit)
{
    /// <summary>Whether a measured value satisfies the threshold.</summary>
    public bool IsMetBy(double measured) => Operator switch
    {
        ComparisonOperator.GreaterOrEqual => measured >= Value,
        ComparisonOperator.Greater => measured > Value,
        ComparisonOperator.LessOrEqual => measured <= Value,
        _ => measured < Value,
    };

    /// <summary>Formats a measured value in the threshold's unit, e.g. <c>98.7%</c> or <c>1250ms</c>.</summary>
    public string Format(double value) => Unit switch
    {
        ThresholdUnit.Percent => value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        ThresholdUnit.Milliseconds => value.ToString("0.#", CultureInfo.InvariantCulture) + "ms",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var op = Operator switch
        {
            ComparisonOperator.GreaterOrEqual => ">=",
            ComparisonOperator.Greater => ">",
            ComparisonOperator.LessOrEqual => "<=",
            _ => "<",
        };
        return $"{op} {Format(Value)}";
    }
}
