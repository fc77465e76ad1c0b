using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;

namespace Faultline.Core.Tests.Experiments.Execution;

/// <summary>
/// Effects that complete at once and record every call with the lab time it was made at. Leases are kept as a lab
/// keeps them: a fault not renewed before its lease ends is gone (renew and revert answer false).
/// </summary>
internal sealed class RecordingEffects(TimeProvider time) : IExperimentEffects
{
    private readonly Dictionary<string, ActiveFault> _active = new(StringComparer.Ordinal);
    private int _next;

    public List<string> Calls { get; } = [];

    public Dictionary<string, FunctionConfiguration> Functions { get; } = new(StringComparer.Ordinal)
    {
        ["us-east-1/hello"] = new FunctionConfiguration { Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["STAGE"] = "prod" } },
    };

    public HashSet<string> FailingActions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ActiveFault> Active => _active.Values;

    public int Renewals { get; private set; }

    /// <summary>When set, every renewal throws it (a lab that does not answer).</summary>
    public Exception? RenewFailure { get; set; }

    /// <summary>When set, faults resolve their targets as a lab does (<c>COUNT</c>/<c>PERCENT</c> drawn by the store).</summary>
    public FaultStore? Store { get; set; }

    /// <summary>When set, every revert throws it.</summary>
    public Exception? RevertFailure { get; set; }

    public Task<ActiveFault> ApplyFaultAsync(FaultAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Log($"apply {action.Name}");
        if (FailingActions.Contains(action.Name))
        {
            throw new InvalidOperationException($"cannot apply {action.Name}");
        }

        var fault = new ActiveFault
        {
            Id = "f" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Owner = owner,
            Spec = ExecutionTargets.ToFaultSpec(action, target),
            Targets = Store is { } store
                ? store.Add(ExecutionTargets.ToFaultSpec(action, target), owner, lease).Targets
                : [target.Target.Region + "/" + (target.Target.Function ?? "hello")],
            AppliedAt = time.GetUtcNow(),
            LeaseExpiresAt = time.GetUtcNow() + lease,
        };
        _active[fault.Id] = fault;
        return Task.FromResult(fault);
    }

    public Task<bool> RenewFaultAsync(string faultId, TimeSpan lease, CancellationToken cancellationToken)
    {
        Renewals++;
        Log($"renew {faultId}");
        if (RenewFailure is not null)
        {
            throw RenewFailure;
        }

        if (!Lapse(faultId))
        {
            return Task.FromResult(false);
        }

        _active[faultId] = _active[faultId] with { LeaseExpiresAt = time.GetUtcNow() + lease };
        return Task.FromResult(true);
    }

    public Task<bool> RevertFaultAsync(string faultId, CancellationToken cancellationToken)
    {
        Log($"revert {faultId}");
        if (RevertFailure is not null)
        {
            throw RevertFailure;
        }

        return Task.FromResult(Lapse(faultId) && _active.Remove(faultId));
    }

    public Task<int> RevertOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        Log($"revert-owner {owner}");
        var count = _active.Count;
        _active.Clear();
        return Task.FromResult(count);
    }

    public int ConfigurationRenewals { get; private set; }

    public Task<bool> RenewConfigurationAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ConfigurationRenewals++;
        Log($"renew-configuration {owner} {lease.TotalSeconds:0}s");
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<ConfigurationChange>> ConfigureAsync(ConfigureAction action, TargetDefinition target, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Log($"configure {action.Name}");
        var id = target.Target.Region + "/" + target.Target.Function;
        var before = Functions[id];
        var environment = new Dictionary<string, string>(before.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in action.SetEnvironment)
        {
            environment[name] = value;
        }

        foreach (var name in action.UnsetEnvironment)
        {
            environment.Remove(name);
        }

        var layers = before.Layers.ToList();
        if (action.AttachLayer is { } attach && !layers.Contains(attach))
        {
            layers.Add(attach);
        }

        if (action.DetachLayer is { } detach)
        {
            layers.Remove(detach);
        }

        var after = new FunctionConfiguration { Environment = environment, Layers = layers };
        Functions[id] = after;
        return Task.FromResult<IReadOnlyList<ConfigurationChange>>([new ConfigurationChange { Function = id, Before = before, After = after }]);
    }

    public Task<ConfigurationChange> RestoreAsync(string function, FunctionConfiguration configuration, string owner, CancellationToken cancellationToken)
    {
        Log($"restore {function}");
        var before = Functions[function];
        Functions[function] = configuration;
        return Task.FromResult(new ConfigurationChange { Function = function, Before = before, After = configuration });
    }

    /// <summary>Drops a fault as the lab does when its lease lapses, without the scheduler asking.</summary>
    public void Expire(string faultId) => _active.Remove(faultId);

    /// <returns>Whether the fault is still active: one whose lease has ended is dropped, as the lab's sweep would.</returns>
    private bool Lapse(string faultId)
    {
        if (_active.TryGetValue(faultId, out var fault) && fault.LeaseExpiresAt <= time.GetUtcNow())
        {
            _active.Remove(faultId);
        }

        return _active.ContainsKey(faultId);
    }

    private void Log(string call) => Calls.Add($"{call} @{(time.GetUtcNow() - ExperimentSchedulerTests.Start).TotalSeconds:0}s");
}
