namespace Faultline.Core.Functions;

/// <summary>
/// One invocation's timeout and what has acted on it so far (<see cref="FunctionRuntime"/>). The timeout timer is
/// armed the first time the invocation waits (<see cref="Token"/>), for the time left: most invocations never wait,
/// and a timer per invocation is a lock and four objects at thousands of requests a second.
/// </summary>
internal sealed class InvocationScope : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _caller;
    private readonly bool _coldStart;
    private readonly long _start;
    private CancellationTokenSource? _timer;
    private CancellationTokenSource? _linked;
    private List<string>? _applied;

    /// <summary>Starts the timeout's clock now.</summary>
    public InvocationScope(TimeSpan timeout, TimeProvider timeProvider, bool coldStart, CancellationToken caller)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _caller = caller;
        _coldStart = coldStart;
        _start = timeProvider.GetTimestamp();
    }

    /// <summary>Latency injected by faults and the chaos extension.</summary>
    public TimeSpan InjectedLatency { get; set; }

    /// <summary>Cancelled when the timeout passes or the caller goes away; arms the timeout on first use.</summary>
    public CancellationToken Token
    {
        get
        {
            if (_timer is null)
            {
                var left = _timeout - _timeProvider.GetElapsedTime(_start);
                if (left > TimeSpan.Zero)
                {
                    _timer = new CancellationTokenSource(left, _timeProvider);
                }
                else
                {
                    _timer = new CancellationTokenSource();
                    _timer.Cancel();
                }

                // The gateway's invocations cannot be cancelled (they run on after it gives up): then the timeout alone ends one.
                _linked = _caller.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_caller, _timer.Token) : null;
            }

            return (_linked ?? _timer).Token;
        }
    }

    /// <summary>Whether the timeout has passed (only once something waited).</summary>
    public bool TimedOut => _timer?.IsCancellationRequested == true;

    /// <summary>Whether <see cref="Token"/> is cancelled.</summary>
    public bool Cancelled => (_linked ?? _timer)?.IsCancellationRequested == true;

    /// <summary>Records that a fault (or the chaos extension) acted.</summary>
    public void Applied(string faultId) => (_applied ??= []).Add(faultId);

    /// <summary>The invocation's outcome, with its cold start, injected latency and the faults that acted.</summary>
    public FunctionOutcome Outcome(FunctionOutcomeKind kind, LambdaProxyResult? result = null, string? rawPayload = null, string? error = null) => new()
    {
        Kind = kind,
        Result = result,
        RawPayload = rawPayload,
        Error = error,
        ColdStart = _coldStart,
        InjectedLatency = InjectedLatency,
        Faults = (IReadOnlyList<string>?)_applied ?? [],
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _linked?.Dispose();
        _timer?.Dispose();
    }
}
