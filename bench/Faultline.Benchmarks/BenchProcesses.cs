using System.Diagnostics;

namespace Faultline.Benchmarks;

/// <summary>The tools the benchmarks run beside Faultline (wrk, nginx, the benchmark itself), and the machine's load.</summary>
internal static class BenchProcesses
{
    /// <summary>Runs <paramref name="file"/> to its end, or kills it at <paramref name="limit"/>; returns its standard output.</summary>
    public static async Task<string> RunAsync(string file, string[] args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        return await output;
    }

    /// <summary>The first line a tool prints for <paramref name="flag"/>, or that it is missing.</summary>
    public static string Version(string tool, string flag)
    {
        try
        {
            var start = new ProcessStartInfo(tool, flag) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(5000);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? tool;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{tool} missing";
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
