using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Faultline.Benchmarks;

/// <summary>A bare Kestrel app answering <c>ok</c> on 127.0.0.1: the .NET twin of nginx's <c>return 200 "ok"</c>.</summary>
internal static class KestrelTarget
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(static context =>
        {
            context.Response.ContentLength = 2;
            return context.Response.Body.WriteAsync("ok"u8.ToArray()).AsTask();
        });
        await app.StartAsync();
        Console.WriteLine($"listening http://127.0.0.1:{port}/");

        // Runs until SIGTERM (run.sh), at most 15 minutes.
        var stopped = new TaskCompletionSource();
        using var registration = app.Lifetime.ApplicationStopping.Register(stopped.SetResult);
        await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromMinutes(15)));
        await app.StopAsync();
        return 0;
    }
}
