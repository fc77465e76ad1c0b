using Faultline.Core.Aws.Analyze;
using Faultline.Lab.Metrics;

namespace Faultline.Lab.Tests.Metrics;

public sealed class RunMetricNamesTests
{
    [Fact]
    public void AwsMetricConventions_UseTheLabsCounterNames()
    {
        // faultline analyze reads from CloudWatch what the load generator publishes under the lab's names.
        Assert.Equal(
            [RunMetricNames.Status2xx, RunMetricNames.Status3xx, RunMetricNames.Status4xx, RunMetricNames.Status5xx, RunMetricNames.ErrorsConnect, RunMetricNames.ErrorsDns, RunMetricNames.ErrorsTimeout, RunMetricNames.ErrorsOther, RunMetricNames.RequestsDropped, RunMetricNames.RegionPrefix],
            [AwsMetricConventions.Status2xx, AwsMetricConventions.Status3xx, AwsMetricConventions.Status4xx, AwsMetricConventions.Status5xx, AwsMetricConventions.ErrorsConnect, AwsMetricConventions.ErrorsDns, AwsMetricConventions.ErrorsTimeout, AwsMetricConventions.ErrorsOther, AwsMetricConventions.RequestsDropped, AwsMetricConventions.RegionPrefix]);
    }
}
