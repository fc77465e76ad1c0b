using System.Net;

namespace Faultline.Lab.Runs.Labs;

/// <summary>Remembers where each check's probes from each location went, so only changes are reported.</summary>
internal sealed class ProbeTargets
{
    private readonly Dictionary<(string Check, string Location), string?> _targets = [];
    private readonly Lock _lock = new();

    /// <summary>Whether <paramref name="address"/> is new for the check and location (and remembers it).</summary>
    public bool Changed(string checkId, string location, IPAddress? address)
    {
        var text = address?.ToString();
        lock (_lock)
        {
            var key = (checkId, location);
            if (_targets.TryGetValue(key, out var previous) && previous == text)
            {
                return false;
            }

            _targets[key] = text;
            return true;
        }
    }
}
