using System.Text;

namespace Faultline.Cli.Tests.Support;

/// <summary>A console's output the test can read while the command still writes, and wait on for a line to appear.</summary>
internal sealed class WatchedWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var wait in _waits.Where(w => all.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

    /// <summary>Completes once the output contains <paramref name="text"/>.</summary>
    public Task SeenAsync(string text)
    {
        lock (_lock)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                seen.SetResult();
            }
            else
            {
                _waits.Add((text, seen));
            }

            return seen.Task;
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
