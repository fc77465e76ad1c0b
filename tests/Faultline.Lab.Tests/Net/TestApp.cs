using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Tests.Net;

/// <summary>A tiny Kestrel app on a loopback address whose answers tests can change (healthy, 500, stalled).</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _disposed;

    private TestApp(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public volatile int StatusCode = 200;

    public volatile bool Stall;

    /// <summary>Wall time each answer waits before it is sent (a slow server); zero by default.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public string Body { get; set; } = "Region us-east-1 is healthy";

    public ConcurrentQueue<(IPAddress Remote, string Host, string ConnectionId)> Requests { get; } = new();

    public static async Task<TestApp> StartAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(address, port));
        var app = builder.Build();
        var testApp = new TestApp(app);
        app.Run(testApp.HandleAsync);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        testApp.Port = new Uri(bound).Port;
        return testApp;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _released.TrySetResult();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue((context.Connection.RemoteIpAddress!, context.Request.Host.Value ?? string.Empty, context.Connection.Id));
        if (Stall)
        {
            await _released.Task.WaitAsync(context.RequestAborted);
        }

        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay, TimeProvider.System, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCode;
        await context.Response.WriteAsync(Body, context.RequestAborted);
    }
}
