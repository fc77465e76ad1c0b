using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary><c>faultline lab up</c> running as a process on free ports, with helpers to talk to it as a user would.</summary>
internal sealed class RunningLab : IAsyncDisposable
{
    private RunningLab(string home, FaultlineProcess process, LabEndpoints endpoints)
    {
        Home = home;
        Process = process;
        Endpoints = endpoints;
    }

    /// <summary>The private state directory (FAULTLINE_HOME) of this lab.</summary>
    public string Home { get; }

    /// <summary>The lab process.</summary>
    public FaultlineProcess Process { get; }

    /// <summary>What the lab published.</summary>
    public LabEndpoints Endpoints { get; }

    /// <summary>Starts <c>faultline lab up TOPOLOGY --time-scale K</c> on free ports and waits until it is ready.</summary>
    public static async Task<RunningLab> StartAsync(string topology, double timeScale, CancellationToken cancellationToken, params string[] extraArgs)
    {
        var home = Directory.CreateTempSubdirectory("faultline-e2e-").FullName;
        string[] args =
        [
            "lab", "up", topology,
            "--dns-port", "0", "--http-port", "0", "--control-port", "0",
            "--time-scale", timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. extraArgs,
        ];
        var process = FaultlineProcess.Start(home, args);
        try
        {
            var endpoints = await Eventually.ReturnsAsync(
                _ => Task.FromResult(process.HasExited ? throw new InvalidOperationException($"lab up exited with {process.ExitCode}:{Environment.NewLine}{process.Output}") : LabEndpoints.TryRead(home)),
                e => e is not null,
                TimeSpan.FromSeconds(90),
                "the lab to publish its endpoints",
                cancellationToken);
            return new RunningLab(home, process, endpoints!);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>faultline ARGS --lab URL</c> against this lab.</summary>
    public Task<(int ExitCode, string Output)> CliAsync(CancellationToken cancellationToken, params string[] args) =>
        FaultlineProcess.RunAsync(Home, TimeSpan.FromSeconds(60), cancellationToken, [.. args, "--lab", Endpoints.ControlUrl]);

    /// <summary>Queries the lab DNS with dig from a source address.</summary>
    public Task<string> DigAsync(string source, string name, CancellationToken cancellationToken) =>
        Dig.ShortAsync(Endpoints.DnsPort, source, name, cancellationToken);

    /// <summary>GETs a path from a region's gateway, sending from <paramref name="source"/>; returns status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string gatewayIp, string path, string source, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(new Uri($"http://{gatewayIp}:{Endpoints.HttpPort}{path}"), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>GETs a fault-control API path with the lab's token and parses the JSON.</summary>
    public async Task<JsonElement> ControlAsync(string path, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Endpoints.TokenFile, cancellationToken)).Trim());
        using var response = await client.GetAsync(new Uri(Endpoints.ControlUrl + path), cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
