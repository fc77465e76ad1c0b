namespace Faultline.Core.Yaml;

/// <summary>One key/value pair of a mapping, in file order.</summary>
/// <param name="Key">The key (a scalar in every file Faultline reads; anything else is reported).</param>
/// <param name="Value">The value.</param>
public sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text, or <c>null</c> when the key is not a scalar.</summary>
    public string? KeyText => (Key as YamlScalar)?.Value;
}
