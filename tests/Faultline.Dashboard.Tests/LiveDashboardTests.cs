using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Faultline.Core.Runs;
using Faultline.Lab.Runs;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Dashboard.Tests;

public sealed class LiveDashboardTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-dashboard-").FullName;
    private LiveDashboard? _dashboard;

    private LiveDashboard Dashboard => _dashboard ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() =>
        _dashboard = await LiveDashboard.StartAsync(
            new LiveDashboardOptions { Title = "A failure in <us-east-1> does not affect eu-west-1" },
            null,
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void Url_IsOnLoopback()
    {
        Assert.Equal("127.0.0.1", Dashboard.Url.Host);
        Assert.NotEqual(0, Dashboard.Url.Port);
    }

    [Fact]
    public async Task Page_CarriesItsScriptsInlineAndAPolicyThatFetchesNothingButItsState()
    {
        using var response = await _http.GetAsync(Dashboard.Url, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("var uPlot", page, StringComparison.Ordinal);
        Assert.Contains("var FaultlineCharts", page, StringComparison.Ordinal);
        Assert.Contains("fetch('api/state'", page, StringComparison.Ordinal);
        Assert.Contains("<title>A failure in &lt;us-east-1&gt; does not affect eu-west-1", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", page, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_IsTheSnapshotAsJson()
    {
        new Replay(Dashboard, SeedRuns.Correct().Build()).Until(SeedRuns.FaultStart + TimeSpan.FromSeconds(10));

        var json = await _http.GetStringAsync(new Uri(Dashboard.Url, "api/state"), TestContext.Current.CancellationToken);
        using var state = JsonDocument.Parse(json);
        var root = state.RootElement;

        Assert.Equal("running", root.GetProperty("state").GetString());
        Assert.Equal("run-1", root.GetProperty("runId").GetString());
        var fault = root.GetProperty("faults")[0];
        Assert.Equal("f-1", fault.GetProperty("id").GetString());
        Assert.True(fault.GetProperty("active").GetBoolean());
        Assert.Contains(root.GetProperty("markers").EnumerateArray(), m => m.GetProperty("kind").GetString() == "fault-start");
        Assert.Equal(7, root.GetProperty("charts").GetArrayLength());
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("127.0.0.1.attacker.example")]
    public async Task Request_ForAnotherHostName_IsRefused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dashboard.Url, "api/state"));
        request.Headers.Host = $"{host}:{Dashboard.Url.Port}";

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_ForLocalhost_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dashboard.Url, "api/state"));
        request.Headers.Host = $"localhost:{Dashboard.Url.Port}";

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_IsNotAllowed()
    {
        using var response = await _http.PostAsync(new Uri(Dashboard.Url, "api/state"), new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Report_IsNotFoundUntilServed_ThenIsTheFile()
    {
        var report = Path.Combine(_home, "report.html");
        await File.WriteAllTextAsync(report, "<!DOCTYPE html><p>the report</p>", TestContext.Current.CancellationToken);
        var url = new Uri(Dashboard.Url, "report");

        using var before = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        Dashboard.ServeReport(report);
        var after = await _http.GetStringAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("<!DOCTYPE html><p>the report</p>", after);
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsIOException()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAnyAsync<IOException>(() => LiveDashboard.StartAsync(new LiveDashboardOptions { Title = "t", Port = port }, null, TestContext.Current.CancellationToken));
    }
}
