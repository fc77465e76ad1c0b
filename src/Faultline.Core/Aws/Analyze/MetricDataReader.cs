using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Reads the JSON of <c>aws cloudwatch get-metric-data</c>: <c>{"MetricDataResults": [{Id, Label, Timestamps[], Values[],
/// StatusCode}], "Messages": []}</c>, timestamps in either order. Every problem is a located error.
/// </summary>
public static class MetricDataReader
{
    /// <summary>Reads every file and merges their series (a series id in two files is an error).</summary>
    /// <exception cref="InvalidInputException">A file is not that JSON; each diagnostic names file:line:column.</exception>
    public static IReadOnlyList<MetricDataSeries> Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<MetricDataSeries>();
        var errors = new List<Diagnostic>();
        foreach (var path in paths)
        {
            try
            {
                foreach (var series in Read(File.ReadAllText(path), path))
                {
                    if (all.FirstOrDefault(s => string.Equals(s.Id, series.Id, StringComparison.Ordinal)) is { } first)
                    {
                        errors.Add(Diagnostic.Error(series.Location, AnalyzeErrors.DuplicateSeries(series.Id, first.Location?.ToString() ?? first.Id), AnalyzeErrors.DuplicateSeriesFix()));
                        continue;
                    }

                    all.Add(series);
                }
            }
            catch (InvalidInputException e)
            {
                errors.AddRange(e.Diagnostics);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return all;
    }

    /// <summary>Reads <paramref name="text"/>, naming <paramref name="file"/> in errors.</summary>
    /// <exception cref="InvalidInputException">The text is not that JSON; each diagnostic names file:line:column.</exception>
    public static IReadOnlyList<MetricDataSeries> Read(string text, string file)
    {
        var root = LocatedJson.Parse(text, file);
        var fields = new JsonFields(AnalyzeErrors.MetricsFix);
        fields.Require(root, JsonNodeKind.Map, "an object with a 'MetricDataResults' member", "(the file)");
        fields.ThrowIfAny();
        var results = fields.Array(root, "MetricDataResults", "MetricDataResults");
        fields.ThrowIfAny();
        var series = new List<MetricDataSeries>();
        for (var i = 0; i < results!.Items.Count; i++)
        {
            var node = results.Items[i];
            var at = $"MetricDataResults[{i}]";
            fields.Require(node, JsonNodeKind.Map, "an object", at);
            if (node.Kind != JsonNodeKind.Map)
            {
                continue;
            }

            var id = fields.String(node, "Id", $"{at}.Id");
            var timestamps = fields.Array(node, "Timestamps", $"{at}.Timestamps");
            var values = fields.Array(node, "Values", $"{at}.Values");
            var status = fields.String(node, "StatusCode", $"{at}.StatusCode", required: false);
            if (id is null || timestamps is null || values is null)
            {
                continue;
            }

            if (status is not null and not "Complete")
            {
                fields.Errors.Add(Diagnostic.Error(node.Get("StatusCode")!.Location, AnalyzeErrors.SeriesIncomplete(id, status), AnalyzeErrors.SeriesIncompleteFix()));
                continue;
            }

            if (timestamps.Items.Count != values.Items.Count)
            {
                fields.Errors.Add(Diagnostic.Error(values.Location, AnalyzeErrors.LengthMismatch(id, timestamps.Items.Count, values.Items.Count), AnalyzeErrors.MetricsFix));
                continue;
            }

            var points = new List<(DateTimeOffset At, double Value, SourceLocation Where)>();
            for (var j = 0; j < timestamps.Items.Count; j++)
            {
                var time = fields.Time(timestamps.Items[j], $"{at}.Timestamps[{j}]");
                var value = values.Items[j];
                if (value.Number is not { } number)
                {
                    fields.Errors.Add(Diagnostic.Error(value.Location, AnalyzeErrors.WrongKind($"{at}.Values[{j}]", "a number", value.KindName), AnalyzeErrors.MetricsFix));
                    continue;
                }

                if (time is { } t)
                {
                    points.Add((t, number, timestamps.Items[j].Location));
                }
            }

            points.Sort((a, b) => a.At.CompareTo(b.At));
            if (points.Count > 1 && points.FirstOrDefault(p => (p.At - points[0].At).Ticks % AwsMetricConventions.Period.Ticks != 0) is { Where: not null } off)
            {
                fields.Errors.Add(Diagnostic.Error(off.Where, AnalyzeErrors.NotOneMinute(id, off.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), AnalyzeErrors.NotOneMinuteFix()));
                continue;
            }

            series.Add(new MetricDataSeries
            {
                Id = id,
                Label = node.Get("Label")?.Text ?? string.Empty,
                Points = points.Select(p => (p.At, p.Value)).ToList(),
                Location = node.Location,
            });
        }

        fields.ThrowIfAny();
        return series;
    }
}
