using System.Globalization;
using System.Numerics;
using Faultline.Core.Diagnostics;
using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Sweeps;

/// <summary>
/// Every message about <c>--set</c> sweeps, in one place: the wording is API and pinned by tests. A
/// problem of one argument names it as the user typed it (<c>--set 'healthChecks.hc-us.intervall=10s'</c>)
/// and has no file location; a value the readers reject also names the sweep point it belongs to.
/// </summary>
public static class SweepErrors
{
    private const string Example = "healthChecks.hc-us.interval=10s,30s";

    private const string PathFix = "write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl";

    /// <summary>No <c>=</c> in the argument.</summary>
    public static Diagnostic NoEquals(string argument) =>
        Error($"{Arg(argument)}: no '=' between the path and the values", $"write PATH=V1,V2,…, e.g. --set {Example}");

    /// <summary>Nothing before the <c>=</c>.</summary>
    public static Diagnostic EmptyPath(string argument) =>
        Error($"{Arg(argument)}: the path before '=' is empty", $"write PATH=V1,V2,…, e.g. --set {Example}");

    /// <summary>Nothing after the <c>=</c>.</summary>
    public static Diagnostic NoValues(string argument) =>
        Error($"{Arg(argument)}: no values after '='", "list the values after '=', separated by commas, e.g. =10s,30s");

    /// <summary>An empty value between commas (or a quoted empty value).</summary>
    public static Diagnostic EmptyValue(string argument, int number) =>
        Error($"{Arg(argument)}: value {number} is empty", "remove the extra comma; a value that holds a comma is written in double quotes, e.g. \"a,b\"");

    /// <summary>A quoted value whose closing quote is missing.</summary>
    public static Diagnostic UnclosedQuote(string argument, int number) =>
        Error($"{Arg(argument)}: value {number} opens a double quote that is not closed", "close the quote; inside quotes write \"\" for a quote");

    /// <summary>Text between a closing quote and the next comma.</summary>
    public static Diagnostic TextAfterQuote(string argument, int number) =>
        Error($"{Arg(argument)}: value {number} goes on after its closing quote", "put a comma right after the closing quote, or quote the whole value");

    /// <summary>A path that breaks the grammar; <paramref name="problem"/> says how, e.g. <c>has an empty key</c>.</summary>
    public static Diagnostic BadPath(string argument, string problem) =>
        Error($"{Arg(argument)}: the path {problem}", PathFix);

    /// <summary>The same path given by two arguments.</summary>
    public static Diagnostic DuplicatePath(string argument, string path, string firstArgument) =>
        Error($"{Arg(argument)}: sets {Echo.Value(path)} again (--set '{Echo.Value(firstArgument)}' sets it already)", $"give {Echo.Value(path)} once, with all its values separated by commas");

    /// <summary>More points than a sweep may have.</summary>
    public static Diagnostic TooManyPoints(BigInteger count, IEnumerable<int> valuesPerAxis, int maxPoints) =>
        Error(
            $"--set gives {count.ToString("N0", CultureInfo.InvariantCulture)} sweep points ({string.Join(" × ", valuesPerAxis)}), more than the {maxPoints.ToString("N0", CultureInfo.InvariantCulture)} a sweep may have",
            "sweep fewer values, or split the sweep into several runs");

    /// <summary>A first key that neither file has at its top level.</summary>
    public static Diagnostic UnknownRoot(string argument, string key, IReadOnlyCollection<string> keys) =>
        Error(
            $"{Arg(argument)}: '{Echo.Value(key)}' is not a key of the experiment or of its topology",
            $"{Suggestions.DidYouMean(key, keys, "top-level keys")}; to add a key neither file writes yet, name the file: experiment:{Echo.Value(key)} or topology:{Echo.Value(key)}");

    /// <summary>A first key both files have at their top level.</summary>
    public static Diagnostic AmbiguousRoot(string argument, string key, string path) =>
        Error($"{Arg(argument)}: '{Echo.Value(key)}' is a key of both the experiment and its topology", $"name the file: experiment:{Echo.Value(path)} or topology:{Echo.Value(path)}");

