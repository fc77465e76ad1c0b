using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Text;

namespace Faultline.Core.Planning;

/// <summary>One check of the hypothesis with its window placed in lab time (offsets from the run's start).</summary>
public sealed record PlannedCheck
{
    /// <summary>The check's number (1-based, file order), as the verdict numbers it.</summary>
    public required int Number { get; init; }

    /// <summary>The check as read.</summary>
    public required CheckDefinition Definition { get; init; }

    /// <summary>The kind of check.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary>The window's start (offset from the run's start).</summary>
    public required TimeSpan From { get; init; }

    /// <summary>The window's end (offset from the run's start); never before <see cref="From"/> (an inverted window is empty, as the evaluator treats it).</summary>
    public required TimeSpan To { get; init; }

    /// <summary>For health-transition and DNS-answer checks, <see cref="From"/> + <c>within</c>: the moment by which it must have happened; otherwise <c>null</c>.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Whether it is a steady-state check, evaluated at the baseline's end before any fault.</summary>
    public bool IsSteadyState => Definition.Window.IsBaseline;

    /// <summary>What it expects, in words: <c>success rate &gt;= 99%</c>, <c>hc-us unhealthy within 3m</c>, <c>us-east-1 → api.example.test answers eu-west-1 within 3m</c>.</summary>
    public string Expectation => Definition switch
    {
        TrafficCheck traffic => $"{traffic.Metric} {traffic.Threshold} for {traffic.Clients}",
        HealthTransitionCheck health => $"{health.HealthCheck} {(health.BecomesHealthy ? "healthy" : "unhealthy")} within {Durations.Format(health.Within)}",
        DnsAnswerCheck dns => $"{dns.QueryName} from {dns.QuerierLocation} answers {dns.AnswersRegion} within {Durations.Format(dns.Within)}",
        _ => Definition.GetType().Name,
    };
}
