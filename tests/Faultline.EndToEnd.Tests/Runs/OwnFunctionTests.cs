using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// samples/own-function end to end: the sample's own handler (an ASP.NET app speaking the Lambda Runtime Interface
/// Emulator's invoke protocol) started on a free loopback port, and <c>faultline run</c> against it.
/// </summary>
[Collection(RunCollection.Name)]
public sealed class OwnFunctionTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-own-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Run_OwnFunctionSample_HeldAndTheHandlerAnswered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = StartHandler(port, listening);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var invocations = new Uri($"http://127.0.0.1:{port}/invocations");
            await listening.Task.WaitAsync(StartDeadline, cancellationToken);
            Assert.Equal("0", await http.GetStringAsync(invocations, cancellationToken));

            // The sample with its upstream moved to the free port.
            var sample = RepoPaths.Combine("samples", "own-function");
            var topology = await File.ReadAllTextAsync(Path.Combine(sample, "topology.yaml"), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(_home, "topology.yaml"), topology.Replace("http://127.0.0.1:9000", $"http://127.0.0.1:{port}", StringComparison.Ordinal), cancellationToken);
            File.Copy(Path.Combine(sample, "experiment.yaml"), Path.Combine(_home, "experiment.yaml"));
            var runs = Path.Combine(_home, "runs");

            // At time scale 10 rather than the sample's 5 (chosen for a user's small, busy machine): its 7 lab minutes
            // take 42 s instead of 84 s, and its 5 requests/s per population are 50 a wall second through the handler,
            // an eighth of what the seed's populations send at 20 on the same host. Not 20: the handler is a second
            // process warming up during the baseline, and 10 leaves the host twice the seed's timer allowance.
            var (code, output) = await FaultlineProcess.RunAsync(
                _home, RunDeadline, cancellationToken, "run", Path.Combine(_home, "experiment.yaml"), "--time-scale", "10", "--out", runs);

            Assert.True(code == 0, output);
            Assert.Contains("verdict: held", output, StringComparison.Ordinal);
            var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "result.json"), cancellationToken)).RootElement;
            Assert.Equal("held", result.GetProperty("verdict").GetProperty("kind").GetString(), ignoreCase: true);
            var answered = long.Parse(await http.GetStringAsync(invocations, cancellationToken), CultureInfo.InvariantCulture);
            Assert.True(answered > 100, $"the handler answered {answered} invocations");
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync(cancellationToken);
        }
    }

    // The sample's build output next to its project, in this test's configuration (the project reference builds it).
    private static Process StartHandler(int port, TaskCompletionSource listening)
    {
        var configuration = typeof(OwnFunctionTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = RepoPaths.Combine("samples", "own-function", "OwnFunction", "bin", configuration, "net10.0", "OwnFunction.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        // ASP.NET logs "Now listening on: URL" once Kestrel is bound; an exit before that fails the wait.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the handler exited before it listened"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
