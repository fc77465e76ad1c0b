using Spectre.Console;
using Spectre.Console.Rendering;

namespace Faultline.Cli.Output;

/// <summary>
/// The console every command writes its lines for people through. It sends them to standard output, or, once a
/// command has asked for <c>--output json</c>, to standard error (standard output then carries only the JSON
/// document), or, with <c>-q</c>, nowhere. <see cref="CommandOutput"/> routes it and writes the rest.
/// </summary>
internal sealed class CliConsole : IAnsiConsole
{
    private readonly Lazy<IAnsiConsole> _nowhere = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    }));

    private IAnsiConsole _target;

    /// <summary>Creates the console; lines go to <paramref name="output"/> until <see cref="Route"/> says otherwise.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error (the same console as <paramref name="output"/> when a test captures both together).</param>
    public CliConsole(IAnsiConsole output, IAnsiConsole error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        Error = error;
        _target = output;
    }

    /// <summary>Standard output.</summary>
    public IAnsiConsole Output { get; }

    /// <summary>Standard error.</summary>
    public IAnsiConsole Error { get; }

    /// <inheritdoc />
    public Profile Profile => _target.Profile;

    /// <inheritdoc />
    public IAnsiConsoleCursor Cursor => _target.Cursor;

    /// <inheritdoc />
    public IAnsiConsoleInput Input => _target.Input;

    /// <inheritdoc />
    public IExclusivityMode ExclusivityMode => _target.ExclusivityMode;

    /// <inheritdoc />
    public RenderPipeline Pipeline => _target.Pipeline;

    /// <summary>Sends the lines for people where <paramref name="format"/> and <paramref name="quiet"/> want them.</summary>
    public void Route(OutputFormat format, bool quiet) =>
        _target = quiet ? _nowhere.Value : format == OutputFormat.Json ? Error : Output;

    /// <inheritdoc />
    public void Clear(bool home) => _target.Clear(home);

    /// <inheritdoc />
    public void Write(IRenderable renderable) => _target.Write(renderable);

    /// <inheritdoc />
    public void WriteAnsi(Action<AnsiWriter> action) => _target.WriteAnsi(action);
}
