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
    private volatile string[] _layers = [];
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
    public async Task<FunctionOutcome> InvokeAsync(FunctionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var faults = FaultsOnThisFunction();
        var limit = ConcurrencyLimit(faults, out var throttleIds);
        lock (_lock)
        {
            if (_inFlight >= limit)
            {
                return new FunctionOutcome { Kind = FunctionOutcomeKind.Throttled, Error = "Rate Exceeded.", Faults = throttleIds };
            }

            _inFlight++;
        }

        try
        {
            var cold = AcquireEnvironment();
            if (cold && Config.ColdStart > TimeSpan.Zero)
            {
                await LabTasks.Delay(Config.ColdStart, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            using var timeout = new CancellationTokenSource(Config.Timeout, _timeProvider);

            // The gateway's invocations cannot be cancelled (they run on after it gives up): then the timeout alone ends one.
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
            var applied = new List<string>();
            var injected = TimeSpan.Zero;
            try
            {
                var environment = Environment;
                var chaos = ChaosExtensionSettings.From(environment, _layers, Config.ChaosExtensionRelease);
                var outcome = await RunAsync(request, environment, chaos, faults, applied, d => injected = d, linked?.Token ?? timeout.Token).ConfigureAwait(false);
                ReleaseEnvironment();
                return outcome with { ColdStart = cold, InjectedLatency = injected, Faults = applied };
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Lambda restarts the runtime after a timeout: the environment is not reused.
                return new FunctionOutcome
                {
                    Kind = FunctionOutcomeKind.Timeout,
                    Error = $"Task timed out after {Config.Timeout.TotalSeconds:0.00} seconds",
                    ColdStart = cold,
                    InjectedLatency = injected,
                    Faults = applied,
                };
            }
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }
        }
    }

    private async Task<FunctionOutcome> RunAsync(
        FunctionRequest request,
        IReadOnlyDictionary<string, string> environment,
        ChaosExtensionSettings chaos,
        (ActiveFault Fault, IFunctionFaultInjector Injector)[] faults,
        List<string> applied,
        Action<TimeSpan> reportInjected,
        CancellationToken cancellationToken)
    {
        var delay = TimeSpan.Zero;
        foreach (var (fault, injector) in faults)
        {
            if (injector.Delay(fault, _random) is { } added)
            {
                delay += added;
                applied.Add(fault.Id);
            }
        }

        // The extension draws rand < p (docs/faults.md).
        if (chaos.LatencyEnabled && _random.NextDouble() < chaos.LatencyChance)
        {
            delay += chaos.Latency;
            applied.Add(ChaosExtensionFaultId);
        }

        reportInjected(delay);
        if (delay > TimeSpan.Zero)
        {
            await LabTasks.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        string? errorAfterRun = null;
        LambdaProxyResult? replacement = null;
        foreach (var (fault, injector) in faults)
        {
            if (injector.Intercept(fault, _random) is not { } effect)
            {
                continue;
            }

            applied.Add(fault.Id);
            if (effect.Error is { } error)
            {
                if (effect.PreventExecution)
                {
                    return new FunctionOutcome { Kind = FunctionOutcomeKind.FunctionError, Error = error };
                }

                errorAfterRun ??= error;
            }
            else if (effect.Result is { } result)
            {
                if (effect.PreventExecution && errorAfterRun is null)
                {
                    return new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = result };
                }

                replacement ??= result;
            }
        }

        LambdaProxyResult? handlerResult;
        string? rawReply = null;
        try
        {
            var invocation = new FunctionInvocation { Request = request, Function = Config, Environment = environment };
            handlerResult = await LabTasks.WithCancellation(_handler(invocation, cancellationToken), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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
            return new FunctionOutcome { Kind = FunctionOutcomeKind.FunctionError, Error = ex.Message };
        }

        if (errorAfterRun is not null)
        {
            return new FunctionOutcome { Kind = FunctionOutcomeKind.FunctionError, Error = errorAfterRun };
        }

        if (chaos.ResponseChangeEnabled && _random.NextDouble() < chaos.ResponseChangeChance)
        {
            applied.Add(ChaosExtensionFaultId);
            return LambdaProxyResult.TryParse(chaos.Response, out var parsed)
                ? new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = parsed }
                : new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, RawPayload = chaos.Response };
        }

        return replacement is null && handlerResult is null
            ? new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, RawPayload = rawReply }
            : new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = replacement ?? handlerResult };
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

    private bool AcquireEnvironment()
    {
        lock (_lock)
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
    }

    private void ReleaseEnvironment()
    {
        lock (_lock)
        {
            _idleSince.Push(_timeProvider.GetTimestamp());
        }
    }
}
