using System.Globalization;
using Faultline.Core.Load;
using Faultline.Core.Text;
using Faultline.Cli.Output;
using Spectre.Console;

namespace Faultline.Cli.Commands.Load;

/// <summary>
/// The console view of <c>faultline load</c>: a line per URL per second (sent, status classes, errors, regions that
/// answered, p99) on <paramref name="console"/>, and at the end a summary per URL over the whole run on
/// <paramref name="summary"/> (the same console, unless <c>-q</c> silenced the lines per second).
/// </summary>
internal sealed class LoadProgress(IAnsiConsole console, Lock writeLock, IAnsiConsole summary)
{
    private readonly Dictionary<Uri, List<LoadStats>> _seconds = [];

    /// <summary>Prints the second and keeps it for the summary.</summary>
    public void OnSecond(LoadSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        lock (writeLock)
        {
            if (!_seconds.TryGetValue(second.Url, out var list))
            {
                list = [];
                _seconds[second.Url] = list;
            }

            list.Add(second.Stats);
            var s = second.Stats;
            var p99 = s.LatencyCount > 0 ? $"  p99 {Durations.Describe(s.Latency(99))}" : string.Empty;
            Line($"{(second.Index + 1).ToString(CultureInfo.InvariantCulture),5}s  {second.Url}  sent {s.Sent}  2xx {s.Status2xx}  4xx {s.Status4xx}  5xx {s.Status5xx}  errors {s.Errors}  regions {Regions(s)}{p99}");
        }
    }

    /// <summary>The whole run's stats of each URL, in the order they first reported.</summary>
    public IReadOnlyList<(Uri Url, LoadStats Stats)> Totals()
    {
        lock (writeLock)
        {
            return [.. _seconds.Select(p => (p.Key, LoadStats.Merge(p.Value)))];
        }
    }

    /// <summary>Prints the summary: why the load ended, then a line per URL.</summary>
    public void WriteSummary(TimeSpan elapsed, bool interrupted)
    {
        var totals = Totals();
        lock (writeLock)
        {
            summary.MarkupLine($"[bold]load {(interrupted ? "stopped by Ctrl-C" : "finished")} after {Markup.Escape(Durations.Describe(elapsed))}[/]");
            foreach (var (url, s) in totals)
            {
                var success = s.SuccessRate is { } rate ? $" ({(rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of attempts)" : string.Empty;
                summary.Write(new UnwrappedLine($"  {url}: {s.Attempts} attempts, 2xx {s.Status2xx}{success}, 3xx {s.Status3xx}, 4xx {s.Status4xx}, 5xx {s.Status5xx}, errors {s.Errors} (connect {s.ConnectErrors}, dns {s.DnsErrors}, timeout {s.Timeouts}, other {s.OtherErrors}, dropped {s.DroppedSends}); regions {Regions(s)}", Style.Plain));
            }
        }
    }

    private static string Regions(LoadStats stats) =>
        stats.Regions.Count == 0 ? "-" : string.Join(", ", stats.Regions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));

    private void Line(string text) => console.Write(new UnwrappedLine(text, Style.Plain));
}
