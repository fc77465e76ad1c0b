using Faultline.Core.Experiments.Execution;
using Faultline.Core.Runs;
using Faultline.Core.Topology;
using Faultline.Lab.Control;
using Faultline.Lab.Runs.Effects;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Runs.Labs;

/// <summary>
/// A running lab (<c>--lab URL</c>), reached over its control API. Its health is seen by polling every lab
/// second; a lab that stops answering (<see cref="RunOptions.LabUnreachablePolls"/> failed polls in a row over at
/// least <see cref="RunOptions.LabUnreachableAfter"/> of wall time, so a pause of this process alone never counts)
/// ends the run as failed, logged once. A refused connection ends it at once, from a poll or from applying a fault or
/// a change: only a closed port refuses, which no pause of this process can cause, and a fault applied later (the FIS
/// ramp-up) must fail as "the lab stopped answering", not as an action of the experiment.
/// </summary>
public sealed class RemoteRunLab : LiveRunLab
{
    private readonly Dictionary<string, bool> _polledHealth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _polledShare = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private FaultControlClient? _remote;
    private ITimer? _healthPoll;
    private int _polling;
    private int _pollFailures;
    private long _firstPollFailure;
    private DateTimeOffset _firstPollFailureAt;
    private int _labLost;

    /// <summary>Creates the connection for a run of <paramref name="topology"/> against the lab at <see cref="RunOptions.LabUrl"/>.</summary>
    public RemoteRunLab(Topology topology, RunOptions options, ILoggerFactory loggers)
        : base(topology, options, loggers)
    {
        ArgumentNullException.ThrowIfNull(options?.LabUrl, nameof(options));
        _logger = loggers.CreateLogger<ExperimentRunner>();

        // Bounded: a lab that hangs must not hold a revert or a poll for HttpClient's default 100 s.
        _http = new HttpClient { Timeout = options.LabCallTimeout };
    }

    /// <inheritdoc />
    public override Uri? ControlUrl => Options.LabUrl;


    /// <inheritdoc />
    public override bool IsOwn => false;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, bool> InitialHealth
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, bool>(_polledHealth, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<IExperimentEffects> StartLabAsync(IRunLabSink sink, CancellationToken cancellationToken)
    {
        _remote = new FaultControlClient(_http, Options.LabUrl!, Options.LabToken ?? string.Empty);
        var lab = await _remote.GetLabAsync(cancellationToken).ConfigureAwait(false);
        var missing = Topology.Regions.Select(r => r.Name).Except(lab.Regions.Select(r => r.Name), StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || lab.DnsPort is null || lab.HttpPort is null)
        {
            throw new InvalidOperationException(
                $"the lab at {Options.LabUrl} runs topology '{lab.Name}' (regions {string.Join(", ", lab.Regions.Select(r => r.Name))}), which lacks {string.Join(", ", missing)} of the experiment's topology; start the lab with the experiment's topology or pass --topology");
        }

        foreach (var check in lab.HealthChecks)
        {
            _polledHealth[check.Id] = check.Healthy;
        }

        _healthPoll = Clock.CreateTimer(_ => _ = PollHealthAsync(sink), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return new RemoteExperimentEffects(_remote, Topology, sink.Random.Derive(), ex => OnRefused(sink, Clock.GetUtcNow(), ex.Message));
    }

    /// <inheritdoc />
    protected override async Task<(int DnsPort, int HttpPort)> PortsAsync(CancellationToken cancellationToken)
    {
        var lab = await _remote!.GetLabAsync(cancellationToken).ConfigureAwait(false);
        return (lab.DnsPort!.Value, lab.HttpPort!.Value);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeLabAsync()
    {
        if (_healthPoll is not null)
        {
            await _healthPoll.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }

    private async Task PollHealthAsync(IRunLabSink sink)
    {
        // One poll at a time: a lab that hangs is not asked again before its poll has timed out.
        if (Volatile.Read(ref _labLost) != 0 || Interlocked.Exchange(ref _polling, 1) != 0)
        {
            return;
        }

        var asked = Clock.GetUtcNow();
        var askedWall = Options.WallClock.GetTimestamp();
        try
        {
            var lab = await _remote!.GetLabAsync(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _pollFailures, 0);
            var at = Clock.GetUtcNow();
            foreach (var check in lab.HealthChecks)
            {
                bool changed;
                bool shareChanged;
                lock (_lock)
                {
                    changed = !_polledHealth.TryGetValue(check.Id, out var was) || was != check.Healthy;
                    _polledHealth[check.Id] = check.Healthy;

                    // The share as polled: a running lab is asked, not told, so a view that flipped and back between polls is not seen.
                    shareChanged = !_polledShare.TryGetValue(check.Id, out var share) || share != check.PercentageHealthy;
                    _polledShare[check.Id] = check.PercentageHealthy;
                }

                if (shareChanged)
                {
                    sink.Record(new HealthShareChanged { At = at, HealthCheck = check.Id, PercentageHealthy = check.PercentageHealthy });
                }

                if (changed)
                {
                    sink.Record(new HealthChanged { At = at, HealthCheck = check.Id, Healthy = check.Healthy, PercentageHealthy = check.PercentageHealthy });
                }
            }
        }
        catch (Exception ex) when (IsRefused(ex))
        {
            OnRefused(sink, asked, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or FaultControlException or TaskCanceledException or IOException)
        {
            RunLog.HealthPollFailed(_logger, ex.Message);
            OnPollFailed(sink, asked, askedWall, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the lab's port refusing the connection (nothing listens there).</summary>
    internal static bool IsRefused(Exception exception) =>
        exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } };

    private void OnRefused(IRunLabSink sink, DateTimeOffset at, string error)
    {
        if (Interlocked.Exchange(ref _labLost, 1) != 0)
        {
            return;
        }

        var problem = RunProblems.LabUnreachable(at, at - sink.RunStart, Options.LabUrl!, error);
        RunLog.LabUnreachable(_logger, problem.Message);
        sink.Fail(problem);
    }

    private void OnPollFailed(IRunLabSink sink, DateTimeOffset asked, long askedWall, string error)
    {
        int failures;
        long first;
        DateTimeOffset firstAt;
        lock (_lock)
        {
            failures = ++_pollFailures;
            if (failures == 1)
            {
                _firstPollFailure = askedWall;
                _firstPollFailureAt = asked;
            }

            first = _firstPollFailure;
            firstAt = _firstPollFailureAt;
        }

        if (failures < Options.LabUnreachablePolls || Options.WallClock.GetElapsedTime(first) < Options.LabUnreachableAfter
            || Interlocked.Exchange(ref _labLost, 1) != 0)
        {
            return;
        }

        var problem = RunProblems.LabUnreachable(firstAt, firstAt - sink.RunStart, Options.LabUrl!, error);
        RunLog.LabUnreachable(_logger, problem.Message);
        sink.Fail(problem);
    }
}
