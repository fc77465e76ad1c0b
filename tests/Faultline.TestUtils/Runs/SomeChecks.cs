using Faultline.Core.Experiments;

namespace Faultline.TestUtils.Runs;

/// <summary>Hypothesis checks as the seed experiment writes them (samples/seed/experiment.yaml).</summary>
public static class SomeChecks
{
    /// <summary><c>{ clients: eu-customers, during: fault, successRate: "&gt;= 99%" }</c>.</summary>
    public static TrafficCheck EuUnaffected { get; } = SuccessRate("eu customers unaffected", "eu-customers", CheckWindow.During(Phase.Fault));

    /// <summary><c>{ clients: us-customers, during: { from: fault.start + 3m, to: fault.end }, successRate: "&gt;= 99%" }</c>.</summary>
    public static TrafficCheck UsServedAfterFailover { get; } = SuccessRate(
        "us customers served after failover",
        "us-customers",
        new CheckWindow(new PhaseEdge(Phase.Fault, PhaseEdgeKind.Start, TimeSpan.FromMinutes(3)), new PhaseEdge(Phase.Fault, PhaseEdgeKind.End, TimeSpan.Zero)));

    /// <summary><c>{ healthCheck: hc-us, becomes: unhealthy, within: 3m }</c>.</summary>
    public static HealthTransitionCheck UsHealthCheckTurnsUnhealthy { get; } = new()
    {
        Name = "us health check turns unhealthy",
        HealthCheck = "hc-us",
        BecomesHealthy = false,
        Within = TimeSpan.FromMinutes(3),
    };

    /// <summary>A success-rate check <c>&gt;= 99%</c>.</summary>
    public static TrafficCheck SuccessRate(string name, string clients, CheckWindow window, double atLeast = 99) => new()
    {
        Name = name,
        Clients = clients == "all" ? ClientSelector.All : new ClientSelector { Names = [clients] },
        Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
        Threshold = new Threshold(ComparisonOperator.GreaterOrEqual, atLeast, ThresholdUnit.Percent),
        Window = window,
    };
}
