using Faultline.Core.Text;
using YamlDotNet.Core;

namespace Faultline.Core.Yaml;

/// <summary>
/// Every message of the generic YAML layer, in one place: they are API (tests pin them). A subject
/// (<c>what</c>) names the mapping, e.g. <c>health check 'hc-us'</c> or <c>the topology</c>.
/// </summary>
public static class YamlErrors
{
    /// <summary>The file holds no document.</summary>
    public static string EmptyDocument() => "the file is empty";

    /// <summary>Fix for <see cref="EmptyDocument"/>.</summary>
    public static string EmptyDocumentFix() => "write the document's keys, starting at column 1";

    /// <summary>The file holds more than one document.</summary>
    public static string MoreThanOneDocument() => "the file holds more than one YAML document";

    /// <summary>Fix for <see cref="MoreThanOneDocument"/>.</summary>
    public static string MoreThanOneDocumentFix() => "remove the '---' and everything after it, or merge the documents";

    /// <summary>A YAML syntax error, from YamlDotNet's own explanation.</summary>
    public static string Syntax(YamlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.InnerException is YamlException inner ? inner.Message : exception.Message;

        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; the location is already ours.
        var cut = text.IndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0)
        {
            text = text[(cut + 3)..];
        }

        text = text.TrimEnd('.');
        if (text.Length > 0)
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return $"invalid YAML: {text}";
    }

    /// <summary>The parser gave up without saying where (the text ended inside a bracket, brace or quote).</summary>
    public static string ParserStopped() => "invalid YAML: the file ends inside an unclosed bracket, brace or quote that starts before this point";

    /// <summary>Fix for <see cref="Syntax"/>.</summary>
    public static string SyntaxFix() => "check the indentation, colons and quotes at this point";

    /// <summary>An unknown key.</summary>
    public static string UnknownKey(string what, string key) => $"{what} has unknown key '{Echo.Value(key)}'";

    /// <summary>Fix for <see cref="UnknownKey"/>: did-you-mean and the known keys.</summary>
    public static string UnknownKeyFix(string key, IReadOnlyCollection<string> knownKeys) => Suggestions.DidYouMean(key, knownKeys, "known keys");

    /// <summary>A key written twice in one mapping.</summary>
    public static string DuplicateKey(string what, string key, int firstLine) => $"{what} has key '{Echo.Value(key)}' twice (first at line {firstLine})";

    /// <summary>Fix for <see cref="DuplicateKey"/>.</summary>
    public static string DuplicateKeyFix() => "remove or rename one of them; only the first is used";

    /// <summary>A mapping key that is not a plain value.</summary>
    public static string ComplexKey(string what) => $"{what} has a key that is not a plain value";

    /// <summary>Fix for <see cref="ComplexKey"/>.</summary>
    public static string ComplexKeyFix() => "write keys as plain names";

    /// <summary>A required key is missing.</summary>
    public static string MissingKey(string what, string key) => $"{what} is missing required key '{key}'";

    /// <summary>Fix for <see cref="MissingKey"/>.</summary>
    public static string MissingKeyFix(string key, string example) => $"add {key}: {example}";

    /// <summary>A node of the wrong kind, e.g. a value where a mapping belongs.</summary>
    public static string WrongKind(string subject, string actualKind, string expectedKind) => $"{subject} is {actualKind}, but must be {expectedKind}";

    /// <summary>Fix for <see cref="WrongKind"/>.</summary>
    public static string WrongKindFix(string expectedKind) => expectedKind switch
    {
        "a mapping" => "write it as key: value pairs",
        "a list" => "write it as a list, e.g. [a, b] or one '- item' per line",
        _ => "write a single value",
    };

    /// <summary>A value that does not parse as the type expected.</summary>
    public static string BadValue(string what, string key, string text, string expected) => $"{what} has {key} '{Echo.Value(text)}', which is not {expected}";

    /// <summary>Fix for <see cref="BadValue"/>.</summary>
    public static string BadValueFix(string example) => $"write {example}";

    /// <summary>A value that is not one of the allowed names.</summary>
    public static string BadEnum(string what, string key, string text) => $"{what} has {key} '{Echo.Value(text)}', which is not allowed";

    /// <summary>Fix for <see cref="BadEnum"/>: did-you-mean and the allowed values.</summary>
    public static string BadEnumFix(string text, IReadOnlyCollection<string> allowed) => Suggestions.DidYouMean(text, allowed, "allowed");

    /// <summary>A value of the right kind outside its allowed range (e.g. <c>1e400</c>, <c>1000000000h</c>).</summary>
    public static string OutOfRange(string what, string key, string text) => $"{what} has {key} '{Echo.Value(text)}', which is out of range";

    /// <summary>Fix for <see cref="OutOfRange"/>: the allowed range, e.g. <c>a duration from 0s to 24h</c>.</summary>
    public static string OutOfRangeFix(string range) => $"write {range}";

    /// <summary>Nesting deeper than <see cref="YamlDocumentReader.MaxDepth"/>.</summary>
    public static string TooDeep(int maxDepth) => $"the file nests lists and mappings more than {maxDepth} levels deep";

    /// <summary>Fix for <see cref="TooDeep"/>.</summary>
    public static string TooDeepFix() => "no Faultline file needs more than a few levels; check the brackets and indentation here";

    /// <summary>A document that expands (through aliases) to more than <see cref="YamlDocumentReader.MaxNodes"/> values.</summary>
    public static string TooManyNodes(int maxNodes) => $"the file expands to more than {maxNodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} values (counting each alias as a copy of its anchor)";

    /// <summary>Fix for <see cref="TooManyNodes"/>.</summary>
    public static string TooManyNodesFix() => "write the values out, or use fewer aliases of large anchors";
}
