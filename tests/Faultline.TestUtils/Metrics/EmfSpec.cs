using System.Text.Json;

namespace Faultline.TestUtils.Metrics;

/// <summary>
/// Checks a line against the CloudWatch Embedded Metric Format specification ("Specification: Embedded metric
/// format", Amazon CloudWatch User Guide): the root is a JSON object; <c>_aws</c> holds <c>Timestamp</c> (epoch
/// milliseconds) and a non-empty <c>CloudWatchMetrics</c> array of directives with only <c>Namespace</c>,
/// <c>Dimensions</c> (arrays of at most 30 dimension keys) and <c>Metrics</c> (at most 100 definitions of only
/// <c>Name</c>, <c>Unit</c> and <c>StorageResolution</c> 1 or 60); every dimension key is a string member of the root
/// and every metric name a number member (or an array of at most 100 numbers).
/// </summary>
public static class EmfSpec
{
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    /// <summary>Every way <paramref name="line"/> breaks the specification; empty when it follows it.</summary>
    public static IReadOnlyList<string> Problems(string line)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ["the root is not an object"];
            }

            if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
            {
                return ["no _aws object"];
            }

            if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var ms))
            {
                problems.Add("_aws.Timestamp is not an integer number");
            }
            else if (ms is < 1_000_000_000_000 or > 10_000_000_000_000)
            {
                // Epoch seconds would be ~1.8e9; milliseconds from 2001 to 2286 lie in this range.
                problems.Add($"_aws.Timestamp {ms} is not milliseconds since the epoch");
            }

            if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array || directives.GetArrayLength() == 0)
            {
                problems.Add("_aws.CloudWatchMetrics is not a non-empty array");
                return problems;
            }

            foreach (var directive in directives.EnumerateArray())
            {
                CheckDirective(root, directive, problems);
            }
        }

        return problems;
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, List<string> problems)
    {
        foreach (var member in directive.EnumerateObject().Where(m => m.Name is not ("Namespace" or "Dimensions" or "Metrics")))
        {
            problems.Add($"a directive has the extra member {member.Name}");
        }

        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString()!.Length is 0 or > 255)
        {
            problems.Add("a directive's Namespace is not a string of 1 to 255 characters");
        }

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
        {
            problems.Add("a directive's Dimensions is not an array");
        }
        else
        {
            foreach (var set in sets.EnumerateArray())
            {
                if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > 30 || set.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String))
                {
                    problems.Add("a dimension set is not an array of at most 30 strings");
                    continue;
                }

                foreach (var key in set.EnumerateArray().Select(k => k.GetString()!))
                {
                    if (!root.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String)
                    {
                        problems.Add($"dimension {key} is not a string member of the root");
                    }
                }
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array || metrics.GetArrayLength() > 100)
        {
            problems.Add("a directive's Metrics is not an array of at most 100 definitions");
            return;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            CheckMetric(root, metric, problems);
        }
    }

    private static void CheckMetric(JsonElement root, JsonElement metric, List<string> problems)
    {
        foreach (var member in metric.EnumerateObject().Where(m => m.Name is not ("Name" or "Unit" or "StorageResolution")))
        {
            problems.Add($"a metric definition has the extra member {member.Name}");
        }

        if (!metric.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || nameElement.GetString()!.Length is 0 or > 255)
        {
            problems.Add("a metric definition's Name is not a string of 1 to 255 characters");
            return;
        }

        var name = nameElement.GetString()!;
        if (metric.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
        {
            problems.Add($"metric {name} has a Unit CloudWatch does not know");
        }

        if (metric.TryGetProperty("StorageResolution", out var resolution) && (!resolution.TryGetInt32(out var r) || r is not (1 or 60)))
        {
            problems.Add($"metric {name} has a StorageResolution other than 1 or 60");
        }

        if (!root.TryGetProperty(name, out var value))
        {
            problems.Add($"metric {name} is not a member of the root");
        }
        else if (value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength() > 100 || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number)
            : value.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"metric {name} is not a number (or an array of at most 100 numbers)");
        }
    }
}
