using System.Text.Json;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Dashboard;

/// <summary>
/// The live dashboard of <c>faultline run</c>: a page on <c>http://127.0.0.1:PORT/</c> that polls
/// <c>api/state</c> and draws the seed's dashboard as the run goes — health per check and the checkers' share,
/// requests per serving region, status classes, latency per population, DNS answers per location, faults,
/// actions and checks, with markers for fault start/end, failover and stop — then the verdict, for as long as
/// it is left running.
/// </summary>
/// <remarks>
/// Read-only and loopback-only: it answers requests for loopback host names only (a page elsewhere cannot reach
/// it through DNS rebinding), and its page may fetch nothing but its own state (Content-Security-Policy).
/// Observability never breaks a run (STYLE habit 9): a failure here is logged, never thrown into the runner.
/// </remarks>
public sealed class LiveDashboard : IRunObserver, IAsyncDisposable
{
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly LiveDashboardOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly string _page;
    private WebApplication? _app;
    private string? _reportPath;
    private bool _disposed;

    private LiveDashboard(LiveDashboardOptions options, ILoggerFactory loggers)
    {
        _options = options;
        _logger = loggers.CreateLogger<LiveDashboard>();
        State = new DashboardState(options.Title);
        _page = DashboardPage.Render(options.Title);
    }

    /// <summary>What the page shows.</summary>
    public DashboardState State { get; }

    /// <summary>The page's URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts serving on 127.0.0.1.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<LiveDashboard> StartAsync(LiveDashboardOptions options, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The dashboard port must be 0–65535.");
        }

        var dashboard = new LiveDashboard(options, loggers ?? NullLoggerFactory.Instance);
        try
        {
            await dashboard.StartServerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dashboard.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return dashboard;
    }

    /// <inheritdoc />
    public void OnStarted(RunStarted started) => State.OnStarted(started);

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent) => State.OnEvent(runEvent);

    /// <inheritdoc />
    public void OnSecond(LoadSecond second) => State.OnSecond(second);

    /// <summary>Serves the run's report at <c>report</c> and links it from the verdict.</summary>
    public void ServeReport(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_lock)
        {
            _reportPath = path;
        }

        State.ReportWritten("report");
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        try
        {
            if (_app is not null)
            {
                await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A dashboard that does not stop cleanly must not hide the run's verdict.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DashboardLog.StopFailed(_logger, ex);
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var (app, port) = await LoopbackWebApp.StartAsync(_options.Port, app => app.Run(HandleAsync), cancellationToken).ConfigureAwait(false);
        _app = app;
        Url = new Uri($"http://127.0.0.1:{port}/");
        DashboardLog.Listening(_logger, Url);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!LoopbackHost.IsAddressedToLoopback(context.Request))
        {
            response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await response.WriteAsync("the faultline dashboard answers only for " + LoopbackHost.Names + "\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/" or "/index.html":
                response.ContentType = "text/html; charset=utf-8";
                response.Headers.ContentSecurityPolicy = Policy;
                await response.WriteAsync(_page, context.RequestAborted).ConfigureAwait(false);
                break;
            case "/api/state":
                DashboardSnapshot snapshot;
                try
                {
                    snapshot = State.Snapshot();
                }
#pragma warning disable CA1031 // The page shows that the state failed; the run goes on (STYLE habit 9).
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    DashboardLog.SnapshotFailed(_logger, ex);
                    response.StatusCode = StatusCodes.Status500InternalServerError;
                    await response.WriteAsync($"the dashboard could not build its state: {ex.Message}\n", context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, snapshot, JournalJson.Options, context.RequestAborted).ConfigureAwait(false);
                break;
            case "/report":
                string? report;
                lock (_lock)
                {
                    report = _reportPath;
                }

                if (report is null || !File.Exists(report))
                {
                    response.StatusCode = StatusCodes.Status404NotFound;
                    await response.WriteAsync("the report is written when the run ends\n", context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                response.ContentType = "text/html; charset=utf-8";
                response.Headers.ContentSecurityPolicy = Policy;
                await response.SendFileAsync(report, context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }
}
