using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Topology;
using Faultline.Lab.Health;
using Faultline.Lab.Hosting;
using Faultline.Lab.Limits;
using Faultline.Lab.Runs.Effects;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Runs.Labs;

/// <summary>
/// The run's own live lab, in this process: started with the run and stopped with it (which reverts whatever is
/// left). A fault it reverted because the run's lease lapsed (this process was paused) is reported at once.
/// </summary>
public sealed class OwnRunLab : LiveRunLab
{
    private readonly IReadOnlyList<ClientConfig> _populations;
    private readonly ProbeTargets _targets = new();
    private LabHost? _lab;

    /// <summary>Creates the lab for a run of <paramref name="topology"/> with <paramref name="populations"/> (its gateways are sized for them).</summary>
    public OwnRunLab(Topology topology, IReadOnlyList<ClientConfig> populations, RunOptions options, ILoggerFactory loggers)
        : base(topology, options, loggers)
    {
        _populations = populations;
    }

    /// <inheritdoc />
    public override Uri? ControlUrl => _lab?.ControlUrl;


    /// <inheritdoc />
    public override bool IsOwn => true;

    /// <inheritdoc />
    protected override async Task<IExperimentEffects> StartLabAsync(IRunLabSink sink, CancellationToken cancellationToken)
    {
        _lab = await LabHost.StartAsync(Topology, new LabOptions { Seed = Options.Seed, Clock = Clock, GatewayMaxConnections = DescriptorNeed.GatewayLimit(_populations, Topology) }, Loggers, cancellationToken).ConfigureAwait(false);
        _lab.Health.ShareChanged += (_, share) => sink.Record(RunLabEvents.ShareChanged(share));
        _lab.Health.Transitioned += (_, t) => sink.Record(RunLabEvents.HealthChanged(t));
        _lab.HealthProbed += (_, probe) => OnProbed(sink, probe);
        _lab.Faults.Reverted += (_, e) =>
        {
            // The lease lapsed at its expiry (the fault stopped applying then), whenever the sweep got to it.
            if (e.Reason == FaultRevertReason.LeaseExpired && string.Equals(e.Fault.Owner, sink.RunId, StringComparison.Ordinal))
            {
                sink.ReportLapsed(e.Fault.Id, e.Fault.LeaseExpiresAt);
            }
        };
        return new LabExperimentEffects(_lab.Faults, _lab.Functions, sink.Random.Derive());
    }

    /// <inheritdoc />
    protected override Task<(int DnsPort, int HttpPort)> PortsAsync(CancellationToken cancellationToken) =>
        Task.FromResult((_lab!.DnsEndPoint.Port, _lab.HttpPort));

    /// <inheritdoc />
    protected override async ValueTask DisposeLabAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnProbed(IRunLabSink sink, HealthProbeResult probe)
    {
        if (_targets.Changed(probe.CheckId, probe.Location, probe.Address))
        {
            sink.Record(RunLabEvents.ProbeTarget(probe.At, probe.CheckId, probe.Location, probe.Address, Topology, Plan));
        }
    }
}
