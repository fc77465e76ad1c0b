using Faultline.Core.Aws;
using Faultline.Core.Aws.Analyze;
using Faultline.Lab.Metrics;
using Xunit;

namespace Faultline.Lab.Tests.Metrics;

public sealed class SeedMetricNamesTests
{
    [Fact]
    public void LoadCounters_MatchTheNamesTheAwsDashboardReads()
    {
        // The exported CloudWatch dashboard (AwsLoadMetrics) and the lab's metrics name the seed's counters alike.
        Assert.Equal(SeedMetricNames.Status2xx, AwsLoadMetrics.Status2xx);
        Assert.Equal(SeedMetricNames.Status4xx, AwsLoadMetrics.Status4xx);
        Assert.Equal(SeedMetricNames.Status5xx, AwsLoadMetrics.Status5xx);
        Assert.Equal(SeedMetricNames.Status3xx, AwsLoadMetrics.Status3xx);
        Assert.Equal(SeedMetricNames.Requests, AwsLoadMetrics.Requests);
        Assert.Equal(SeedMetricNames.RegionPrefix, AwsLoadMetrics.RegionPrefix);
        Assert.Equal("region_eu-west-1", AwsLoadMetrics.Region("eu-west-1"));
    }

    [Fact]
    public void AwsMetricConventions_UseTheLabsCounterNamesAndTheLoadGeneratorsNamespace()
    {
        // faultline analyze reads from CloudWatch what faultline load publishes (EmbeddedMetricFormat) under the lab's names.
        Assert.Equal(
            [SeedMetricNames.Status2xx, SeedMetricNames.Status3xx, SeedMetricNames.Status4xx, SeedMetricNames.Status5xx, SeedMetricNames.ErrorsConnect, SeedMetricNames.ErrorsDns, SeedMetricNames.ErrorsTimeout, SeedMetricNames.ErrorsOther, SeedMetricNames.RequestsDropped, SeedMetricNames.RegionPrefix],
            [AwsMetricConventions.Status2xx, AwsMetricConventions.Status3xx, AwsMetricConventions.Status4xx, AwsMetricConventions.Status5xx, AwsMetricConventions.ErrorsConnect, AwsMetricConventions.ErrorsDns, AwsMetricConventions.ErrorsTimeout, AwsMetricConventions.ErrorsOther, AwsMetricConventions.RequestsDropped, AwsMetricConventions.RegionPrefix]);
        Assert.Equal((EmbeddedMetricFormat.DefaultNamespace, EmbeddedMetricFormat.SiteDimension), (AwsMetricConventions.Namespace, AwsMetricConventions.ApiDimension));
    }
}
