using System.Collections.Immutable;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Core.Topology;

namespace Faultline.Core.Functions;

/// <summary>
/// One Lambda-like function with Lambda's semantics: a timeout that injected latency counts against,
/// reserved concurrency (excess is throttled), cold starts for new execution environments and reuse of
/// warm ones until idle longer than <see cref="FunctionConfig.KeepWarm"/>, environment variables that can
/// change at run time, and faults applied inside the invocation as the extensions do. Pure: no sockets,
/// time from the injected <see cref="TimeProvider"/>, chance from the run's <see cref="RandomSource"/>.
/// </summary>
/// <remarks>
/// Order inside an invocation (fixed): concurrency check (<c>throttle</c>) → cold start (not counted against the
/// timeout, as Lambda's init phase) → injected latency (<c>latency</c> faults, then the chaos extension's) → failures and
/// replacements with <c>preventExecution</c> (<c>error</c>, <c>http-response</c>) → handler → result replacement. Each
/// fault's part is its kind's <see cref="IFunctionFaultInjector"/>; the runtime only combines them.
/// </remarks>
public sealed class FunctionRuntime
{
    /// <summary>The fault id reported when the chaos extension's variables acted.</summary>
    public const string ChaosExtensionFaultId = "chaos-extension";

    private readonly FunctionHandler _handler;
    private readonly IFaultState _faults;
    private readonly TimeProvider _timeProvider;
    private readonly RandomSource _random;
    private readonly Lock _lock = new();
    private readonly Stack<long> _idleSince = new();
    private ImmutableDictionary<string, string> _environment;
    private readonly Task<LambdaProxyResult>? _fixedAnswer;
    private readonly Task<FunctionOutcome>? _answeredWarm;
    private readonly Task<FunctionOutcome>? _answeredCold;
    private volatile string[] _layers = [];
    private ChaosSettingsOf? _chaos;
    private int _inFlight;

