using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

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
    public async Task Run_MetricsPortZero_PrintsTheUrlAndTheScrapeShowsResponsesPerPopulationAndTheActiveFault()
    {
        var cancel = TestContext.Current.CancellationToken;

        // At the sample's time scale (20) the stop condition's 30 s are 1.5 s of wall time: a busy machine starting the
        // run can fail every request that long, and the run then stops before any 2xx. At 10 the start has 3 s.
        await using var run = FaultlineProcess.Start(
            _home, "run", RepoPaths.Combine(["samples", "stop-condition", "experiment.yaml"]), "--metrics-port", "0", "--time-scale", "10", "--out", Path.Combine(_home, "runs"));

        await run.WaitForOutputAsync(o => MetricsUrl().IsMatch(o), Deadline, cancel);
        var url = new Uri(MetricsUrl().Match(run.Output).Groups[1].Value);

        // Both populations' customers are served in the baseline, with their location.
        await Eventually.ReturnsAsync(
            ct => _http.GetStringAsync(url, ct),
            text => Value(text, "faultline_responses_total", "us-customers", TwoXx) > 0 && Value(text, "faultline_responses_total", "eu-customers", TwoXx) > 0,
            Deadline,
            "2xx responses above 0 for us-customers and eu-customers",
            cancel);

        // The sample fails every function: the scrape shows the fault applied while it lasts.
        var during = await Eventually.ReturnsAsync(ct => _http.GetStringAsync(url, ct), text => FaultActive().IsMatch(text), Deadline, "faultline_fault_active 1 for f1", cancel);

        Assert.Contains("location=\"us-east-1\",population=\"us-customers\"", during, StringComparison.Ordinal);
        Assert.Contains("faultline_health_check_status{health_check=\"hc-us\"} 1", during, StringComparison.Ordinal);
        Assert.Contains("faultline_dns_answer{location=\"us-east-1\",name=\"api.example.test\",region=\"us-east-1\"} 1", during, StringComparison.Ordinal);
        Assert.Equal(3, await run.WaitForExitAsync(Deadline, cancel));
    }

    [Fact]
    public async Task Run_Otlp_ExportsTheResponsesToTheCollector()
    {
        var cancel = TestContext.Current.CancellationToken;
        var bodies = new List<byte[]>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            lock (bodies)
            {
                bodies.Add(body.ToArray());
            }
        });
        await collector.StartAsync(cancel);
        var otlp = new Uri(new Uri(collector.Urls.First()), "/v1/metrics");

        await using var run = FaultlineProcess.Start(
            _home, "run", RepoPaths.Combine(["samples", "stop-condition", "experiment.yaml"]), "--otlp", otlp.ToString(), "--out", Path.Combine(_home, "runs"));

        Assert.Equal(3, await run.WaitForExitAsync(Deadline, cancel));
        Assert.Contains($"metrics: exporting OTLP to {otlp}", run.Output, StringComparison.Ordinal);
        lock (bodies)
        {
            // Protobuf keeps strings as UTF-8: the metric name and both populations are in what was sent.
            Assert.Contains(bodies, b => Contains(b, "faultline_responses"u8) && Contains(b, "us-customers"u8) && Contains(b, "eu-customers"u8));
        }
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private const string TwoXx = "status_class=\"2xx\"";

    private static double Value(string scrape, string name, string population, string label)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"population=\"{population}\"", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"metrics: (http://127\.0\.0\.1:\d+/metrics)")]
    private static partial Regex MetricsUrl();

    [GeneratedRegex(@"^faultline_fault_active\{fault_id=""f1"",kind=""error"",target=""[^""]+""\} 1$", RegexOptions.Multiline)]
    private static partial Regex FaultActive();
}
