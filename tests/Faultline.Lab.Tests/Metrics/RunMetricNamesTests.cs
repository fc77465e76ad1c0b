using Faultline.Core.Aws;
using Faultline.Lab.Metrics;
using Xunit;

namespace Faultline.Lab.Tests.Metrics;

public sealed class RunMetricNamesTests
{
    [Fact]
    public void LoadCounters_MatchTheNamesTheAwsDashboardReads()
    {
        // The exported CloudWatch dashboard (AwsLoadMetrics) and the lab's metrics name the seed's counters alike.
        Assert.Equal(RunMetricNames.Status2xx, AwsLoadMetrics.Status2xx);
        Assert.Equal(RunMetricNames.Status4xx, AwsLoadMetrics.Status4xx);
        Assert.Equal(RunMetricNames.Status5xx, AwsLoadMetrics.Status5xx);
        Assert.Equal(RunMetricNames.RegionPrefix, AwsLoadMetrics.RegionPrefix);
        Assert.Equal("region_eu-west-1", AwsLoadMetrics.Region("eu-west-1"));
    }
}
