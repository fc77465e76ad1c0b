namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// What a run's configure actions changed, function by function, and how to put it back: each function's configuration
/// before the run first changed it (what an undo restores) and its configuration now. <see cref="UndoAsync"/> restores
/// in reverse order of first change, as an undo stack does, and only the functions not already as they were, so a
/// second undo restores nothing. Thread-safe: the lease renewer reads it from its timer.
/// </summary>
internal sealed class ConfigurationLedger
{
    private readonly Lock _lock = new();
    private readonly List<string> _functions = [];
    private readonly Dictionary<string, FunctionConfiguration> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionConfiguration> _currents = new(StringComparer.Ordinal);

    /// <summary>Every function changed so far, in order of first change.</summary>
    public IReadOnlyList<string> Functions
    {
        get
        {
            lock (_lock)
            {
                return _functions.ToArray();
            }
        }
    }

    /// <summary>Whether some function is not as it was before the run changed it (its changes need their lease renewed).</summary>
    public bool HasChanges
    {
        get
        {
            lock (_lock)
            {
                return _functions.Any(f => !_currents[f].SameAs(_originals[f]));
            }
        }
    }

    /// <summary>Records a change: the function's first <see cref="ConfigurationChange.Before"/> is what an undo restores.</summary>
    public void Record(ConfigurationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (_originals.TryAdd(change.Function, change.Before))
            {
                _functions.Add(change.Function);
            }

            _currents[change.Function] = change.After;
        }
    }

    /// <summary>The functions to put back and what to put back, in the order to do it: last first changed first.</summary>
    public IReadOnlyList<(string Function, FunctionConfiguration Original)> ToUndo()
    {
        lock (_lock)
        {
            return _functions.AsEnumerable().Reverse().Where(f => !_currents[f].SameAs(_originals[f])).Select(f => (f, _originals[f])).ToArray();
        }
    }

    /// <summary>
    /// Puts every changed function back (<see cref="ToUndo"/>), one at a time; a function that cannot be restored does not
    /// keep the others changed and stays to undo.
    /// </summary>
    /// <param name="restore">Restores one function to a configuration; returns the change made.</param>
    /// <param name="restored">Called with each function restored and the change.</param>
    /// <param name="failed">Called with each function whose restore threw.</param>
    public async Task UndoAsync(Func<string, FunctionConfiguration, Task<ConfigurationChange>> restore, Action<string, ConfigurationChange> restored, Action<string, Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(restored);
        ArgumentNullException.ThrowIfNull(failed);
        foreach (var (function, original) in ToUndo())
        {
            ConfigurationChange change;
            try
            {
                change = await restore(function, original).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One function that cannot be restored must not keep the others changed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(function, ex);
                continue;
            }

            lock (_lock)
            {
                _currents[function] = change.After;
            }

            restored(function, change);
        }
    }
}
