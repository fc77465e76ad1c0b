namespace Faultline.Core.Aws;

/// <summary>
/// Where <c>faultline load --emf</c> publishes its counters in CloudWatch, shared by the load generator and the
/// exported dashboard so they name the same metrics. The metric names are the seed load generator's (its EMF lines
/// use the same names, see <c>Faultline.Lab.Metrics.SeedMetricNames</c>).
/// </summary>
public static class AwsLoadMetrics
{
    /// <summary>The CloudWatch namespace: <c>Faultline</c>.</summary>
    public const string Namespace = "Faultline";

    /// <summary>
    /// The dimension naming the invoked API, whose value is the URL requested: <c>SiteName</c>, as the seed's load
    /// generator (the FIS workshop's) and <c>faultline load --emf</c> publish it.
    /// </summary>
    public const string ApiDimension = "SiteName";

    /// <summary>Responses 200–299: <c>status_2xx</c>.</summary>
    public const string Status2xx = "status_2xx";

    /// <summary>Responses with status 300–399, per minute (Sum).</summary>
    public const string Status3xx = "status_3xx";

    /// <summary>Attempts with an outcome (responses, errors and drops), per minute (Sum).</summary>
    public const string Requests = "requests";

    /// <summary>Responses 400–499: <c>status_4xx</c>.</summary>
    public const string Status4xx = "status_4xx";

    /// <summary>Responses 500–599: <c>status_5xx</c>.</summary>
    public const string Status5xx = "status_5xx";

    /// <summary>The prefix of the per-region counters, <c>region_{region}</c> (the region id as written, dashes kept).</summary>
    public const string RegionPrefix = "region_";

    /// <summary>The counter of responses answered by <paramref name="region"/>: <c>region_{region}</c>.</summary>
    public static string Region(string region) => RegionPrefix + region;
}
