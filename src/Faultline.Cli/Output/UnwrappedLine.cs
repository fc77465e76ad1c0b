using Faultline.Core.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Faultline.Cli.Output;

/// <summary>
/// One line of text written whole, never wrapped at the console's width: a <c>file:line:column: message; fix</c>
/// line with its arithmetic runs past any width, and a wrapped one no longer greps or parses as a location.
/// </summary>
internal sealed class UnwrappedLine(string text, Style style) : IRenderable
{
    /// <inheritdoc />
    public Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(text.Length, maxWidth), maxWidth);

    /// <inheritdoc />
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => [new Segment(text, style), Segment.LineBreak];

    /// <summary>Writes a diagnostic line in the colour of its severity (red errors, yellow warnings).</summary>
    public static void Write(IAnsiConsole console, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var color = diagnostic.Severity == DiagnosticSeverity.Error ? Color.Red : Color.Yellow;
        console.Write(new UnwrappedLine(diagnostic.ToString(), new Style(color)));
    }
}
