using Faultline.Core.Faults;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Throttle;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class FunctionRuntimeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly FunctionRequest Request = new() { Method = "GET", Path = "/api/hello" };
    private readonly FakeTimeProvider _time = new();
    private readonly FaultStore _faults;

    public FunctionRuntimeTests()
    {
        _faults = new FaultStore(Some.Topology(), _time, new RandomSource(1));
    }

    private static FunctionConfig Hello => Some.Topology().FindRegion("us-east-1")!.Functions.Single(f => f.Name == "hello");

    // The chaos extension attached as on AWS: its layer and the wrapper variable, plus the test's variables.
    private static FunctionConfig WithExtension(Dictionary<string, string> variables, ChaosExtensionRelease release = ChaosExtensionRelease.Tagged) => Hello with
    {
        Environment = new Dictionary<string, string>(variables) { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap" },
        Layers = ["arn:aws:lambda:us-east-1:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12"],
        ChaosExtensionRelease = release,
    };

    private FunctionRuntime NewRuntime(FunctionConfig? config = null, FunctionHandler? handler = null, int seed = 42) =>
        new(config ?? Hello, handler ?? BuiltInHandlers.Hello, _faults, _time, new RandomSource(seed));

    private void AddFault(FaultOptions options, double percentage = 100) =>
        _faults.Add(new FaultSpec { Options = options, Target = new FaultTarget { Region = "us-east-1", Function = "hello" }, Percentage = percentage }, "test", TimeSpan.FromHours(1));

    [Fact]
    public async Task InvokeAsync_NoFaults_ReturnsHelloFromRegion()
    {
        var outcome = await NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(200, outcome.Result!.StatusCode);
        Assert.Equal("Hello from region us-east-1", outcome.Result.Body);
    }

    [Fact]
    public async Task InvokeAsync_HealthHandler_ReturnsRegionIsHealthy()
    {
        var health = Some.Topology().FindRegion("eu-west-1")!.Functions.Single(f => f.Name == "health");

        var outcome = await NewRuntime(health, BuiltInHandlers.Health).InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal("Region eu-west-1 is healthy", outcome.Result!.Body);
    }

    [Fact]
    public async Task InvokeAsync_NothingToWaitFor_NoTimeoutTimerAndTheSameOutcomeEachTime()
    {
        var time = new TimerWatchingTimeProvider(_time.GetUtcNow());
        var runtime = new FunctionRuntime(Hello, BuiltInHandlers.Hello, new FaultStore(Some.Topology(), time, new RandomSource(1)), time, new RandomSource(42));

        var first = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        var second = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(0, time.Created(Hello.Timeout));
        Assert.True(first.ColdStart);
        Assert.False(second.ColdStart);
        Assert.Equal("Hello from region us-east-1", second.Result!.Body);
        Assert.Empty(second.Faults);
        Assert.Equal(0, runtime.InFlight);
        Assert.Equal(1, runtime.IdleEnvironments);
    }

    [Fact]
    public async Task InvokeAsync_WaitsForInjectedLatency_TimeoutArmedForTheTimeLeft()
    {
        var time = new TimerWatchingTimeProvider(_time.GetUtcNow());
        var faults = new FaultStore(Some.Topology(), time, new RandomSource(1));
        faults.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(4) }, Target = new FaultTarget { Region = "us-east-1", Function = "hello" } }, "test", TimeSpan.FromHours(1));
        var runtime = new FunctionRuntime(Hello, BuiltInHandlers.Hello, faults, time, new RandomSource(42));

        var invocation = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => time.Created(TimeSpan.FromSeconds(4)) == 1, Deadline, "the latency's timer", TestContext.Current.CancellationToken);
        Assert.Equal(1, time.Created(Hello.Timeout));
        time.Advance(TimeSpan.FromSeconds(4));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(4), outcome.InjectedLatency);
        Assert.Equal(0, runtime.InFlight);
        Assert.Equal(1, runtime.IdleEnvironments);
    }

    [Fact]
    public async Task InvokeAsync_LatencyLongerThanTimeout_TimesOutAtTheTimeout()
    {
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) });
        var invocation = NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(invocation.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Timeout, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), outcome.InjectedLatency);
        Assert.Equal("Task timed out after 10.00 seconds", outcome.Error);
    }

    [Fact]
    public async Task InvokeAsync_LatencyShorterThanTimeout_SucceedsAfterTheDelay()
    {
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(2) });
        var invocation = NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(invocation.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.InjectedLatency);
        Assert.Single(outcome.Faults);
    }

    [Fact]
    public async Task InvokeAsync_UniformLatency_DrawsWithinRange()
    {
        AddFault(new LatencyFaultOptions { Min = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(3) });
        var invocation = NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(3));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.InRange(outcome.InjectedLatency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
    }

    [Fact]
    public async Task InvokeAsync_BeyondReservedConcurrency_IsThrottled()
    {
        var release = new TaskCompletionSource<LambdaProxyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runtime = NewRuntime(Hello with { ReservedConcurrency = 1 }, (_, _) => release.Task);

        var first = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        var second = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        release.SetResult(LambdaProxyResult.Text(200, "ok"));
        var firstOutcome = await first.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Throttled, second.Kind);
        Assert.Equal(FunctionOutcomeKind.Succeeded, firstOutcome.Kind);
        Assert.Equal(0, runtime.InFlight);
    }

    [Fact]
    public async Task InvokeAsync_ThrottleFaultZero_ThrottlesEveryInvocation()
    {
        AddFault(new ThrottleFaultOptions { Concurrency = 0 });

        var outcome = await NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Throttled, outcome.Kind);
        Assert.Single(outcome.Faults);
    }

    [Fact]
    public async Task InvokeAsync_ColdStart_WaitsInitThenReusesWarmEnvironmentUntilKeepWarm()
    {
        var runtime = NewRuntime(Hello with { ColdStart = TimeSpan.FromSeconds(2), KeepWarm = TimeSpan.FromMinutes(5) });

        var first = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        Assert.False(first.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var cold = await first.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var warm = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var again = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        Assert.False(again.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var coldAgain = await again.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.True(cold.ColdStart);
        Assert.False(warm.ColdStart);
        Assert.True(coldAgain.ColdStart);
    }

    [Fact]
    public async Task InvokeAsync_ErrorFault_FailsWithoutRunningHandler()
    {
        AddFault(new ErrorFaultOptions { PreventExecution = true });
        var runs = 0;
        var runtime = NewRuntime(handler: (i, ct) => { runs++; return BuiltInHandlers.Hello(i, ct); });

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task InvokeAsync_ErrorFaultWithExecution_RunsHandlerAndStillFails()
    {
        AddFault(new ErrorFaultOptions { PreventExecution = false });
        var runs = 0;
        var runtime = NewRuntime(handler: (i, ct) => { runs++; return BuiltInHandlers.Hello(i, ct); });

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task InvokeAsync_HandlerThrows_IsFunctionError()
    {
        var outcome = await NewRuntime(handler: (_, _) => throw new InvalidOperationException("boom")).InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal("boom", outcome.Error);
    }

    [Fact]
    public async Task InvokeAsync_HttpResponseFault_ReplacesResult()
    {
        AddFault(new HttpResponseFaultOptions { StatusCode = 503, Body = "down", ContentType = "text/plain" });

        var outcome = await NewRuntime().InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(503, outcome.Result!.StatusCode);
        Assert.Equal("down", outcome.Result.Body);
        Assert.Equal("text/plain", outcome.Result.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(100, 1000, 1000)]
    [InlineData(30, 240, 360)]
    public async Task InvokeAsync_ErrorPercentage_DrawnPerRequest(double percentage, int min, int max)
    {
        AddFault(new ErrorFaultOptions(), percentage);
        var runtime = NewRuntime();

        var errors = 0;
        for (var i = 0; i < 1000; i++)
        {
            var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
            errors += outcome.Kind == FunctionOutcomeKind.FunctionError ? 1 : 0;
        }

        Assert.InRange(errors, min, max);
    }

    [Fact]
    public async Task InvokeAsync_ChaosLatencyEnvironment_InjectsLatencyThatTimesOut()
    {
        var runtime = NewRuntime(WithExtension(new()
        {
            ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true",
            ["CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY"] = "1",
        }));

        var invocation = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(10));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Timeout, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(900), outcome.InjectedLatency);
        Assert.Equal([FunctionRuntime.ChaosExtensionFaultId], outcome.Faults);
    }

    [Fact]
    public async Task InvokeAsync_ChaosResponseTypoVariable_ReplacesWithDefaultResponse()
    {
        var runtime = NewRuntime(WithExtension(new()
        {
            ["CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY"] = "true",
            ["CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY"] = "1",
        }));

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(500, outcome.Result!.StatusCode);
        Assert.Equal("hello, Chaos!!!", outcome.Result.Body);
    }

    [Fact]
    public async Task InvokeAsync_ChaosMalformedDefaultResponse_KeepsRawPayload()
    {
        var runtime = NewRuntime(WithExtension(
            new()
            {
                ["CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY"] = "true",
                ["CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY"] = "1",
                ["CHAOS_EXTENSION__RESPONSE__DEFAULT_RESPONSE"] = "not json",
            },
            ChaosExtensionRelease.Main));

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Result);
        Assert.Equal("not json", outcome.RawPayload);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task InvokeAsync_ChaosVariablesWithoutLayerOrWrapper_InjectNothing(bool layer, bool wrapper)
    {
        // On AWS the variables alone do nothing: the layer's /opt/bootstrap must put the extension's proxy in the runtime's path.
        var environment = new Dictionary<string, string>
        {
            ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true",
            ["CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY"] = "1",
            ["CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY"] = "true",
            ["CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY"] = "1",
        };
        if (wrapper)
        {
            environment["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap";
        }

        var runtime = NewRuntime(Hello with { Environment = environment, Layers = layer ? ["chaos-lambda-extension"] : [] });

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(200, outcome.Result!.StatusCode);
        Assert.Equal(TimeSpan.Zero, outcome.InjectedLatency);
        Assert.Empty(outcome.Faults);
    }

    [Theory]
    [InlineData(ChaosExtensionRelease.Tagged, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY")]
    [InlineData(ChaosExtensionRelease.Main, "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY")]
    public async Task InvokeAsync_ResponseSwitchTheReleaseIgnores_KeepsTheResponse(ChaosExtensionRelease release, string ignored)
    {
        var runtime = NewRuntime(WithExtension(new() { [ignored] = "true", ["CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY"] = "1" }, release));

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(200, outcome.Result!.StatusCode);
        Assert.Empty(outcome.Faults);
    }

    [Fact]
    public async Task InvokeAsync_TopologyLayersAndCapitalisedTrue_InjectLatency()
    {
        var runtime = NewRuntime(WithExtension(new() { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "True", ["CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE"] = "1", ["CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY"] = "1" }));

        var invocation = runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(1), outcome.InjectedLatency);
        Assert.Equal([FunctionRuntime.ChaosExtensionFaultId], outcome.Faults);
        Assert.Equal(["arn:aws:lambda:us-east-1:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12"], runtime.Layers);
    }

    [Fact]
    public async Task InvokeAsync_HandlerRepliesFunctionError_IsFunctionError()
    {
        var runtime = NewRuntime(handler: (_, _) => throw new FunctionReplyException(LambdaInvokeReply.Interpret(200, false, """{"errorType":"Error","errorMessage":"boom"}""", ProxyPayloadFormat.V1)));

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal("Error: boom", outcome.Error);
    }

    [Fact]
    public async Task InvokeAsync_HandlerRepliesUnreadableOutput_KeepsRawPayload()
    {
        var runtime = NewRuntime(handler: (_, _) => throw new FunctionReplyException(LambdaInvokeReply.Interpret(200, false, "\"just text\"", ProxyPayloadFormat.V1)));

        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Null(outcome.Result);
        Assert.Equal("\"just text\"", outcome.RawPayload);
    }

    [Fact]
    public async Task Configure_SetsAndUnsetsVariablesAndRetiresWarmEnvironments()
    {
        var runtime = NewRuntime(Hello with { Environment = new Dictionary<string, string> { ["KEEP"] = "1", ["DROP"] = "2" } });
        await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);
        Assert.Equal(1, runtime.IdleEnvironments);

        runtime.SetLayers(["chaos-lambda-extension"]);
        runtime.Configure(new Dictionary<string, string?> { ["DROP"] = null, ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap", ["CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY"] = "true", ["CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY"] = "1" });
        var outcome = await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal("1", runtime.Environment["KEEP"]);
        Assert.False(runtime.Environment.ContainsKey("DROP"));
        Assert.True(outcome.ColdStart);
        Assert.Equal(500, outcome.Result!.StatusCode);

        runtime.ResetEnvironment();
        Assert.Equal(200, (await runtime.InvokeAsync(Request, TestContext.Current.CancellationToken)).Result!.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_Throws()
    {
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) });
        using var cts = new CancellationTokenSource();
        var invocation = NewRuntime().InvokeAsync(Request, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invocation.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }
}
