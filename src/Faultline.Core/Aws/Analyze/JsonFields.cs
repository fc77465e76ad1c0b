using System.Globalization;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Analyze;

/// <summary>Typed, located reads of <see cref="LocatedJson"/> fields that collect every error rather than stop at the first.</summary>
internal sealed class JsonFields(string fix)
{
    public List<Diagnostic> Errors { get; } = [];

    public LocatedJson? Object(LocatedJson parent, string name, string path, bool required = true) => Typed(parent, name, path, JsonNodeKind.Map, "an object", required);

    public LocatedJson? Array(LocatedJson parent, string name, string path, bool required = true) => Typed(parent, name, path, JsonNodeKind.Array, "an array", required);

    public string? String(LocatedJson parent, string name, string path, bool required = true) => Typed(parent, name, path, JsonNodeKind.Text, "a string", required)?.Text;

    public DateTimeOffset? Time(LocatedJson parent, string name, string path, bool required = true)
    {
        var node = parent.Get(name);
        if (node is null || node.Kind == JsonNodeKind.Null)
        {
            if (required)
            {
                Errors.Add(Diagnostic.Error(parent.Location, AnalyzeErrors.Missing(path), fix));
            }

            return null;
        }

        return Time(node, path);
    }

    public DateTimeOffset? Time(LocatedJson node, string path)
    {
        switch (node.Kind)
        {
            // The AWS CLI prints ISO 8601 by default; with cli_timestamp_format = none it prints epoch seconds.
            case JsonNodeKind.Text when DateTimeOffset.TryParse(node.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                return at.ToUniversalTime();
            case JsonNodeKind.Number when node.Number is { } seconds:
                return DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(seconds);
            case JsonNodeKind.Text:
                Errors.Add(Diagnostic.Error(node.Location, AnalyzeErrors.BadTime(path, node.Text ?? string.Empty), fix));
                return null;
            default:
                Errors.Add(Diagnostic.Error(node.Location, AnalyzeErrors.WrongKind(path, "a time (an ISO 8601 string)", node.KindName), fix));
                return null;
        }
    }

    public void Require(LocatedJson node, JsonNodeKind kind, string expected, string path)
    {
        if (node.Kind != kind)
        {
            Errors.Add(Diagnostic.Error(node.Location, AnalyzeErrors.WrongKind(path, expected, node.KindName), fix));
        }
    }

    public void ThrowIfAny()
    {
        if (Errors.Count > 0)
        {
            throw new InvalidInputException(Errors);
        }
    }

    private LocatedJson? Typed(LocatedJson parent, string name, string path, JsonNodeKind kind, string expected, bool required)
    {
        var node = parent.Get(name);
        if (node is null || (node.Kind == JsonNodeKind.Null && !required))
        {
            if (required)
            {
                Errors.Add(Diagnostic.Error(parent.Location, AnalyzeErrors.Missing(path), fix));
            }

            return null;
        }

        if (node.Kind != kind)
        {
            Errors.Add(Diagnostic.Error(node.Location, AnalyzeErrors.WrongKind(path, expected, node.KindName), fix));
            return null;
        }

        return node;
    }
}
