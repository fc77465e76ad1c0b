using System.Globalization;
using System.Text.RegularExpressions;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Metrics;

/// <summary><c>faultline run --metrics-port 0</c> as a process: the printed Prometheus endpoint is scraped while the run goes.</summary>
[Collection(Faultline.EndToEnd.Tests.Runs.RunCollection.Name)]
public sealed partial class RunMetricsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-metrics-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Run_MetricsPortZero_PrintsTheUrlAndTheScrapeShowsStatus2xxPerPopulationAndTheActiveFault()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var run = FaultlineProcess.Start(
            _home, "run", RepoPaths.Combine(["samples", "stop-condition", "experiment.yaml"]), "--metrics-port", "0", "--out", Path.Combine(_home, "runs"));

        await run.WaitForOutputAsync(o => MetricsUrl().IsMatch(o), Deadline, cancel);
        var url = new Uri(MetricsUrl().Match(run.Output).Groups[1].Value);

        // Both populations' customers are served in the baseline, under the seed's name and with their location.
        await Eventually.ReturnsAsync(
            ct => _http.GetStringAsync(url, ct),
            text => Value(text, "status_2xx", "us-customers") > 0 && Value(text, "status_2xx", "eu-customers") > 0,
            Deadline,
            "status_2xx above 0 for us-customers and eu-customers",
            cancel);

        // The sample fails every function: the scrape shows the fault applied while it lasts.
        var during = await Eventually.ReturnsAsync(ct => _http.GetStringAsync(url, ct), text => FaultActive().IsMatch(text), Deadline, "fault_active 1 for f1", cancel);

        Assert.Contains("location=\"us-east-1\",population=\"us-customers\"", during, StringComparison.Ordinal);
        Assert.Contains("health_check_status{health_check=\"hc-us\"} 1", during, StringComparison.Ordinal);
        Assert.Contains("dns_answer{location=\"us-east-1\",name=\"api.example.test\",region=\"us-east-1\"} 1", during, StringComparison.Ordinal);
        Assert.Equal(3, await run.WaitForExitAsync(Deadline, cancel));
    }

    private static double Value(string scrape, string name, string population)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"population=\"{population}\"", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"metrics: (http://127\.0\.0\.1:\d+/metrics)")]
    private static partial Regex MetricsUrl();

    [GeneratedRegex(@"^fault_active\{fault_id=""f1"",kind=""error"",target=""[^""]+""\} 1$", RegexOptions.Multiline)]
    private static partial Regex FaultActive();
}
