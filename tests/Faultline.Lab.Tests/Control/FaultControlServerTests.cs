using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Lab.Control;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Control;

public sealed class FaultControlServerTests : IAsyncLifetime
{
    private const string AddLatencyJson = """
        {"spec":{"options":{"kind":"latency","delay":"60s"},"target":{"region":"us-east-1","function":"hello"}},"owner":"cli","lease":"10m"}
        """;

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "faultline-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private FaultControlServer? _server;
    private FaultStore? _store;

    private FaultControlServer Server => _server ?? throw new InvalidOperationException("not started");

    private FaultStore Store => _store ?? throw new InvalidOperationException("not started");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _http.Dispose();
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private async Task StartAsync(double scale = 1)
    {
        var time = new ScaledTimeProvider(TimeProvider.System, scale);
        _store = new FaultStore(Some.Topology(), time, new RandomSource(1));
        _server = new FaultControlServer(_store, new FaultControlOptions { StateDirectory = _stateDirectory }, time);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    private FaultControlClient Client(string? token = null) => new(_http, Server.BaseAddress, token ?? Server.Token);

    private static FaultSpec Latency(string region) => new()
    {
        Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) },
        Target = new FaultTarget { Region = region, Function = "hello" },
    };

    private async Task<HttpResponseMessage> PostAsync(string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddress, "v1/faults"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Post_WithoutToken_Returns401AndChangesNothing()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_WrongToken_Returns401AndChangesNothing()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson, token: new string('0', 64));
        var reset = await Assert.ThrowsAsync<FaultControlException>(() => Client("wrong").ResetAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reset.StatusCode);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_RawJsonWithToken_AppliesFault()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson, Server.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fault = Assert.Single(Store.Snapshot());
        Assert.Equal(["us-east-1/hello"], fault.Targets);
        Assert.Equal(TimeSpan.FromMinutes(10), fault.LeaseExpiresAt - fault.AppliedAt);
        Assert.Equal(TimeSpan.FromSeconds(60), ((LatencyFaultOptions)fault.Spec.Options).Delay);
    }

    [Fact]
    public async Task Post_UnknownRegion_Returns400WithTheMessage()
    {
        await StartAsync();

        var ex = await Assert.ThrowsAsync<FaultControlException>(() => Client().AddAsync(Latency("us-east1"), "cli", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("did you mean 'us-east-1'?", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_NullOptions_Returns400()
    {
        await StartAsync();

        using var response = await PostAsync("""{"spec":{"options":null,"target":{}},"lease":"1m"}""", Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a fault needs options", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedDuration_Returns400()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson.Replace("\"10m\"", "\"ten minutes\"", StringComparison.Ordinal), Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a duration", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_AddListRenewRemoveReset_RoundTrips()
    {
        await StartAsync();
        var client = Client();

        var first = await client.AddAsync(Latency("us-east-1"), "run-1", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        var network = new FaultSpec { Options = new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, Target = new FaultTarget { Region = "us-east-1", FromLocations = ["eu-west-1"] } };
        var second = await client.AddAsync(network, "run-2", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        var third = await client.AddAsync(Latency("eu-west-1"), "run-2", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        var list = await client.ListAsync(TestContext.Current.CancellationToken);
        var renewed = await client.RenewAsync(first.Id, TimeSpan.FromHours(1), TestContext.Current.CancellationToken);
        await client.RemoveAsync(first.Id, TestContext.Current.CancellationToken);
        var missing = await Assert.ThrowsAsync<FaultControlException>(() => client.RemoveAsync(first.Id, TestContext.Current.CancellationToken));
        var byOwner = await client.RemoveByOwnerAsync("run-2", TestContext.Current.CancellationToken);
        await client.AddAsync(Latency("us-east-1"), "cli", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        var reset = await client.ResetAsync(TestContext.Current.CancellationToken);

        Assert.Equal([first.Id, second.Id, third.Id], list.Faults.Select(f => f.Id));
        Assert.Equal(NetworkMode.Blackhole, ((NetworkFaultOptions)list.Faults[1].Spec.Options).Mode);
        Assert.Equal(["eu-west-1"], list.Faults[1].Spec.Target.FromLocations);
        Assert.True(renewed.LeaseExpiresAt > first.LeaseExpiresAt);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(2, byOwner);
        Assert.Equal(1, reset);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task GetLab_DescribesTopology()
    {
        await StartAsync();

        var lab = await Client().GetLabAsync(TestContext.Current.CancellationToken);

        Assert.Equal("hello-api", lab.Name);
        Assert.Equal(["us-east-1", "eu-west-1"], lab.Regions.Select(r => r.Name));
        Assert.Equal(Server.BaseAddress, lab.ControlUrl);
    }

    [Fact]
    public async Task StartAsync_WritesOwnerOnlyTokenFileAndDescriptor_RemovedOnDispose()
    {
        await StartAsync();
        var tokenFile = Server.TokenFile;
        var descriptor = Server.DescriptorFile;

        Assert.Equal(Server.Token, await File.ReadAllTextAsync(tokenFile, TestContext.Current.CancellationToken));
        Assert.Equal(Server.Token, LabStateDirectory.TryReadToken(Server.BaseAddress, _stateDirectory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        Assert.Contains(Server.BaseAddress.ToString(), await File.ReadAllTextAsync(descriptor, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await Server.DisposeAsync();

        Assert.False(File.Exists(tokenFile));
        Assert.False(File.Exists(descriptor));
    }

    [Fact]
    public async Task Sweeper_LeaseLapses_RevertsFaultOnItsOwn()
    {
        await StartAsync(scale: 1000);
        var reverted = new TaskCompletionSource<FaultRevertedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.Reverted += (_, e) => reverted.TrySetResult(e);

        var fault = await Client().AddAsync(Latency("us-east-1"), "dead-run", TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var e = await reverted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(fault.Id, e.Fault.Id);
        Assert.Equal(FaultRevertReason.LeaseExpired, e.Reason);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Delete_WithoutOwner_Returns400()
    {
        await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Server.BaseAddress, "v1/faults"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token);

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