    /// <summary>Creates the runtime of one function.</summary>
    public FunctionRuntime(FunctionConfig config, FunctionHandler handler, IFaultState faults, TimeProvider timeProvider, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        Config = config;
        _handler = handler;
        _faults = faults;
        _timeProvider = timeProvider;
        _random = random;
        _environment = config.Environment.ToImmutableDictionary(StringComparer.Ordinal);
        _layers = [.. config.Layers];
        _fixedAnswer = BuiltInHandlers.FixedAnswer(handler, config.Region);
        if (_fixedAnswer is not null)
        {
            _answeredWarm = Task.FromResult(new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = _fixedAnswer.Result });
            _answeredCold = Task.FromResult(new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = _fixedAnswer.Result, ColdStart = true });
        }
    }

    /// <summary>The function's configuration.</summary>
    public FunctionConfig Config { get; }

    /// <summary>The environment variables now.</summary>
    public IReadOnlyDictionary<string, string> Environment => Volatile.Read(ref _environment);

    /// <summary>
    /// The layers attached now (names or ARNs), in attach order; the topology's <see cref="FunctionConfig.Layers"/> at
    /// first. The chaos extension's variables act only while its layer is one of them (and
    /// <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap</c> is set).
    /// </summary>
    public IReadOnlyList<string> Layers => _layers;

    /// <summary>Invocations running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Warm execution environments waiting for an invocation.</summary>
    public int IdleEnvironments
    {
        get
        {
            lock (_lock)
            {
                return _idleSince.Count;
            }
        }
    }

    /// <summary>
    /// Sets (non-null value) or unsets (null value) environment variables, merging with the current ones
    /// (unlike <c>UpdateFunctionConfiguration</c>, which replaces the map). As in Lambda, a configuration
    /// change retires the warm environments: the next invocations start cold.
    /// </summary>
    public void Configure(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            var builder = _environment.ToBuilder();
            foreach (var (name, value) in changes)
            {
                if (value is null)
                {
                    builder.Remove(name);
                }
                else
                {
                    builder[name] = value;
                }
            }

            _environment = builder.ToImmutable();
            _idleSince.Clear();
        }
    }

    /// <summary>Replaces the attached layers. As any configuration change, it retires the warm environments.</summary>
    public void SetLayers(IReadOnlyList<string> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        lock (_lock)
        {
            _layers = [.. layers];
            _idleSince.Clear();
        }
    }

    /// <summary>Restores the environment variables and layers the function was configured with.</summary>
    public void ResetEnvironment()
    {
        lock (_lock)
        {
            _environment = Config.Environment.ToImmutableDictionary(StringComparer.Ordinal);
            _layers = [.. Config.Layers];
            _idleSince.Clear();
        }
    }

    /// <summary>Invokes the function.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller going away; cancels the invocation and throws.</param>
    /// <returns>The outcome; never throws for function failures.</returns>
    public Task<FunctionOutcome> InvokeAsync(FunctionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var faults = FaultsOnThisFunction();
        return faults.Length == 0 && AnswerAtOnce() is { } answered ? answered : InvokeCoreAsync(request, faults, cancellationToken);
    }

    // With no fault on the function, a built-in handler's ready answer and the chaos extension idle, an invocation has
    // nothing to wait for and nothing to draw: admitted, on a warm environment (or a new one without init time), it
    // answers at once, the same outcome every time. Null when any of that does not hold (InvokeCoreAsync decides then).
    private Task<FunctionOutcome>? AnswerAtOnce()
    {
        if (_answeredWarm is null || _answeredCold is null)
        {
            return null;
        }

        var chaos = ChaosSettings(Volatile.Read(ref _environment));
        if (chaos.LatencyEnabled || chaos.ResponseChangeEnabled)
        {
            return null;
        }

        var now = _timeProvider.GetTimestamp();
        lock (_lock)
        {
            if (_inFlight >= (Config.ReservedConcurrency ?? int.MaxValue))
            {
                return null;
            }

            // A cold environment left nothing idle behind, so InvokeCoreAsync finds the same when it starts one.
            var cold = AcquireEnvironment();
            if (cold && Config.ColdStart > TimeSpan.Zero)
            {
                return null;
            }

            _idleSince.Push(now);
            return cold ? _answeredCold : _answeredWarm;
        }
    }

    private async Task<FunctionOutcome> InvokeCoreAsync(FunctionRequest request, (ActiveFault Fault, IFunctionFaultInjector Injector)[] faults, CancellationToken cancellationToken)
    {
        var limit = ConcurrencyLimit(faults, out var throttleIds);
        bool cold;
        lock (_lock)
        {
            if (_inFlight >= limit)
            {
                return new FunctionOutcome { Kind = FunctionOutcomeKind.Throttled, Error = "Rate Exceeded.", Faults = throttleIds };
            }

            _inFlight++;
            cold = AcquireEnvironment();
        }

        var reusable = false;
        try
        {
            if (cold && Config.ColdStart > TimeSpan.Zero)
            {
                await LabTasks.Delay(Config.ColdStart, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            // The timeout counts from here: the init phase is not counted, as in Lambda.
            using var scope = new InvocationScope(Config.Timeout, _timeProvider, cold, cancellationToken);
            try
            {
                var outcome = await RunAsync(request, faults, scope).ConfigureAwait(false);
                reusable = true;
                return outcome;
            }
            catch (OperationCanceledException) when (scope.TimedOut && !cancellationToken.IsCancellationRequested)
            {
                // Lambda restarts the runtime after a timeout: the environment is not reused.
                return scope.Outcome(FunctionOutcomeKind.Timeout, error: $"Task timed out after {Config.Timeout.TotalSeconds:0.00} seconds");
            }
        }
        finally
        {
            var idleSince = reusable ? _timeProvider.GetTimestamp() : 0;
            lock (_lock)
            {
                _inFlight--;
                if (reusable)
                {
                    _idleSince.Push(idleSince);
                }
            }
        }
    }

    private async Task<FunctionOutcome> RunAsync(FunctionRequest request, (ActiveFault Fault, IFunctionFaultInjector Injector)[] faults, InvocationScope scope)
    {
        var environment = Volatile.Read(ref _environment);
        var chaos = ChaosSettings(environment);
        var delay = TimeSpan.Zero;
        foreach (var (fault, injector) in faults)
        {
            if (injector.Delay(fault, _random) is { } added)
            {
                delay += added;
                scope.Applied(fault.Id);
            }
        }

        // The extension draws rand < p (docs/faults.md).
        if (chaos.LatencyEnabled && _random.NextDouble() < chaos.LatencyChance)
        {
            delay += chaos.Latency;
            scope.Applied(ChaosExtensionFaultId);
        }

        scope.InjectedLatency = delay;
        if (delay > TimeSpan.Zero)
        {
            await LabTasks.Delay(delay, _timeProvider, scope.Token).ConfigureAwait(false);
        }

        string? errorAfterRun = null;
        LambdaProxyResult? replacement = null;
        foreach (var (fault, injector) in faults)
        {
            if (injector.Intercept(fault, _random) is not { } effect)
            {
                continue;
            }

            scope.Applied(fault.Id);
            if (effect.Error is { } error)
            {
                if (effect.PreventExecution)
                {
                    return scope.Outcome(FunctionOutcomeKind.FunctionError, error: error);
                }

                errorAfterRun ??= error;
            }
            else if (effect.Result is { } result)
            {
                if (effect.PreventExecution && errorAfterRun is null)
                {
                    return scope.Outcome(FunctionOutcomeKind.Succeeded, result);
                }

                replacement ??= result;
            }
        }

        LambdaProxyResult? handlerResult;
        string? rawReply = null;
        try
        {
            // A built-in handler's answer is fixed and ready: neither it nor a timeout timer is needed for it.
            var answer = _fixedAnswer ?? _handler(new FunctionInvocation { Request = request, Function = Config, Environment = environment }, scope.Token);
            handlerResult = answer.IsCompleted
                ? await answer.ConfigureAwait(false)
                : await LabTasks.WithCancellation(answer, _timeProvider, scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (scope.Cancelled)
        {
            throw;
        }
        catch (FunctionReplyException reply) when (reply.Outcome.Kind == FunctionOutcomeKind.Succeeded && reply.Outcome.RawPayload is not null)
        {
            // Output API Gateway cannot read (the Lambda invoke protocol): still the function's result, so result faults apply.
            handlerResult = null;
            rawReply = reply.Outcome.RawPayload;
        }
#pragma warning disable CA1031 // A handler's exception is the function's error, not ours.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return scope.Outcome(FunctionOutcomeKind.FunctionError, error: ex.Message);
        }

        if (errorAfterRun is not null)
        {
            return scope.Outcome(FunctionOutcomeKind.FunctionError, error: errorAfterRun);
        }

        if (chaos.ResponseChangeEnabled && _random.NextDouble() < chaos.ResponseChangeChance)
        {
            scope.Applied(ChaosExtensionFaultId);
            return LambdaProxyResult.TryParse(chaos.Response, out var parsed)
                ? scope.Outcome(FunctionOutcomeKind.Succeeded, parsed)
                : scope.Outcome(FunctionOutcomeKind.Succeeded, rawPayload: chaos.Response);
        }

        return replacement is null && handlerResult is null
            ? scope.Outcome(FunctionOutcomeKind.Succeeded, rawPayload: rawReply)
            : scope.Outcome(FunctionOutcomeKind.Succeeded, replacement ?? handlerResult);
    }

    // The extension's settings follow the environment and the layers, which change rarely: read again only after a change.
    private ChaosExtensionSettings ChaosSettings(ImmutableDictionary<string, string> environment)
    {
        var layers = _layers;
        var cached = Volatile.Read(ref _chaos);
        if (cached is not null && ReferenceEquals(cached.Environment, environment) && ReferenceEquals(cached.Layers, layers))
        {
            return cached.Settings;
        }

        var settings = ChaosExtensionSettings.From(environment, layers, Config.ChaosExtensionRelease);
        Volatile.Write(ref _chaos, new ChaosSettingsOf(environment, layers, settings));
        return settings;
    }

    private (ActiveFault Fault, IFunctionFaultInjector Injector)[] FaultsOnThisFunction()
    {
        var id = Config.Id;
        var snapshot = _faults.Snapshot();
        if (snapshot.Count == 0)
        {
            return [];
        }

        var found = new List<(ActiveFault, IFunctionFaultInjector)>();
        foreach (var fault in snapshot)
        {
            if (FaultKindRegistry.InjectorOf<IFunctionFaultInjector>(fault) is { } injector && fault.Targets.Contains(id, StringComparer.Ordinal))
            {
                found.Add((fault, injector));
            }
        }

        return [.. found];
    }

    private int ConcurrencyLimit((ActiveFault Fault, IFunctionFaultInjector Injector)[] faults, out IReadOnlyList<string> throttleIds)
    {
        var limit = Config.ReservedConcurrency ?? int.MaxValue;
        List<string>? ids = null;
        foreach (var (fault, injector) in faults)
        {
            if (injector.ConcurrencyLimit(fault) is { } allowed)
            {
                limit = Math.Min(limit, allowed);
                (ids ??= []).Add(fault.Id);
            }
        }

        throttleIds = (IReadOnlyList<string>?)ids ?? [];
        return limit;
    }

    // Under the lock.
    private bool AcquireEnvironment()
    {
        while (_idleSince.TryPop(out var since))
        {
            if (_timeProvider.GetElapsedTime(since) <= Config.KeepWarm)
            {
                return false;
            }

            // The most recently used environment has expired, so every older one has too.
            _idleSince.Clear();
        }

        return true;
    }

    private sealed record ChaosSettingsOf(ImmutableDictionary<string, string> Environment, string[] Layers, ChaosExtensionSettings Settings);
}
