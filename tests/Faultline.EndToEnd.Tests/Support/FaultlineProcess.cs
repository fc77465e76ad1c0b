using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>The CLI as a user runs it: a separate process, its output captured, stoppable with SIGINT or SIGKILL.</summary>
internal sealed partial class FaultlineProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private FaultlineProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the process printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>faultline ARGS</c> with a private state directory.</summary>
    public static FaultlineProcess Start(string home, params string[] args) => Start(home, openFileLimit: null, args);

    /// <summary>Starts <c>faultline ARGS</c> with a private state directory and, when given, <c>ulimit -n</c> (soft and hard) set first.</summary>
    public static FaultlineProcess Start(string home, int? openFileLimit, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "faultline.dll");
        var info = new ProcessStartInfo(openFileLimit is null ? "dotnet" : "bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        if (openFileLimit is { } limit)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("ulimit -n \"$0\" && exec dotnet \"$@\"");
            info.ArgumentList.Add(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["FAULTLINE_HOME"] = home;
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var result = new FaultlineProcess(process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs <c>faultline ARGS</c> to completion (bounded by <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, TimeSpan timeout, CancellationToken cancellationToken, params string[] args)
    {
        await using var process = Start(home, args);
        var code = await process.WaitForExitAsync(timeout, cancellationToken);
        return (code, process.Output);
    }

    /// <summary>Waits for output matching <paramref name="predicate"/>, failing with the output so far at the deadline or if the process exits first.</summary>
    public Task WaitForOutputAsync(Func<string, bool> predicate, TimeSpan deadline, CancellationToken cancellationToken) =>
        Eventually.TrueAsync(
            () => predicate(Output) || (_process.HasExited ? throw new InvalidOperationException($"faultline exited with {_process.ExitCode} before the expected output:{Environment.NewLine}{Output}") : false),
            deadline,
            $"faultline output; so far:{Environment.NewLine}{Output}",
            cancellationToken);

    /// <summary>Waits for exit and returns the exit code; kills the process and fails at the deadline.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faultline did not exit within {timeout.TotalSeconds:0} s; output:{Environment.NewLine}{Output}");
        }

        // The exit event can precede the last asynchronous output lines; this waits for them.
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT, as Ctrl-C does.</summary>
    public void Interrupt() => _ = Kill(_process.Id, SigInt);

    /// <summary>Pauses the process (SIGSTOP), as a debugger, a GC pause or a starved host would: nothing in it runs until <see cref="Resume"/>.</summary>
    public void Pause() => _ = Kill(_process.Id, SigStop);

    /// <summary>Resumes a paused process (SIGCONT).</summary>
    public void Resume() => _ = Kill(_process.Id, SigCont);

    /// <summary>
    /// Stalls the process as a starved host would: paused for <paramref name="stall"/> of wall time, then resumed. Every
    /// thread stops, so the lab clock runs on while none of its timers fire.
    /// </summary>
    public async Task StallAsync(TimeSpan stall, CancellationToken cancellationToken)
    {
        Pause();
        try
        {
            await Task.Delay(stall, TimeProvider.System, cancellationToken);
        }
        finally
        {
            Resume();
        }
    }

    /// <summary>Kills the process outright (SIGKILL): nothing it could run on the way out runs.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private const int SigInt = 2;

    // Linux numbering (the end-to-end tests run on Linux).
    private const int SigCont = 18;

    private const int SigStop = 19;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.AppendLine(line);
        }
    }
}
