using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Faultline.Lab.Load;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Lab.Tests.Load;

/// <summary>The lab's own HTTP/1.1 client against a scripted server on loopback: what it reads, and how it pools.</summary>
public sealed class LabHttpClientTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly Uri Url = new("http://api.example.test:8080/api/hello?x=1");
    private readonly List<ScriptedServer> _servers = [];
    private readonly List<LabHttpClient> _clients = [];
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task SendAsync_LengthAndRegionHeader_ReadsBothAndKeepsTheConnection()
    {
        var server = Serve((_, _) => Answer("HTTP/1.1 200 OK\r\nContent-Length: 27\r\nx-faultline-region: eu-west-1\r\n\r\nHello from region us-east-1"));

        var response = await TwiceOnOneConnectionAsync(server);

        Assert.Equal(new LabHttpResponse(200, "eu-west-1"), response);
        Assert.Equal("GET /api/hello?x=1 HTTP/1.1\r\nHost: api.example.test:8080\r\n\r\n", server.Requests.First());
    }

    [Fact]
    public async Task SendAsync_HeaderCaseAndSpacing_ReadAsHttpSays()
    {
        var server = Serve((_, _) => Answer("HTTP/1.1 503 Service Unavailable\r\nX-FAULTLINE-REGION:   us-east-1  \r\ncontent-length:2\r\n\r\n{}"));

        var response = await Client(server).SendAsync(Ct);

        Assert.Equal(new LabHttpResponse(503, "us-east-1"), response);
    }

    [Fact]
    public async Task SendAsync_ChunkedBodyWithoutRegionHeader_ReadsTheRegionFromTheBodyAcrossWrites()
    {
        var server = Serve((_, _) => new Reply(
            [
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n",
                "\r\n6\r\nHello \r\n",
                "10;name=value\r\nfrom region eu-w\r\n",
                "5\r\nest-1\r\n0\r\n\r\n",
            ]));

        var response = await TwiceOnOneConnectionAsync(server);

        Assert.Equal(new LabHttpResponse(200, "eu-west-1"), response);
    }

    [Fact]
    public async Task SendAsync_BodyToTheEndOfTheConnection_ReadsItAndConnectsAnewNextTime()
    {
        var server = Serve((_, _) => new Reply(["HTTP/1.1 200 OK\r\n\r\nHello from region ", "ap-south-1"], Close: true));
        var client = Client(server);

        Assert.Equal(new LabHttpResponse(200, "ap-south-1"), await client.SendAsync(Ct));
        Assert.Equal(new LabHttpResponse(200, "ap-south-1"), await client.SendAsync(Ct));
        Assert.Equal(2, server.Accepted);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")]
    public async Task SendAsync_ServerWillClose_ConnectsAnewNextTime(string response)
    {
        var server = Serve((_, _) => Answer(response, close: true));
        var client = Client(server);

        await client.SendAsync(Ct);
        await client.SendAsync(Ct);

        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task SendAsync_InterimResponseFirst_ReturnsTheFinalOne()
    {
        var server = Serve((_, _) => Answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nx-faultline-region: us-east-1\r\n\r\n"));

        Assert.Equal(new LabHttpResponse(204, "us-east-1"), await Client(server).SendAsync(Ct));
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.1 status line")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n", "Content-Length is not a number")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "header line without a name")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed chunk size")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "before the response's body was complete")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "in the middle of the response's headers")]
    [InlineData("", "without answering")]
    public async Task SendAsync_MalformedOrCutResponse_IOExceptionSayingWhatAndTheConnectionIsClosed(string response, string expected)
    {
        var server = Serve((_, _) => Answer(response, close: true));
        var client = Client(server);

        var error = await Assert.ThrowsAsync<IOException>(async () => await client.SendAsync(Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Open);
    }

    [Fact]
    public async Task SendAsync_HeadersLongerThanTheLimit_IOExceptionNotAnEndlessRead()
    {
        var huge = "HTTP/1.1 200 OK\r\nx-padding: " + new string('a', 70_000) + "\r\n\r\n";
        var server = Serve((_, _) => Answer(huge));

        var error = await Assert.ThrowsAsync<IOException>(async () => await Client(server).SendAsync(Ct));

        Assert.Contains("headers are longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EveryConnectionBusy_WaitsForOneAndNeverOpensMoreThanTheBound()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Serve((_, _) => Answer(Ok, after: release.Task));
        var client = Client(server, maxConnections: 2);

        var sends = Enumerable.Range(0, 5).Select(_ => client.SendAsync(Ct).AsTask()).ToArray();
        await Eventually.TrueAsync(() => server.Requests.Count == 2, Deadline, "two requests at the server", Ct);

        Assert.Equal(2, server.Accepted);
        Assert.Equal(2, client.Open);
        Assert.All(sends, s => Assert.False(s.IsCompleted));
        release.SetResult();
        var responses = await Task.WhenAll(sends).WaitAsync(Deadline, Ct);

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(2, server.Accepted);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaitingForAConnection_GivesUpWithoutTakingOne()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Serve((_, _) => Answer(Ok, after: release.Task));
        var client = Client(server, maxConnections: 1);
        var busy = client.SendAsync(Ct).AsTask();
        await Eventually.TrueAsync(() => server.Requests.Count == 1, Deadline, "the first request at the server", Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var waiting = client.SendAsync(timeout.Token).AsTask();
        await timeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Deadline, Ct));
        release.SetResult();
        await busy.WaitAsync(Deadline, Ct);
        Assert.Equal(200, (await client.SendAsync(Ct)).StatusCode);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task SendAsync_ConnectionClosedWhileOthersWait_TheNextWaiterOpensItsOwn()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Serve((_, request) => request == 0 ? Answer("HTTP/1.1 500 Oops\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", close: true, after: release.Task) : Answer(Ok));
        var client = Client(server, maxConnections: 1);
        var first = client.SendAsync(Ct).AsTask();
        await Eventually.TrueAsync(() => server.Requests.Count == 1, Deadline, "the first request at the server", Ct);

        var second = client.SendAsync(Ct).AsTask();
        release.SetResult();

        Assert.Equal(500, (await first.WaitAsync(Deadline, Ct)).StatusCode);
        Assert.Equal(200, (await second.WaitAsync(Deadline, Ct)).StatusCode);
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task SendAsync_IdleLongerThanTheIdleTimeout_ClosedAndAnotherOpened()
    {
        var server = Serve((_, _) => Answer(Ok));
        var client = Client(server, idleTimeout: TimeSpan.FromMinutes(1));

        await client.SendAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(59));
        await client.SendAsync(Ct);
        Assert.Equal(1, server.Accepted);
        _time.Advance(TimeSpan.FromSeconds(61));
        await client.SendAsync(Ct);

        Assert.Equal(2, server.Accepted);
        Assert.Equal(1, client.Open);
    }

    [Fact]
    public async Task SendAsync_PerRequest_EveryRequestConnectsAndNothingStaysOpen()
    {
        var server = Serve((_, _) => Answer(Ok));
        var client = Client(server, perRequest: true);

        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(Ct);
        }

        Assert.Equal(3, server.Accepted);
        Assert.Equal(0, client.Open);
    }

    [Fact]
    public async Task SendAsync_ConnectFails_TheExceptionOfConnectAndThePlaceIsFreed()
    {
        var attempts = 0;
        var client = new LabHttpClient(Url, 1, perRequest: false, TimeSpan.FromMinutes(1), _time, _ => ++attempts == 1
            ? Task.FromException<Socket>(new SocketException((int)SocketError.ConnectionRefused))
            : Task.FromException<Socket>(new TimeoutException("slow")));
        _clients.Add(client);

        await Assert.ThrowsAsync<SocketException>(async () => await client.SendAsync(Ct));
        await Assert.ThrowsAsync<TimeoutException>(async () => await client.SendAsync(Ct));
        Assert.Equal(0, client.Open);
    }

    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nx-faultline-region: us-east-1\r\n\r\nok";

    // Sends two requests: both answered alike, the second on the first one's connection.
    private async Task<LabHttpResponse> TwiceOnOneConnectionAsync(ScriptedServer server)
    {
        var client = Client(server);
        var first = await client.SendAsync(Ct);
        var second = await client.SendAsync(Ct);
        Assert.Equal(first, second);
        Assert.Equal(1, server.Accepted);
        return first;
    }

    private static Reply Answer(string response, bool close = false, Task? after = null) => new([response], close, after);

    private ScriptedServer Serve(Func<int, int, Reply> script)
    {
        var server = new ScriptedServer(script);
        _servers.Add(server);
        return server;
    }

    private LabHttpClient Client(ScriptedServer server, int maxConnections = 4, bool perRequest = false, TimeSpan? idleTimeout = null)
    {
        var client = new LabHttpClient(Url, maxConnections, perRequest, idleTimeout ?? TimeSpan.FromMinutes(1), _time, async ct =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server.EndPoint, ct);
            return socket;
        });
        _clients.Add(client);
        return client;
    }

    /// <summary>What the server writes for one request: the parts (flushed one by one), then whether it closes.</summary>
    private sealed record Reply(string[] Parts, bool Close = false, Task? After = null);

    /// <summary>A loopback server answering each request (by connection and request index) as scripted.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Func<int, int, Reply> _script;
        private readonly Task _accepting;
        private readonly ConcurrentBag<Task> _connections = [];
        private int _accepted;
        private int _requests;

        public ScriptedServer(Func<int, int, Reply> script)
        {
            _script = script;
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public int Accepted => Volatile.Read(ref _accepted);

        public ConcurrentQueue<string> Requests { get; } = new();

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await Task.WhenAll([_accepting, .. _connections]).WaitAsync(Deadline).ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    var index = Interlocked.Increment(ref _accepted) - 1;
                    _connections.Add(ServeAsync(socket, index));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        private async Task ServeAsync(Socket socket, int connection)
        {
            using var _ = socket;
            var buffer = new byte[8192];
            var pending = string.Empty;
            try
            {
                while (true)
                {
                    int end;
                    while ((end = pending.IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        pending += Encoding.ASCII.GetString(buffer, 0, read);
                    }

                    var request = pending[..(end + 4)];
                    pending = pending[(end + 4)..];
                    Requests.Enqueue(request);
                    var reply = _script(connection, Interlocked.Increment(ref _requests) - 1);
                    if (reply.After is not null)
                    {
                        await reply.After.WaitAsync(_stop.Token);
                    }

                    foreach (var part in reply.Parts)
                    {
                        await socket.SendAsync(Encoding.ASCII.GetBytes(part), SocketFlags.None, _stop.Token);
                    }

                    if (reply.Close)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
