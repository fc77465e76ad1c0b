using System.Collections.Concurrent;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Functions;

namespace Faultline.Lab.Control;

/// <summary>
/// Changes functions' environment and layers at run time and remembers, per owner, each function's
/// configuration before that owner's first change, so a dead run's changes can be undone (<c>faultline recover</c>).
/// </summary>
public sealed class FunctionConfigurator
{
    private readonly FunctionFleet _fleet;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<(string Owner, string Function), FunctionConfiguration> _originals = new();
    private readonly Dictionary<string, DateTimeOffset> _leases = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a configurator of a fleet; leases on changes run on the lab clock <paramref name="time"/>.</summary>
    public FunctionConfigurator(FunctionFleet fleet, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(time);
        _fleet = fleet;
        _time = time;
    }

    /// <summary>A function's configuration now.</summary>
    public static FunctionConfiguration Current(FunctionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return new FunctionConfiguration { Environment = runtime.Environment, Layers = runtime.Layers };
    }

    /// <summary>The configuration the topology gives a function (its environment and layers).</summary>
    public static FunctionConfiguration Initial(FunctionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return new FunctionConfiguration { Environment = runtime.Config.Environment, Layers = runtime.Config.Layers };
    }

    /// <summary>Every function, described.</summary>
    public IReadOnlyList<FunctionDescription> Describe() => _fleet.All
        .Select(r => new FunctionDescription { Id = r.Config.Id, Environment = r.Environment, Layers = r.Layers, Changed = !Current(r).SameAs(Initial(r)) })
        .ToArray();

    /// <summary>
    /// Applies <paramref name="request"/> to the function <paramref name="id"/>. The request is checked whole first
    /// (the function, null names or values, the lease of at most <see cref="FaultLimits.MaximumLease"/>), so a bad
    /// request changes nothing.
    /// </summary>
    /// <exception cref="InvalidInputException">No such function, or the request is invalid; nothing changed.</exception>
    public ConfigurationChange Configure(string id, ConfigureFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runtime = Find(id);
        Validate(request);
        return Apply(runtime, request, record: true);
    }

    private static void Validate(ConfigureFunctionRequest request)
    {
        var errors = new List<string>();
        foreach (var (name, value) in request.Set ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            if (value is null)
            {
                errors.Add($"set: variable '{name}' has no value (null); give a string, or unset the variable");
            }
        }

        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            if (value is null)
            {
                errors.Add($"environment: variable '{name}' has no value (null); give a string");
            }
        }

        if (request.Unset?.Any(n => n is null) == true)
        {
            errors.Add("unset: a variable name is null; give names as strings");
        }

        if (request.Layers?.Any(n => n is null) == true)
        {
            errors.Add("layers: a layer name is null; give names as strings");
        }

