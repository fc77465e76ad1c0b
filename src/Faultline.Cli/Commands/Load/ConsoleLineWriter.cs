using System.Text;
using Faultline.Cli.Output;
using Spectre.Console;

namespace Faultline.Cli.Commands.Load;

/// <summary>
/// A text writer onto the console's standard output, for <c>--emf -</c>: each line is written whole and unwrapped
/// (a wrapped JSON line is no EMF), under the lock the progress lines take too, so the two never interleave.
/// </summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console, Lock writeLock) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (writeLock)
        {
            if (value == '\n')
            {
                console.Write(new UnwrappedLine(_line.ToString().TrimEnd('\r'), Style.Plain));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }
}
