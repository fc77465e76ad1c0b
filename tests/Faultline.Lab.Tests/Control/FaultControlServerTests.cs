using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Serialization;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Lab.Control;
using Faultline.TestUtils;
using Microsoft.Extensions.Logging;
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

    private async Task StartAsync(double scale = 1, Func<LabDescription>? describe = null, ILogger<FaultControlServer>? logger = null)
    {
        var time = new ScaledTimeProvider(TimeProvider.System, scale);
        var topology = Some.Topology();
        _store = new FaultStore(topology, time, new RandomSource(1));
        var functions = new FunctionFleet(topology, _store, time, new RandomSource(2));
        _server = new FaultControlServer(_store, new FaultControlOptions { StateDirectory = _stateDirectory }, time, describe, logger, functions);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    private bool AnyFunctionChanged => Server.Functions!.Describe().Any(f => f.Changed);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? host = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.BaseAddress, path))
        {
            Content = content ?? (json is null ? null : new StringContent(json, Encoding.UTF8, "application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var error = JsonSerializer.Deserialize<ErrorResponse>(body, FaultJson.Options);
        Assert.False(string.IsNullOrWhiteSpace(error?.Error), $"no error message in {body}");
        return error!.Error;
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

    [Fact]
    public async Task Post_LeaseLongerThanTheMaximum_Returns400NamingTheMaximumAndInjectsNothing()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson.Replace("\"10m\"", "\"1000000h\"", StringComparison.Ordinal), Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "lease is 1000000h, longer than the maximum lease of 1h of lab time; give 1h or less (e.g. 10m) and renew it before it lapses to keep it longer",
            await ErrorOfAsync(response));
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_LeaseThatOverflowsTheClock_Returns400WithJsonAndInjectsNothing()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson.Replace("\"10m\"", "\"P10675198D\"", StringComparison.Ordinal), Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum lease of 1h", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task RenewFault_LeaseLongerThanTheMaximum_Returns400AndKeepsTheLease()
    {
        await StartAsync();
        var fault = await Client().AddAsync(Latency("us-east-1"), "cli", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);

        using var response = await SendAsync(HttpMethod.Post, $"v1/faults/{fault.Id}/renew", """{"lease":"P10675198D"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum lease of 1h", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Equal(fault.LeaseExpiresAt, Assert.Single(Store.All).LeaseExpiresAt);
    }

    [Fact]
    public async Task Configure_LeaseThatOverflowsTheClock_Returns400AndChangesNothing()
    {
        await StartAsync();

        using var response = await SendAsync(HttpMethod.Post, "v1/functions/us-east-1/hello/configuration", """{"owner":"run-1","attachLayer":"chaos-lambda-extension","lease":"P10675198D"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum lease of 1h", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.False(AnyFunctionChanged);
    }

    [Fact]
    public async Task RenewConfiguration_LeaseLongerThanTheMaximum_Returns400()
    {
        await StartAsync();
        await Client().ConfigureFunctionAsync("us-east-1/hello", new ConfigureFunctionRequest { Owner = "run-1", AttachLayer = "chaos-lambda-extension", Lease = TimeSpan.FromSeconds(30) }, TestContext.Current.CancellationToken);

        using var response = await SendAsync(HttpMethod.Post, "v1/functions/renew", """{"owner":"run-1","lease":"P10675198D"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum lease of 1h", await ErrorOfAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewConfiguration_NullOwner_Returns400()
    {
        await StartAsync();

        using var response = await SendAsync(HttpMethod.Post, "v1/functions/renew", """{"owner":null,"lease":"30s"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("owner", await ErrorOfAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("192.168.1.10:8474")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task Request_NonLoopbackHost_Returns421WithJsonAndInjectsNothing(string host)
    {
        await StartAsync();

        using var response = await SendAsync(HttpMethod.Post, "v1/faults", AddLatencyJson, host);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Equal("the fault control API answers only for 127.0.0.1, localhost and [::1]; send the request to the lab's control URL", await ErrorOfAsync(response));
        Assert.Empty(Store.All);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    [InlineData("127.0.0.2")]
    public async Task Request_LoopbackHost_IsServed(string host)
    {
        await StartAsync();

        using var response = await SendAsync(HttpMethod.Post, "v1/faults", AddLatencyJson, host);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOver64KB_Returns413WithJsonAndInjectsNothing(bool chunked)
    {
        await StartAsync();
        var json = AddLatencyJson.Replace("\"owner\":\"cli\"", $"\"owner\":\"{new string('x', 70_000)}\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);

        using var response = await SendAsync(HttpMethod.Post, "v1/faults", json: null, content: content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("the request body is larger than 64 KB; control requests are small JSON objects", await ErrorOfAsync(response));
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400NamingLineAndPosition()
    {
        await StartAsync();

        using var response = await PostAsync("{\n  \"spec\": }", Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid JSON at line 2, byte 11 ($.spec): '}' is an invalid start of a value.", await ErrorOfAsync(response));
    }

    [Fact]
    public async Task Post_OptionsWithoutKind_Returns400NamingTheKinds()
    {
        await StartAsync();

        using var response = await PostAsync("""{"spec":{"options":{"delay":"1s"},"target":{}},"lease":"1m"}""", Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Post_MisspelledProperty_Returns400InsteadOfUsingTheDefault()
    {
        await StartAsync();

        using var response = await PostAsync(AddLatencyJson.Replace("\"lease\"", "\"lese\"", StringComparison.Ordinal), Server.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lese", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Empty(Store.All);
    }

    [Fact]
    public async Task Get_UnexpectedFailure_Returns500WithJsonAndLogsIt()
    {
        var logger = new RecordingLogger();
        var started = false;
        await StartAsync(describe: () => started ? throw new InvalidOperationException("describe broke") : new LabDescription { Name = "x", Regions = [] }, logger: logger);
        started = true;

        using var response = await SendAsync(HttpMethod.Get, "v1/lab", json: null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(
            "the lab failed to answer GET /v1/lab: InvalidOperationException: describe broke; the lab logged it (event 2209)",
            await ErrorOfAsync(response));
        var logged = Assert.Single(logger.Entries, e => e.Id == 2209);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    private sealed class RecordingLogger : ILogger<FaultControlServer>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(int Id, Exception? Exception)> _entries = new();

        public IReadOnlyList<(int Id, Exception? Exception)> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((eventId.Id, exception));
    }

    // Hides its length so HttpClient sends the body chunked, without a Content-Length the server could check up front.
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