        if (request.Lease is { } lease && FaultLimits.LeaseProblem(lease) is { } problem)
        {
            errors.Add(problem);
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors.Select(e => Diagnostic.Error(null, e, null)).ToArray());
        }
    }

    private ConfigurationChange Apply(FunctionRuntime runtime, ConfigureFunctionRequest request, bool record)
    {
        lock (_lock)
        {
            // Decided before anything changes: the lease was checked, and its expiry cannot overflow.
            var until = request.Lease is { } lease ? FaultLimits.ExpiryOf(_time.GetUtcNow(), lease) : (DateTimeOffset?)null;
            var before = Current(runtime);
            var environment = new Dictionary<string, string>(request.Environment ?? before.Environment, StringComparer.Ordinal);
            foreach (var name in request.Unset ?? [])
            {
                environment.Remove(name);
            }

            foreach (var (name, value) in request.Set ?? new Dictionary<string, string>(StringComparer.Ordinal))
            {
                environment[name] = value;
            }

            var layers = (request.Layers ?? before.Layers).ToList();
            if (request.DetachLayer is { } detach)
            {
                layers.Remove(detach);
            }

            if (request.AttachLayer is { } attach && !layers.Contains(attach, StringComparer.Ordinal))
            {
                layers.Add(attach);
            }

            var after = new FunctionConfiguration { Environment = environment, Layers = layers };
            var changes = before.EnvironmentChangesTo(after);
            if (changes.Count > 0)
            {
                runtime.Configure(changes);
            }

            if (!before.Layers.SequenceEqual(layers, StringComparer.Ordinal))
            {
                runtime.SetLayers(layers);
            }

            if (record)
            {
                var owner = OwnerOf(request.Owner);
                _originals.TryAdd((owner, runtime.Config.Id), before);
                if (until is { } expiry)
                {
                    _leases[owner] = _leases.TryGetValue(owner, out var was) && was > expiry ? was : expiry;
                }
            }

            return new ConfigurationChange { Function = runtime.Config.Id, Before = before, After = Current(runtime) };
        }
    }

    /// <summary>
    /// Puts a function back to <paramref name="configuration"/>. When that is how it was before the owner's first
    /// change, the owner no longer holds it: a lapsing lease will not touch it again.
    /// </summary>
    public ConfigurationChange Restore(string id, FunctionConfiguration configuration, string owner)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var change = Configure(id, new ConfigureFunctionRequest { Owner = owner, Environment = configuration.Environment, Layers = configuration.Layers });
        var key = (OwnerOf(owner), change.Function);
        lock (_lock)
        {
            if (_originals.TryGetValue(key, out var original) && original.SameAs(change.After))
            {
                _originals.TryRemove(key, out _);
                if (!_originals.Keys.Any(k => string.Equals(k.Owner, key.Item1, StringComparison.Ordinal)))
                {
                    _leases.Remove(key.Item1);
                }
            }
        }

        return change;
    }

    /// <summary>Extends the lease on <paramref name="owner"/>'s changes to <paramref name="lease"/> from now.</summary>
    /// <returns>Whether the owner holds any change (a lapsed or restored owner holds none).</returns>
    /// <exception cref="InvalidInputException">No owner, or the lease is not positive or longer than <see cref="FaultLimits.MaximumLease"/>; nothing changed.</exception>
    public bool Renew(string owner, TimeSpan lease) => RenewUntil(owner, lease) is not null;

    /// <summary>Extends the lease on <paramref name="owner"/>'s changes to <paramref name="lease"/> from now.</summary>
    /// <returns>When the lease now lapses (lab time), or <c>null</c> when the owner holds no change.</returns>
    /// <exception cref="InvalidInputException">No owner, or the lease is not positive or longer than <see cref="FaultLimits.MaximumLease"/>; nothing changed.</exception>
    public DateTimeOffset? RenewUntil(string owner, TimeSpan lease)
    {
        if (string.IsNullOrEmpty(owner))
        {
            throw new InvalidInputException("owner is required: whose configuration changes to renew (a run id, or cli)");
        }

        FaultLimits.ThrowIfInvalidLease(lease);
        lock (_lock)
        {
            if (!_originals.Keys.Any(k => string.Equals(k.Owner, owner, StringComparison.Ordinal)))
            {
                return null;
            }

            var until = FaultLimits.ExpiryOf(_time.GetUtcNow(), lease);
            _leases[owner] = until;
            return until;
        }
    }

    /// <summary>Restores the changes of every owner whose lease has lapsed (its runner died or lost the lab).</summary>
    /// <returns>Each lapsed owner and the functions put back.</returns>
    public IReadOnlyList<(string Owner, IReadOnlyList<ConfigurationChange> Restored)> ExpireLapsed()
    {
        string[] lapsed;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            lapsed = [.. _leases.Where(l => l.Value <= now).Select(l => l.Key)];
            foreach (var owner in lapsed)
            {
                _leases.Remove(owner);
            }
        }

        return [.. lapsed.Select(owner => (owner, RestoreAll(owner)))];
    }

    /// <summary>
    /// Undoes changes: with an owner, every function that owner changed goes back to what it was before the
    /// owner's first change; without, every changed function goes back to the topology's configuration.
    /// </summary>
    /// <returns>The functions that changed.</returns>
    public IReadOnlyList<ConfigurationChange> RestoreAll(string? owner)
    {
        var targets = owner is null
            ? _fleet.All.Select(r => (r.Config.Id, Initial(r))).ToArray()
            : _originals.Where(p => string.Equals(p.Key.Owner, owner, StringComparison.Ordinal)).Select(p => (p.Key.Function, p.Value)).ToArray();
        var restored = new List<ConfigurationChange>();
        foreach (var (id, configuration) in targets)
        {
            if (Current(Find(id)).SameAs(configuration))
            {
                continue;
            }

            restored.Add(Apply(Find(id), new ConfigureFunctionRequest { Environment = configuration.Environment, Layers = configuration.Layers }, record: false));
        }

        lock (_lock)
        {
            foreach (var key in _originals.Keys.Where(k => owner is null || string.Equals(k.Owner, owner, StringComparison.Ordinal)))
            {
                _originals.TryRemove(key, out _);
            }

            if (owner is null)
            {
                _leases.Clear();
            }
            else
            {
                _leases.Remove(owner);
            }
        }

        return restored;
    }

    private static string OwnerOf(string? owner) => string.IsNullOrWhiteSpace(owner) ? "cli" : owner;

    private FunctionRuntime Find(string id) =>
        _fleet.Find(id) ?? throw new InvalidInputException($"no function '{id}'; functions: {string.Join(", ", _fleet.All.Select(r => r.Config.Id))}");
}
