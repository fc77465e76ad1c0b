using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;
using Faultline.Lab.Load;
using Faultline.Lab.Tests.Net;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Load;

/// <summary>The generator pointed at real endpoints (<c>faultline load</c>): URLs as written, no lab DNS, loopback only.</summary>
public sealed class LoadGeneratorEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<LoadSecond> _seconds = new();
    private TestApp? _target;
    private LoadGenerator? _generator;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_generator is not null)
        {
            await _generator.DisposeAsync();
        }

        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    private async Task<Uri> StartTargetAsync(int status, string body)
    {
        _target = await TestApp.StartAsync(IPAddress.Loopback, 0, Cancel);
        _target.StatusCode = status;
        _target.Body = body;
        return new Uri($"http://127.0.0.1:{_target.Port}/api/hello");
    }

    private async Task StartLoadAsync(Uri url, double rate)
    {
        _generator = new LoadGenerator([new ClientConfig { Name = "url-1", Location = "load", Url = url, RatePerSecond = rate }], TimeProvider.System, new RandomSource(1));
        _generator.SecondCompleted += (_, s) => _seconds.Enqueue(s);
        await _generator.StartAsync(Cancel);
    }

    private LoadStats Total() => LoadStats.Merge(_seconds.Select(s => s.Stats));

    private Task UntilAsync(Func<LoadStats, bool> condition, string what) =>
        Eventually.TrueAsync(() => condition(Total()), Deadline, what, Cancel);

    [Fact]
    public async Task Start_AnEndpointAnsweringItsRegion_CountsEach2xxForThatRegion()
    {
        var url = await StartTargetAsync(200, "Hello from region us-east-1");
        await StartLoadAsync(url, 20);

        await UntilAsync(t => t.Status2xx >= 10, "10 answers");
        await _generator!.StopAsync(Cancel);

        var total = Total();
        Assert.Equal(total.Responses, total.RegionCount("us-east-1"));
        Assert.Equal(0, total.Errors);
        Assert.Equal(url, _generator.Populations[0].RequestUri);
        Assert.Equal(total.Responses, _target!.Requests.Count);
        Assert.All(_seconds, s => Assert.Equal(url, s.Url));
    }

    [Fact]
    public async Task Start_AnEndpointAnswering503_Counts5xx()
    {
        var url = await StartTargetAsync(503, "Hello from region eu-west-1");
        await StartLoadAsync(url, 20);

        await UntilAsync(t => t.Status5xx >= 5, "5 answers");
        await _generator!.StopAsync(Cancel);

        var total = Total();
        Assert.Equal(0, total.Status2xx);
        Assert.Equal(total.Responses, total.Status5xx);
        Assert.Equal(total.Responses, total.RegionCount("eu-west-1"));
    }

    [Fact]
    public async Task Start_NothingListening_CountsConnectErrors()
    {
        // A port that was free a moment ago: connecting to it is refused.
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        await StartLoadAsync(new Uri($"http://127.0.0.1:{port}/api/hello"), 10);

        await UntilAsync(t => t.ConnectErrors >= 3, "3 connect errors");
        await _generator!.StopAsync(Cancel);

        var total = Total();
        Assert.Equal(0, total.Responses);
        Assert.Equal(0, total.OtherErrors);
    }
}
