using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Serialization;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;
using Faultline.Lab.Control;
using Faultline.TestUtils;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Lab.Tests.Control;

/// <summary>
/// Sends thousands of seeded mutations of valid control requests (bodies, paths and headers) to a real
/// <see cref="FaultControlServer"/> over loopback HTTP. Every answer must be deliberate: no 500, every error a JSON
/// body that says what is wrong, and an error never leaves a fault or a configuration change behind.
/// </summary>
public sealed partial class FaultControlFuzzTests : IAsyncLifetime
{
    private const int Seed = 8;
    private const int Iterations = 3000;
    private const string FaultIdPlaceholder = "{fault}";
    private const string JsonPunctuation = "{}[]\",:\\ \n";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

    private static readonly (HttpMethod Method, string Path, string? Body)[] Seeds =
    [
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"latency","delay":"60s"},"target":{"region":"us-east-1","function":"hello"},"percentage":50},"owner":"cli","lease":"10m"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"latency","min":"1s","max":"2s"},"target":{"route":"GET /api/hello","tags":{"tier":"api"},"selection":"COUNT(1)"}},"owner":"run-1","lease":"PT1M"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"network","mode":"latency","delay":"200ms"},"target":{"region":"us-east-1","fromLocations":["eu-west-1"]}},"lease":"30s"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"http-response","statusCode":503,"body":"down","contentType":"text/plain","preventExecution":false},"target":{"region":"eu-west-1"},"percentage":25}}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"throttle","concurrency":2},"target":{"selection":"PERCENT(50)"}},"lease":"1h"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"dns","mode":"delay","delay":"2s"},"target":{"record":"api.example.test"}},"lease":"5m"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"health-override","status":"unhealthy"},"target":{"healthCheck":"hc-us"}},"owner":"run-2"}"""),
        (HttpMethod.Post, "v1/faults", """{"spec":{"options":{"kind":"error","preventExecution":true},"target":{"function":"hello"}},"lease":"10m"}"""),
        (HttpMethod.Post, $"v1/faults/{FaultIdPlaceholder}/renew", """{"lease":"10m"}"""),
        (HttpMethod.Post, "v1/functions/us-east-1/hello/configuration", """{"owner":"run-1","set":{"CHAOS":"true"},"unset":["OLD"],"attachLayer":"chaos-lambda-extension","lease":"30s"}"""),
        (HttpMethod.Post, "v1/functions/eu-west-1/hello/configuration", """{"owner":"run-2","environment":{"A":"1"},"layers":["x"],"detachLayer":"y"}"""),
        (HttpMethod.Post, "v1/functions/renew", """{"owner":"base","lease":"30s"}"""),
        (HttpMethod.Delete, $"v1/faults/{FaultIdPlaceholder}", null),
        (HttpMethod.Delete, "v1/faults?owner=base", null),
        (HttpMethod.Get, "v1/faults", null),
        (HttpMethod.Get, "v1/lab", null),
    ];

    private static readonly string[] StringValues =
    [
        "", " ", "1000000h", "P10675199D", "P10675198DT23H", "PT1000000H", "99999999999999999999h", "0s", "-1s", "1e308s", "NaN", "10m10m10m",
        "COUNT(0)", "COUNT(999999999)", "PERCENT(101)", "ALL", "latency", "nope", "us-east-1", "hello", "\u0000", "\u001b[31m", "\ud800",
        "../../etc/passwd", new string('a', 3000), "{\"kind\":\"latency\"}",
    ];

    private static readonly string[] Literals =
    [
        "null", "true", "false", "0", "-1", "1e308", "-1e308", "1.5", "99999999999999999999", "2147483648", "-2147483649", "[]", "{}", "[null]",
        "{\"a\":null}", "\"x\"", "NaN", "Infinity", "\"\\u0000\"", new string('[', 200) + new string(']', 200),
    ];

    private static readonly string[] Hosts = ["evil.example", "192.168.0.1", "localhost", "[::1]", "127.0.0.1:1", "127.0.0.1.nip.io", "0.0.0.0", "[::ffff:127.0.0.1]"];

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "faultline-fuzz", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ErrorLogger _logger = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FaultStore? _store;
    private FaultControlServer? _server;

    private FaultStore Store => _store ?? throw new InvalidOperationException("not started");

    private FaultControlServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        var topology = Some.Topology();
        _store = new FaultStore(topology, _time, new RandomSource(1));
        _server = new FaultControlServer(_store, new FaultControlOptions { StateDirectory = _stateDirectory }, _time, logger: _logger, functions: new FunctionFleet(topology, _store, _time, new RandomSource(2)));
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

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

    [Fact]
    public async Task MutatedRequests_AreAnsweredDeliberately_AndErrorsChangeNothing()
    {
        var random = new Random(Seed);
        var started = TimeProvider.System.GetTimestamp();
        var statuses = new Dictionary<int, int>();
        var faultId = ResetToBaseline();
        var sent = 0;
        for (; sent < Iterations && TimeProvider.System.GetElapsedTime(started) < Budget; sent++)
        {
            var (method, path, body) = Seeds[random.Next(Seeds.Length)];
            path = path.Replace(FaultIdPlaceholder, faultId, StringComparison.Ordinal);
            string? host = null;
            var token = Server.Token;
            switch (random.Next(10))
            {
                case 0:
                    host = Hosts[random.Next(Hosts.Length)];
                    break;
                case 1:
                    token = random.Next(2) == 0 ? null : Server.Token[..^1] + "0";
                    break;
                case 2:
                    path = MutatePath(random, path);
                    break;
                default:
                    break;
            }

            var mutated = body is null ? null : Mutate(random, body);
            var before = State();
            using var response = await SendAsync(method, path, mutated, host, token);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var what = $"request {sent}: {method} {path} host={host ?? "-"} body={Shorten(mutated)} -> {status}";

            Assert.True(status != 500, what + " (an unexpected failure)");
            if (status >= 400)
            {
                await AssertJsonErrorAsync(response, what);
                Assert.True(before == State(), what + " changed the lab although it was refused");
            }
            else
            {
                faultId = ResetToBaseline();
            }
        }

        Assert.True(sent >= 500, $"only {sent} requests ran within {Budget}");
        Assert.Empty(_logger.Errors);

        // The mutations are only worth something if they reach every kind of answer.
        foreach (var expected in new[] { 200, 201, 400, 401, 404, 413, 421 })
        {
            Assert.True(statuses.ContainsKey(expected), $"no {expected} among {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        }
    }

    private string ResetToBaseline()
    {
        Store.Reset();
        Server.Functions!.RestoreAll(null);
        var fault = Store.Add(
            new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1) }, Target = new FaultTarget { Region = "eu-west-1", Function = "hello" } },
            "base",
            TimeSpan.FromMinutes(10));
        Server.Functions.Configure("us-east-1/health", new ConfigureFunctionRequest { Owner = "base", AttachLayer = "base-layer", Lease = TimeSpan.FromMinutes(10) });
        return fault.Id;
    }

    private string State() =>
        JsonSerializer.Serialize(Store.All, FaultJson.Options) + JsonSerializer.Serialize(Server.Functions!.Describe(), FaultJson.Options);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? host, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.BaseAddress, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", what + " has no JSON body");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var error = JsonSerializer.Deserialize<ErrorResponse>(text, FaultJson.Options);
        Assert.True(!string.IsNullOrWhiteSpace(error?.Error), $"{what} answered no error message: {text}");
    }

    private static string MutatePath(Random random, string path) => random.Next(5) switch
    {
        0 => path + "/" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
        1 => path.Replace("v1", "v2", StringComparison.Ordinal),
        // Valid escapes only: Kestrel itself answers a malformed request line (%00, invalid UTF-8) with an empty 400
        // before the API sees the request; that is the server's framing, not the API's answer.
        2 => path.Replace("us-east-1", "%C3%A9%20x", StringComparison.Ordinal).Replace("/f", "/%2Ff", StringComparison.Ordinal),
        3 => path + "?owner=" + Uri.EscapeDataString(StringValues[random.Next(StringValues.Length)]),
        _ => path.Replace("faults", "faults/x/y", StringComparison.Ordinal),
    };

    private static string Mutate(Random random, string body)
    {
        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            body = random.Next(11) switch
            {
                0 or 1 => ReplaceToken(random, body, StringToken(), () => JsonSerializer.Serialize(StringValues[random.Next(StringValues.Length)])),
                2 or 3 => ReplaceToken(random, body, ValueToken(), () => Literals[random.Next(Literals.Length)]),
                4 => ReplaceToken(random, body, KeyToken(), () => "\"" + RenameKey(random) + "\":"),
                5 => DeleteSpan(random, body),
                6 => body.Insert(random.Next(body.Length + 1), JsonPunctuation[random.Next(JsonPunctuation.Length)].ToString()),
                7 => body[..random.Next(body.Length + 1)],
                8 => FlipByte(random, body),
                9 => ReplaceToken(random, body, StringToken(), () => "\"" + new string('x', 70_000) + "\""),
                _ => ReplaceToken(random, body, ValueToken(), () => new string('[', 100 + random.Next(200)) + "1" + new string(']', 100 + random.Next(200))),
            };
        }

        return body;
    }

    private static string ReplaceToken(Random random, string body, Regex pattern, Func<string> replacement)
    {
        var matches = pattern.Matches(body);
        if (matches.Count == 0)
        {
            return body;
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(body.AsSpan(0, match.Index), replacement(), body.AsSpan(match.Index + match.Length));
    }

    private static string RenameKey(Random random) => random.Next(4) switch
    {
        0 => "lese",
        1 => "kind",
        2 => "$type",
        _ => "options",
    };

    private static string DeleteSpan(Random random, string body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var at = random.Next(body.Length);
        return body.Remove(at, Math.Min(body.Length - at, 1 + random.Next(8)));
    }

    private static string FlipByte(Random random, string body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var chars = body.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
        return new string(chars);
    }

    private static string Shorten(string? text) => text is null ? "-" : text.Length <= 300 ? text : text[..300] + $"…({text.Length} chars)";

    [GeneratedRegex(@"(?<=[:\[,]\s*)""(?:[^""\\]|\\.)*""(?!\s*:)")]
    private static partial Regex StringToken();

    [GeneratedRegex(@"(?<=:\s*)(""(?:[^""\\]|\\.)*""|-?\d+(\.\d+)?|true|false|null|\{[^{}]*\}|\[[^\[\]]*\])")]
    private static partial Regex ValueToken();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""\s*:")]
    private static partial Regex KeyToken();

    private sealed class ErrorLogger : ILogger<FaultControlServer>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

        public IReadOnlyList<string> Errors => [.. _errors];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                _errors.Enqueue($"{eventId.Id}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
