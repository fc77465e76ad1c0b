using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// Windows (during), thresholds and plain metric values; see ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private static readonly Dictionary<string, Phase> PhaseByName = new(StringComparer.Ordinal)
    {
        ["run"] = Phase.Run,
        ["baseline"] = Phase.Baseline,
        ["fault"] = Phase.Fault,
        ["recovery"] = Phase.Recovery,
    };

    private static readonly (string Text, ComparisonOperator Operator)[] Operators =
    [
        (">=", ComparisonOperator.GreaterOrEqual),
        ("<=", ComparisonOperator.LessOrEqual),
        (">", ComparisonOperator.Greater),
        ("<", ComparisonOperator.Less),
    ];

    /// <summary>
    /// Reads <c>during</c>: a phase name, or <c>{ from: EDGE, to: EDGE }</c>. Absent means the fault phase;
    /// <c>null</c> means it was written wrong (already reported).
    /// </summary>
    private CheckWindow? ReadWindow(MappingReader reader, string what)
    {
        var node = reader.Get("during");
        switch (node)
        {
            case null:
                return CheckWindow.During(Phase.Fault);
            case YamlScalar scalar:
                if (PhaseByName.TryGetValue(scalar.Value.Trim(), out var phase))
                {
                    return CheckWindow.During(phase);
                }

                _context.Add(ExperimentErrors.UnknownPhase(scalar.Location, what, "during", scalar.Value));
                return null;
            default:
                var window = reader.Mapping("during", $"during of {what}");
                var from = ReadEdge(window, what, "from", "fault.start + 3m");
                var to = ReadEdge(window, what, "to", "fault.end");
                window.Complete();
                if (from is null || to is null)
                {
                    return null;
                }

                if (from.Phase == to.Phase && from.Edge == to.Edge && from.Offset >= to.Offset)
                {
                    _context.Add(ExperimentErrors.EmptyWindow(window.Location, what, from.ToString(), to.ToString()));
                    return null;
                }

                return new CheckWindow(from, to);
        }
    }

    private PhaseEdge? ReadEdge(MappingReader window, string what, string key, string example)
    {
        if (window.Required(key, example) is not { } node || YamlValues.Scalar(node, what, key, _context) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        var signAt = text.IndexOfAny(['+', '-']);
        var edgeText = (signAt < 0 ? text : text[..signAt]).Trim();
        var offset = TimeSpan.Zero;
        if (signAt >= 0 && Durations.Parse(text[(signAt + 1)..].Trim(), out offset) != ParseOutcome.Valid)
        {
            _context.Add(ExperimentErrors.BadEdge(scalar.Location, what, key, scalar.Value));
            return null;
        }

        var dot = edgeText.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            _context.Add(ExperimentErrors.BadEdge(scalar.Location, what, key, scalar.Value));
            return null;
        }

        var phaseText = edgeText[..dot];
        if (!PhaseByName.TryGetValue(phaseText, out var phase))
        {
            _context.Add(ExperimentErrors.UnknownPhase(scalar.Location, what, key, phaseText));
            return null;
        }

        PhaseEdgeKind? edge = edgeText[(dot + 1)..] switch
        {
            "start" => PhaseEdgeKind.Start,
            "end" => PhaseEdgeKind.End,
            _ => null,
        };
        if (edge is null)
        {
            _context.Add(ExperimentErrors.BadEdge(scalar.Location, what, key, scalar.Value));
            return null;
        }

        var negative = signAt >= 0 && text[signAt] == '-';
        return new PhaseEdge(phase, edge.Value, negative ? -offset : offset);
    }

    /// <summary>Reads a threshold such as <c>&gt;= 99%</c> and checks its unit fits the metric.</summary>
    private Threshold? ReadThreshold(YamlNode node, string what, string key, TrafficMetricKind metric)
    {
        if (YamlValues.Scalar(node, what, key, _context) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        foreach (var (op, comparison) in Operators)
        {
            if (text.StartsWith(op, StringComparison.Ordinal))
            {
                var quantity = ReadQuantity(scalar, text[op.Length..].Trim(), what, key, metric, badValue: () => ExperimentErrors.BadThreshold(scalar.Location, what, key, scalar.Value));
                return quantity is var (value, unit) ? new Threshold(comparison, value, unit) : null;
            }
        }

        _context.Add(ExperimentErrors.BadThreshold(scalar.Location, what, key, scalar.Value));
        return null;
    }

    /// <summary>
    /// Reads a value in the metric's unit: a percentage for rates and shares, a duration (as milliseconds) for
    /// latency, a plain number for requests.
    /// </summary>
    private (double Value, ThresholdUnit Unit)? ReadQuantity(YamlScalar scalar, string text, string what, string key, TrafficMetricKind metric, Func<Diagnostics.Diagnostic> badValue)
    {
        double value;
        ThresholdUnit unit;
        if (text.EndsWith('%') && YamlValues.TryParseNumber(text[..^1].Trim(), out var percent))
        {
            (value, unit) = (percent, ThresholdUnit.Percent);
        }
        else if (YamlValues.TryParseNumber(text, out var number))
        {
            (value, unit) = (number, ThresholdUnit.Count);
        }
        else if (Durations.Parse(text, out var duration) == ParseOutcome.Valid)
        {
            (value, unit) = (duration.TotalMilliseconds, ThresholdUnit.Milliseconds);
        }
        else
        {
            _context.Add(badValue());
            return null;
        }

        var expected = metric switch
        {
            TrafficMetricKind.LatencyPercentile => ThresholdUnit.Milliseconds,
            TrafficMetricKind.Requests => ThresholdUnit.Count,
            _ => ThresholdUnit.Percent,
        };
        if (unit != expected)
        {
            _context.Add(ExperimentErrors.WrongUnit(scalar.Location, what, key, scalar.Value, metric));
            return null;
        }

        if (unit == ThresholdUnit.Percent && value is < 0 or > 100)
        {
            _context.Add(ExperimentErrors.PercentOutOfRange(scalar.Location, what, key, scalar.Value));
            return null;
        }

        return (value, unit);
    }
}
