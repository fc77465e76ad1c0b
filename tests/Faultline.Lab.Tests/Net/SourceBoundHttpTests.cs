using System.Net;
using System.Net.Sockets;
using Faultline.Core.Topology;
using Faultline.Lab.Net;
using Xunit;

namespace Faultline.Lab.Tests.Net;

public sealed class SourceBoundHttpTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(IPAddress.Parse("127.0.1.1"), 0, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static HttpClient Client(ConnectionReuse reuse) => SourceBoundHttp.CreateClient(new SourceBoundHttpOptions
    {
        SourceAddress = IPAddress.Parse("127.0.1.200"),
        TimeProvider = TimeProvider.System,
        ConnectionReuse = reuse,
    });

    [Fact]
    public async Task CreateClient_Request_LeavesFromSourceAddress()
    {
        using var client = Client(ConnectionReuse.KeepAlive);

        var body = await client.GetStringAsync(new Uri($"http://127.0.1.1:{_app.Port}/"), TestContext.Current.CancellationToken);

        Assert.Equal("Region us-east-1 is healthy", body);
        Assert.Equal(IPAddress.Parse("127.0.1.200"), Assert.Single(_app.Requests).Remote);
    }

    [Theory]
    [InlineData(ConnectionReuse.KeepAlive, 1)]
    [InlineData(ConnectionReuse.PerRequest, 3)]
    public async Task CreateClient_ThreeRequests_ConnectionsPerReuseMode(ConnectionReuse reuse, int expectedConnections)
    {
        using var client = Client(reuse);

        for (var i = 0; i < 3; i++)
        {
            await client.GetStringAsync(new Uri($"http://127.0.1.1:{_app.Port}/"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(expectedConnections, _app.Requests.Select(r => r.ConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task CreateClient_RequestWithConnectedKey_ToldWhenConnected()
    {
        using var client = Client(ConnectionReuse.PerRequest);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.1.1:{_app.Port}/"));
        var connected = false;
        request.Options.Set(SourceBoundHttp.ConnectedKey, () => connected = true);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(connected);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_Throws()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Parse("127.0.1.1"), 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        await Assert.ThrowsAsync<SocketException>(() => SourceBoundHttp.ConnectAsync(
            IPAddress.Parse("127.0.1.200"), new IPEndPoint(IPAddress.Parse("127.0.1.1"), port), TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken));
    }
}
