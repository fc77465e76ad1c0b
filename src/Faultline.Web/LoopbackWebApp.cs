using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Faultline.Web;

/// <summary>Starts a minimal Kestrel app on 127.0.0.1 only: the fault control API, the metrics endpoint, the live dashboard.</summary>
public static class LoopbackWebApp
{
    /// <summary>Builds the app, lets <paramref name="configure"/> add its handlers, and starts it on <c>127.0.0.1:<paramref name="port"/></c> (0 picks a free port).</summary>
    /// <returns>The started app and the port it bound.</returns>
    /// <exception cref="IOException">The port is taken (nothing is left running).</exception>
    public static async Task<(WebApplication App, int Port)> StartAsync(int port, Action<WebApplication> configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        try
        {
            configure(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return (app, new Uri(app.Urls.First()).Port);
    }
}
