using System.Diagnostics.CodeAnalysis;
using System.Text;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Sweeps;

/// <summary>
/// One <c>--set PATH=V1,V2,…</c> argument: the path of one value in the experiment or its topology, and the
/// values it takes, in the order given. Paths are keys joined by dots, with <c>[name]</c> picking the list
/// entry whose <c>name:</c> (else <c>id:</c>) is <c>name</c>
/// (<c>dns.records[api.example.test].ttl</c>); a leading <c>experiment:</c> or <c>topology:</c> names the
/// file. Values are separated by commas; a value holding a comma is written in double quotes, with
/// <c>""</c> for a quote inside (as in CSV). See docs/experiments.md, "Sweeps (--set)".
/// </summary>
public sealed class SweepAxis
{
    private const string ExperimentPrefix = "experiment:";
    private const string TopologyPrefix = "topology:";

    private SweepAxis(string argument, string path, SweepFile file, IReadOnlyList<PathStep> steps, IReadOnlyList<string> values)
    {
        Argument = argument;
        Path = path;
        File = file;
        Steps = steps;
        Values = values;
        var prefix = file switch
        {
            SweepFile.Experiment => ExperimentPrefix,
            SweepFile.Topology => TopologyPrefix,
            _ => string.Empty,
        };
        CanonicalPath = prefix + PathStep.Render(steps);

        // Labels drop the section key when a path is long enough to stay clear without it:
        // healthChecks.hc-us.interval reads as hc-us.interval.
        ShortPath = steps.Count >= 3 && !steps[1].IsSelector ? PathStep.Render(steps.Skip(1)) : PathStep.Render(steps);
    }

    /// <summary>The argument as given, e.g. <c>healthChecks.hc-us.interval=10s,30s</c> (messages quote it).</summary>
    public string Argument { get; }

    /// <summary>The path as written before the <c>=</c>, e.g. <c>healthChecks.hc-us.interval</c>.</summary>
    public string Path { get; }

    /// <summary>The path as labels show it: without its first key when three or more steps remain clear (<c>hc-us.interval</c>).</summary>
    public string ShortPath { get; }

    /// <summary>The values, in the order given, unquoted; never empty, none empty.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The file prefix (if any) and the steps, written out the one way (for spotting the same path twice).</summary>
    internal string CanonicalPath { get; }

    internal SweepFile File { get; }

    internal IReadOnlyList<PathStep> Steps { get; }

    /// <summary>
    /// Parses one <c>--set</c> argument. Returns <c>false</c> with a diagnostic naming the argument when the
    /// '=' is missing, the path or the value list is empty, a value is empty, a quote is not closed, or the
    /// path breaks the grammar. Whether the path exists is checked when the sweep is applied.
    /// </summary>
    public static bool TryParse(string argument, [NotNullWhen(true)] out SweepAxis? axis, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        axis = null;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = SweepErrors.NoEquals(argument);
            return false;
        }

        var path = argument[..equals];
        var valueText = argument[(equals + 1)..];
        if (path.Length == 0)
        {
            error = SweepErrors.EmptyPath(argument);
            return false;
        }

        if (valueText.Length == 0)
        {
            error = SweepErrors.NoValues(argument);
            return false;
        }

        var file = SweepFile.Either;
        var stepsText = path;
        if (path.StartsWith(ExperimentPrefix, StringComparison.Ordinal))
        {
            file = SweepFile.Experiment;
            stepsText = path[ExperimentPrefix.Length..];
        }
        else if (path.StartsWith(TopologyPrefix, StringComparison.Ordinal))
        {
            file = SweepFile.Topology;
            stepsText = path[TopologyPrefix.Length..];
        }

        var steps = ParseSteps(stepsText, out var pathProblem);
        if (steps is null)
        {
            error = SweepErrors.BadPath(argument, pathProblem!);
            return false;
        }

        var values = SplitValues(argument, valueText, out var valueError);
        if (values is null)
        {
            error = valueError!;
            return false;
        }

        error = null;
        axis = new SweepAxis(argument, path, file, steps, values);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Argument;

    private static List<PathStep>? ParseSteps(string text, out string? problem)
    {
        problem = null;
        var steps = new List<PathStep>();
        var i = 0;
        if (text.Length == 0)
        {
            problem = "names no key after the file";
            return null;
        }

        while (i < text.Length)
        {
            // A key runs to the next '.', '[' or the end.
            var start = i;
            while (i < text.Length && text[i] is not ('.' or '[' or ']'))
            {
                i++;
            }

            if (i < text.Length && text[i] == ']')
            {
                problem = "has ']' without '['";
                return null;
            }

            if (i == start)
            {
                problem = i < text.Length && text[i] == '[' ? "starts a key with '['" : "has an empty key (two dots, or a dot at an end)";
                return null;
            }

            steps.Add(new PathStep(text[start..i], IsSelector: false));
            while (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i + 1);
                if (close < 0)
                {
                    problem = "opens '[' without closing it";
                    return null;
                }

                if (close == i + 1)
                {
                    problem = "has an empty []";
                    return null;
                }

                steps.Add(new PathStep(text[(i + 1)..close], IsSelector: true));
                i = close + 1;
            }

            if (i == text.Length)
            {
                break;
            }

            if (text[i] != '.')
            {
                problem = "goes on after ']' without a dot";
                return null;
            }

            i++;
            if (i == text.Length)
            {
                problem = "has an empty key (two dots, or a dot at an end)";
                return null;
            }
        }

        return steps;
    }

    private static List<string>? SplitValues(string argument, string text, out Diagnostic? error)
    {
        error = null;
        var values = new List<string>();
        var i = 0;
        while (true)
        {
            var number = values.Count + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            builder.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    builder.Append(text[i]);
                    i++;
                }

                if (!closed)
                {
                    error = SweepErrors.UnclosedQuote(argument, number);
                    return null;
                }

                if (i < text.Length && text[i] != ',')
                {
                    error = SweepErrors.TextAfterQuote(argument, number);
                    return null;
                }

                value = builder.ToString();
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                value = text[i..end];
                i = end;
            }

            if (value.Length == 0)
            {
                error = SweepErrors.EmptyValue(argument, number);
                return null;
            }

            values.Add(value);
            if (i >= text.Length)
            {
                return values;
            }

            // text[i] is the comma.
            i++;
            if (i == text.Length)
            {
                error = SweepErrors.EmptyValue(argument, number + 1);
                return null;
            }
        }
    }
}