    /// <summary>A key that the mapping at <paramref name="parent"/> does not have (only the last key of a path may be new).</summary>
    public static Diagnostic UnknownKey(string argument, string parent, string key, IReadOnlyCollection<string> keys) =>
        Error($"{Arg(argument)}: {Echo.Value(parent)} has no key '{Echo.Value(key)}'", Suggestions.DidYouMean(key, keys, $"keys of {Echo.Value(parent)}"));

    /// <summary>A <c>[name]</c> that picks no entry of the list at <paramref name="list"/>.</summary>
    public static Diagnostic UnknownName(string argument, string list, string name, IReadOnlyCollection<string> names) =>
        Error(
            $"{Arg(argument)}: {Echo.Value(list)} has no entry named '{Echo.Value(name)}'",
            names.Count == 0 ? $"no entry of {Echo.Value(list)} has a name: or id: to pick it by" : Suggestions.DidYouMean(name, names, $"names in {Echo.Value(list)}"));

    /// <summary>A <c>[name]</c> applied to a mapping.</summary>
    public static Diagnostic SelectorOnMapping(string argument, string path, string name) =>
        Error($"{Arg(argument)}: {Echo.Value(path)} is a mapping, not a list, so [{Echo.Value(name)}] picks nothing from it", $"write {Echo.Value(path)}.{Echo.Value(name)}");

    /// <summary>A key applied to a list.</summary>
    public static Diagnostic KeyOnList(string argument, string path, string key, string exampleName) =>
        Error($"{Arg(argument)}: {Echo.Value(path)} is a list, so it has no key '{Echo.Value(key)}'", $"pick an entry by its name first, e.g. {Echo.Value(path)}[{Echo.Value(exampleName)}].{Echo.Value(key)}");

    /// <summary>A path that goes on past a single value.</summary>
    public static Diagnostic PastValue(string argument, string path) =>
        Error($"{Arg(argument)}: {Echo.Value(path)} is a single value, so the path cannot go on past it", $"end the path at {Echo.Value(path)}");

    /// <summary>A path that ends at a mapping or list rather than a single value.</summary>
    public static Diagnostic NotAValue(string argument, string path, string kind, IReadOnlyList<string> keys) =>
        Error(
            $"{Arg(argument)}: {Echo.Value(path)} is {kind}, and --set changes single values",
            keys.Count > 0
                ? $"name one of its keys, e.g. {Echo.Value(path)}.{Echo.Value(keys[0])}; keys of {Echo.Value(path)}: {Echo.Value(string.Join(", ", keys))}"
                : $"name a value inside it, e.g. {Echo.Value(path)}[NAME].KEY");

    /// <summary>The experiment's <c>topology</c> key, which names the file the sweep edits.</summary>
    public static Diagnostic TopologyReference(string argument) =>
        Error($"{Arg(argument)}: the experiment's topology path cannot be swept", $"sweep values inside the topology instead, e.g. --set {Example}");

    /// <summary>A reader's problem with a key the argument added (e.g. an unknown key), attributed to the argument.</summary>
    public static Diagnostic AtKey(string argument, Diagnostic reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader with { Location = null, Message = $"{Arg(argument)}: {reader.Message}" };
    }

    /// <summary>A reader's problem with a value the argument set, attributed to the argument and the sweep point.</summary>
    public static Diagnostic AtValue(string argument, SweepPoint point, Diagnostic reader)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(reader);
        return reader with { Location = null, Message = $"{Arg(argument)} at {point.Describe()}: {reader.Message}" };
    }

    /// <summary>A reader's problem elsewhere in the files (e.g. a check that needs another value), naming the sweep point; the location stays.</summary>
    public static Diagnostic AtPoint(SweepPoint point, Diagnostic reader, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(reader);
        return reader with { Location = location, Message = $"at {point.Describe()}: {reader.Message}" };
    }

    private static string Arg(string argument) => $"--set '{Echo.Value(argument)}'";

    private static Diagnostic Error(string message, string fix) => Diagnostic.Error(null, message, fix);
}
