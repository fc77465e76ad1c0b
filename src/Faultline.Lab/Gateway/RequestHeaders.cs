using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Faultline.Lab.Gateway;

/// <summary>
/// A request's headers as the function sees them (names case-insensitive, one value each): an array searched in
/// order, which for the handful of headers a request carries costs less to build and to read than a dictionary.
/// </summary>
internal sealed class RequestHeaders : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _headers;

    /// <summary>Wraps headers whose names are distinct (case-insensitively), as Kestrel's are.</summary>
    public RequestHeaders(KeyValuePair<string, string>[] headers) => _headers = headers;

    /// <inheritdoc />
    public int Count => _headers.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _headers.Select(h => h.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => _headers.Select(h => h.Value);

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The request has no '{key}' header.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var (name, found) in _headers)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                value = found;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_headers).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
