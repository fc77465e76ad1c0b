namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// Hands out logical ids unique within one template: two names that reduce to the same letters and digits
/// (<c>a-b</c>, <c>a.b</c>) get <c>AB</c> and <c>AB2</c>, always in the topology's order, so exports are stable.
/// </summary>
internal sealed class LogicalIds
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _given = new(StringComparer.Ordinal);

    /// <summary>The id for <paramref name="key"/> (the same on every call), made from <paramref name="prefix"/> and <paramref name="name"/>.</summary>
    public string For(string prefix, string name, string? key = null)
    {
        key ??= prefix + "\n" + name;
        if (_given.TryGetValue(key, out var given))
        {
            return given;
        }

        var id = prefix + Cfn.Pascal(name);
        if (id.Length > 200)
        {
            id = id[..200];
        }

        var candidate = id;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = id + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _given[key] = candidate;
        return candidate;
    }
}
