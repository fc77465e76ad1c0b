using System.Globalization;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// Stop conditions; see ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    // In the order of ExperimentErrors.TreatMissingDataNames.
    private static readonly MissingDataTreatment[] TreatMissingDataValues =
        [MissingDataTreatment.Breaching, MissingDataTreatment.NotBreaching, MissingDataTreatment.Ignore, MissingDataTreatment.Missing];

    private List<StopConditionDefinition> ReadStopConditions(MappingReader root)
    {
        var result = new List<StopConditionDefinition>();
        var items = root.Sequence("stopConditions");
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadStopCondition(items[i], $"stopConditions/{i}", i) is not { } condition)
            {
                continue;
            }

            if (result.FirstOrDefault(c => c.Name == condition.Name) is { } first)
            {
                _context.Add(ExperimentErrors.DuplicateName(condition.Location, "stop condition", condition.Name, first.Location));
                continue;
            }

            result.Add(condition);
        }

        return result;
    }

    private StopConditionDefinition? ReadStopCondition(YamlNode node, string path, int index)
    {
        var label = (node as YamlMapping)?.Find("name") is YamlScalar { IsNull: false } n ? n.Value : $"#{index + 1}";
        var what = $"stop condition '{label}'";
        var reader = MappingReader.Create(node, what, path, _context);
        var name = reader.RequiredString("name", "global outage");
        var metricText = reader.RequiredString("metric", "successRate");
        var metric = metricText is null ? null : ParseStopMetric(metricText);
        if (metricText is not null && metric is null)
        {
            _context.Add(ExperimentErrors.UnknownStopMetric(reader.LocationOf("metric"), what, metricText));
        }

        var clients = ReadClients(reader, what);
        var below = reader.Get("below");
        var above = reader.Get("above");
        Threshold? threshold = null;
        if (below is null && above is null)
        {
            _context.Add(ExperimentErrors.StopHasNoThreshold(reader.Location, what));
        }
        else if (below is not null && above is not null)
        {
            _context.Add(ExperimentErrors.StopHasBothThresholds(reader.LocationOf("above"), what));
        }
        else if (metric is not null)
        {
            var key = below is null ? "above" : "below";
            if (YamlValues.Scalar((below ?? above)!, what, key, _context) is { } scalar)
            {
                var quantity = ReadQuantity(scalar, scalar.Value.Trim(), what, key, metric.Kind, () => ExperimentErrors.BadStopValue(scalar.Location, what, key, scalar.Value, metric.Kind));
                if (quantity is var (value, unit))
                {
                    threshold = new Threshold(below is null ? ComparisonOperator.Greater : ComparisonOperator.Less, value, unit);
                }
            }
        }

        var duration = reader.Duration("for");
        if (duration == TimeSpan.Zero)
        {
            _context.Add(ExperimentErrors.NotPositive(reader.LocationOf("for"), what, "for", "1m"));
        }

        var (treatMissingData, treatMissingDataValid) = ReadTreatMissingData(reader, what);
        reader.Complete();
        if (name is null || metric is null || threshold is null || duration == TimeSpan.Zero || !treatMissingDataValid)
        {
            return null;
        }

        return new StopConditionDefinition
        {
            Name = name,
            Metric = metric,
            Clients = clients,
            AlarmWhen = threshold,
            For = duration ?? TimeSpan.FromMinutes(1),
            TreatMissingData = treatMissingData,
            Location = reader.Location,
        };
    }

    // Optional; exact spelling as CloudWatch's (case-insensitive). Null when absent: the metric's default applies.
    private (MissingDataTreatment? Value, bool Valid) ReadTreatMissingData(MappingReader reader, string what)
    {
        if (reader.Get("treatMissingData") is not { } node)
        {
            return (null, true);
        }

        if (YamlValues.Scalar(node, what, "treatMissingData", _context) is not { } scalar)
        {
            return (null, false);
        }

        var text = scalar.Value.Trim();
        var index = ExperimentErrors.TreatMissingDataNames.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _context.Add(ExperimentErrors.UnknownTreatMissingData(scalar.Location, what, scalar.Value));
            return (null, false);
        }

        return (TreatMissingDataValues[index], true);
    }

    private static TrafficMetric? ParseStopMetric(string text)
    {
        var trimmed = text.Trim();
        if (RateMetrics.TryGetValue(trimmed, out var kind))
        {
            return new TrafficMetric(kind);
        }

        return trimmed.Length > 1 && trimmed[0] is 'p' or 'P'
            && double.TryParse(trimmed[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentile)
            && percentile is >= 0 and <= 100
            ? new TrafficMetric(TrafficMetricKind.LatencyPercentile, percentile)
            : null;
    }
}
