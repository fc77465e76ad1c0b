using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Verdict;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Judges a real run with the same <see cref="CheckEvaluator"/>, <see cref="VerdictEngine"/> and diagnosis as a local
/// run, never answering more precisely than 1-minute datapoints allow: a check is undecided (with the reason) when its
/// answer depends on what happened inside a minute.
/// </summary>
/// <remarks>
/// <para>A traffic check over a window shorter than a minute, or one measuring latency (CloudWatch has only counts), is
/// undecided. Otherwise it is evaluated four more times with the minutes cut by its window's edges spread
/// unevenly (each outcome kind packed at the start or at the end of the minute); if any of these disagrees with the
/// evenly spread headline, the check is undecided.</para>
/// <para>A health or DNS transition check is evaluated with every bounded event at its earliest and at its latest
/// moment; if these disagree with the headline, the check is undecided.</para>
/// </remarks>
public static class AwsRunAnalyzer
{
    /// <summary>The checks, with those the datapoints cannot decide made undecided.</summary>
    public static IReadOnlyList<CheckResult> Evaluate(AwsRunData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var observations = data.Observations;
        var checks = observations.Experiment.Hypothesis.Checks;
        return checks.Select((check, i) => Evaluate(check, i + 1, data)).ToList();
    }

    /// <summary>Evaluates every check and decides the verdict.</summary>
    public static RunVerdict Decide(AwsRunData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return VerdictEngine.Decide(data.Observations, Evaluate(data));
    }

    private static CheckResult Evaluate(CheckDefinition check, int number, AwsRunData data)
    {
        var observations = data.Observations;
        var headline = CheckEvaluator.Evaluate(check, number, observations);
        if (headline.Passed is null)
        {
            return headline;
        }

        switch (check)
        {
            case TrafficCheck traffic when traffic.Metric.Kind == TrafficMetricKind.LatencyPercentile:
                return Undecided(headline, AnalyzeTexts.NoLatency(traffic.Metric.ToString()));
            case TrafficCheck when headline.From is { } from && headline.To is { } to && to - from < AwsMetricConventions.Period:
                return Undecided(headline, AnalyzeTexts.WindowTooShort(Durations.Format(to - from)));
            case TrafficCheck when headline.From is { } from && headline.To is { } to:
                foreach (var atStart in new[] { false, true })
                {
                    foreach (var atEnd in new[] { false, true })
                    {
                        var variant = observations with { Traffic = Spread(data, from, to, atStart, atEnd) };
                        if (CheckEvaluator.Evaluate(check, number, variant).Passed != headline.Passed)
                        {
                            return Undecided(headline, AnalyzeTexts.WindowCutsMinute(from, to));
                        }
                    }
                }

                return headline;
            case HealthTransitionCheck or DnsAnswerCheck:
                foreach (var latest in new[] { false, true })
                {
                    var variant = observations with { Events = Moved(data, latest) };
                    if (CheckEvaluator.Evaluate(check, number, variant).Passed != headline.Passed)
                    {
                        return Undecided(headline, AnalyzeTexts.TransitionInsideMinute());
                    }
                }

                return headline;
            default:
                return headline;
        }
    }

    private static CheckResult Undecided(CheckResult headline, string reason) => headline with
    {
        Passed = null,
        Explanation = $"{headline.Explanation}; {reason}",
    };

    private static List<Load.LoadSecond> Spread(AwsRunData data, DateTimeOffset from, DateTimeOffset to, bool reverseAtStart, bool reverseAtEnd)
    {
        var phases = data.Observations.Phases;
        return data.Minutes
            .SelectMany(m => m.Seconds(phases.RunStart, Contains(m, from) ? reverseAtStart : Contains(m, to) ? reverseAtEnd : null))
            .Where(s => s.Start >= phases.RunStart && (phases.RunEnd is null || s.Start < phases.RunEnd))
            .OrderBy(s => s.Start)
            .ToList();
    }

    private static bool Contains(MinuteTraffic minute, DateTimeOffset at) => at > minute.Start && at < minute.Start + AwsMetricConventions.Period;

    private static List<RunEvent> Moved(AwsRunData data, bool latest)
    {
        var moved = new Dictionary<object, RunEvent>(ReferenceEqualityComparer.Instance);
        foreach (var b in data.Bounded)
        {
            moved[b.Event] = b.Event with { At = latest ? b.Latest : b.Earliest };
        }

        return data.Observations.Events.Select(e => moved.TryGetValue(e, out var m) ? m : e).OrderBy(e => e.At).ToList();
    }
}
