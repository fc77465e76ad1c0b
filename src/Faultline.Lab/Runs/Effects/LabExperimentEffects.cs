using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;
using Faultline.Lab.Control;
using Faultline.Lab.Hosting;

namespace Faultline.Lab.Runs.Effects;

/// <summary>
/// Experiment effects on a lab in this process: faults go straight into its <see cref="FaultStore"/> (which
/// resolves <c>COUNT</c>/<c>PERCENT</c> once), configuration into its <see cref="FunctionFleet"/>.
/// </summary>
public sealed class LabExperimentEffects : IExperimentEffects
{
    private readonly FaultStore _faults;
    private readonly FunctionConfigurator _configurator;
    private readonly Core.Topology.Topology _topology;
    private readonly RandomSource _random;

    /// <summary>Creates effects on a lab's parts.</summary>
    /// <param name="faults">The lab's faults.</param>
    /// <param name="functions">The lab's functions.</param>
    /// <param name="random">The source configure targets' <c>COUNT</c>/<c>PERCENT</c> are drawn from.</param>
    public LabExperimentEffects(FaultStore faults, FunctionFleet functions, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(random);
        _faults = faults;
        _configurator = new FunctionConfigurator(functions, faults.Time);
        _topology = faults.Topology;
        _random = random;
    }

    /// <summary>Creates effects on a running <see cref="LabHost"/>, drawing selection from a source derived from its seeded one.</summary>
    public static LabExperimentEffects For(LabHost lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return new LabExperimentEffects(lab.Faults, lab.Functions, lab.Random.Derive());
    }

    /// <inheritdoc />
    public Task<ActiveFault> ApplyFaultAsync(FaultAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult(_faults.Add(ExecutionTargets.ToFaultSpec(action, target), owner, lease));

    /// <inheritdoc />
    public Task<bool> RenewFaultAsync(string faultId, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult(_faults.Renew(faultId, lease) is not null);

    /// <inheritdoc />
    public Task<bool> RevertFaultAsync(string faultId, CancellationToken cancellationToken) =>
        Task.FromResult(_faults.Remove(faultId));

    /// <inheritdoc />
    public Task<int> RevertOwnerAsync(string owner, CancellationToken cancellationToken) =>
        Task.FromResult(_faults.RemoveByOwner(owner));

    /// <inheritdoc />
    public Task<IReadOnlyList<ConfigurationChange>> ConfigureAsync(ConfigureAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var functions = ExecutionTargets.ResolveFunctions(target, _topology, _random);
        var request = ConfigureFunctionRequest.From(action, owner, lease);
        return Task.FromResult<IReadOnlyList<ConfigurationChange>>(functions.Select(f => _configurator.Configure(f, request)).ToArray());
    }

    /// <inheritdoc />
    public Task<bool> RenewConfigurationAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult(_configurator.Renew(owner, lease));

    /// <inheritdoc />
    public Task<ConfigurationChange> RestoreAsync(string function, FunctionConfiguration configuration, string owner, CancellationToken cancellationToken) =>
        Task.FromResult(_configurator.Restore(function, configuration, owner));
}
