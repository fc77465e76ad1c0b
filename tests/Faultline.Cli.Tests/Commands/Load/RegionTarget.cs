using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faultline.Cli.Tests.Commands.Load;

/// <summary>
/// A tiny Kestrel target on 127.0.0.1 answering like the seed's API: <c>/us</c> 200 "Hello from region us-east-1",
/// <c>/eu</c> 200 "Hello from region eu-west-1", <c>/fail</c> 503, <c>/missing</c> 404; it counts every request per path.
/// </summary>
internal sealed class RegionTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private RegionTarget(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public int Count(string path) => _counts.GetValueOrDefault(path);

    public static async Task<RegionTarget> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new RegionTarget(app);
        app.Run(target.HandleAsync);
        await app.StartAsync(cancellationToken);
        target.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        (context.Response.StatusCode, var body) = path switch
        {
            "/us" => (200, "Hello from region us-east-1"),
            "/eu" => (200, "Hello from region eu-west-1"),
            "/fail" => (503, "Service Unavailable"),
            _ => (404, "Not Found"),
        };
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
