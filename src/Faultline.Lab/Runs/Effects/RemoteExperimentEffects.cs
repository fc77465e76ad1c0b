using System.Net;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Randomness;
using Faultline.Lab.Control;

namespace Faultline.Lab.Runs.Effects;

/// <summary>
/// Experiment effects on a running lab through its fault control API (<c>faultline run --lab URL</c>). The lab
/// resolves faults' <c>COUNT</c>/<c>PERCENT</c>; configure targets are resolved here, once, against the same topology.
/// </summary>
public sealed class RemoteExperimentEffects : IExperimentEffects
{
    private readonly FaultControlClient _client;
    private readonly Core.Topology.Topology _topology;
    private readonly RandomSource _random;
    private readonly Action<HttpRequestException>? _refused;

    /// <summary>Creates effects on the lab behind <paramref name="client"/>.</summary>
    /// <param name="client">The lab's control client.</param>
    /// <param name="topology">The topology the lab runs (configure targets are resolved against it).</param>
    /// <param name="random">The run's source for configure targets' <c>COUNT</c>/<c>PERCENT</c>.</param>
    /// <param name="refused">Told, before the failure is thrown, when the lab refuses the connection for a fault or a change (default none).</param>
    public RemoteExperimentEffects(FaultControlClient client, Core.Topology.Topology topology, RandomSource random, Action<HttpRequestException>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(random);
        _client = client;
        _topology = topology;
        _random = random;
        _refused = refused;
    }

    /// <inheritdoc />
    public async Task<ActiveFault> ApplyFaultAsync(FaultAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.AddAsync(ExecutionTargets.ToFaultSpec(action, target), owner, lease, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Labs.RemoteRunLab.IsRefused(ex))
        {
            // The lab is gone: say so first, so the run ends as "the lab stopped answering" rather than as a failed action.
            _refused?.Invoke(ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RenewFaultAsync(string faultId, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            await _client.RenewAsync(faultId, lease, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FaultControlException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RevertFaultAsync(string faultId, CancellationToken cancellationToken)
    {
        try
        {
            await _client.RemoveAsync(faultId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FaultControlException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<int> RevertOwnerAsync(string owner, CancellationToken cancellationToken) =>
        _client.RemoveByOwnerAsync(owner, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConfigurationChange>> ConfigureAsync(ConfigureAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var functions = ExecutionTargets.ResolveFunctions(target, _topology, _random);
        var request = ConfigureFunctionRequest.From(action, owner, lease);
        var changes = new List<ConfigurationChange>(functions.Count);
        foreach (var function in functions)
        {
            changes.Add(await _client.ConfigureFunctionAsync(function, request, cancellationToken).ConfigureAwait(false));
        }

        return changes;
    }

    /// <inheritdoc />
    public Task<bool> RenewConfigurationAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        _client.RenewConfigurationAsync(owner, lease, cancellationToken);

    /// <inheritdoc />
    public Task<ConfigurationChange> RestoreAsync(string function, FunctionConfiguration configuration, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _client.ConfigureFunctionAsync(function, new ConfigureFunctionRequest { Owner = owner, Environment = configuration.Environment, Layers = configuration.Layers }, cancellationToken);
    }
}
