using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;

namespace Faultline.Core.Tests.Experiments.Reading;

public sealed class ExperimentValidatorTests
{
    [Theory]
    [InlineData(FaultKind.Latency, TargetType.Function)]
    [InlineData(FaultKind.Error, TargetType.Function)]
    [InlineData(FaultKind.HttpResponse, TargetType.Function)]
    [InlineData(FaultKind.Throttle, TargetType.Function)]
    [InlineData(FaultKind.Network, TargetType.Region)]
    [InlineData(FaultKind.Dns, TargetType.Record)]
    [InlineData(FaultKind.HealthOverride, TargetType.HealthCheck)]
    public void NeededType_EachKind_TheTypeItActsOn(FaultKind kind, TargetType expected)
    {
        Assert.Equal(expected, ExperimentValidator.NeededType(kind));
    }
}
