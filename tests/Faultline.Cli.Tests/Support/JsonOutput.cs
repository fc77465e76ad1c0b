using System.Text.Json;

namespace Faultline.Cli.Tests.Support;

/// <summary>Reads what a command printed with <c>--output json</c>, failing unless it is exactly one JSON document.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// Parses the whole of <paramref name="standardOutput"/> as one JSON object: anything before or after the document
    /// (a progress line, a second document) fails the parse.
    /// </summary>
    public static JsonElement Parse(string standardOutput)
    {
        Assert.EndsWith("}\n", standardOutput, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(standardOutput);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    /// <summary>The names of <paramref name="element"/>'s properties, in order.</summary>
    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
