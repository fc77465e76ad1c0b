using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Serialization;
using Faultline.Core.Functions;
using Faultline.Core.Text;
using Faultline.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Control;

/// <summary>
/// The lab's fault control HTTP API, on <c>127.0.0.1</c> only, guarded by a random per-lab token sent as
/// <c>Authorization: Bearer &lt;token&gt;</c>; without it nothing changes (401). The token is written to a file
/// only its owner can read, with a small descriptor beside it for discovery; both are removed on clean
/// shutdown. A timer on lab time sweeps lapsed leases, so faults whose owner died revert on their own.
/// </summary>
/// <remarks>
/// Endpoints: <c>GET /v1/lab</c>, <c>GET /v1/faults</c>, <c>POST /v1/faults</c>, <c>POST /v1/faults/{id}/renew</c>,
/// <c>DELETE /v1/faults/{id}</c>, <c>DELETE /v1/faults?owner=X</c>, <c>POST /v1/faults/reset</c>; with functions:
/// <c>GET /v1/functions</c>, <c>POST /v1/functions/{region}/{name}/configuration</c> (answers the configuration
/// before and after), <c>POST /v1/functions/restore[?owner=X]</c>. Every request is checked whole before anything
/// changes. Every error is an <see cref="ErrorResponse"/>: 400 bad input (malformed JSON names line and byte), 401
/// without the token, 404 an unknown fault or endpoint, 413 a body over 64 KB, 421 a <c>Host</c> that is not a
/// loopback name (see <see cref="LoopbackHost"/>), 500 an unexpected failure (logged with event id 2209).
/// </remarks>
public sealed class FaultControlServer : IAsyncDisposable
{
    // Requests are read strictly: a misspelled property ("lese") is an error, not a silent default.
    private static readonly JsonSerializerOptions RequestJson = new(FaultJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private readonly FaultStore _store;
    private readonly FaultControlOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<LabDescription>? _describe;
    private readonly ILogger _logger;
    private readonly byte[] _tokenBytes;
    private readonly FunctionConfigurator? _configurator;
    private WebApplication? _app;
    private ITimer? _sweeper;
    private bool _disposed;

    /// <summary>Creates the server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="store">The lab's faults.</param>
    /// <param name="options">Port, state directory, sweep interval.</param>
    /// <param name="timeProvider">Lab time (leases and the sweeper).</param>
    /// <param name="describe">What <c>GET /v1/lab</c> answers; default: the topology's name and regions only.</param>
    /// <param name="logger">Where to log; default none.</param>
    /// <param name="functions">The lab's functions, for the <c>/v1/functions</c> endpoints; default none (those endpoints answer 404).</param>
    public FaultControlServer(FaultStore store, FaultControlOptions options, TimeProvider timeProvider, Func<LabDescription>? describe = null, ILogger<FaultControlServer>? logger = null, FunctionFleet? functions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _describe = describe;
        _logger = logger ?? NullLogger<FaultControlServer>.Instance;

        // The token guards injection, so it comes from the OS's CSPRNG, never the run's seeded source.
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _tokenBytes = Encoding.ASCII.GetBytes(Token);
        StateDirectory = LabStateDirectory.Resolve(options.StateDirectory);
        _configurator = functions is null ? null : new FunctionConfigurator(functions, timeProvider);
    }

    /// <summary>What changes functions through the API, or <c>null</c> when the server was given no functions.</summary>
    public FunctionConfigurator? Functions => _configurator;

    /// <summary>The bearer token.</summary>
    public string Token { get; }

    /// <summary>The state directory the token and descriptor files are written to.</summary>
    public string StateDirectory { get; }

    /// <summary>The API's base URL, e.g. <c>http://127.0.0.1:PORT/</c> (valid after <see cref="StartAsync"/>).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The bound port (valid after <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The token file (valid after <see cref="StartAsync"/>).</summary>
    public string TokenFile => LabStateDirectory.TokenFile(StateDirectory, Port);

    /// <summary>The descriptor file (valid after <see cref="StartAsync"/>).</summary>
    public string DescriptorFile => LabStateDirectory.DescriptorFile(StateDirectory, Port);

    /// <summary>Binds <c>127.0.0.1</c>, writes the token and descriptor files, and starts the lease sweeper.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_app is not null)
        {
            throw new InvalidOperationException("The fault control API is already started.");
        }

        var (app, port) = await LoopbackWebApp.StartAsync(_options.Port, app => app.Run(HandleAsync), cancellationToken).ConfigureAwait(false);
        _app = app;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");

        WriteStateFiles();
        _store.Applied += OnApplied;
        _store.Reverted += OnReverted;
        _sweeper = _timeProvider.CreateTimer(_ => Sweep(), null, _options.SweepInterval, _options.SweepInterval);
        FaultControlLog.Listening(_logger, BaseAddress, TokenFile);
    }

    /// <summary>Stops the sweeper and the API and removes the token and descriptor files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync().ConfigureAwait(false);
        }

        _store.Applied -= OnApplied;
        _store.Reverted -= OnReverted;
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            DeleteQuietly(TokenFile);
            DeleteQuietly(DescriptorFile);
        }
    }

    private void WriteStateFiles()
    {
        var labs = Path.GetDirectoryName(TokenFile)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(labs);
        }
        else
        {
            Directory.CreateDirectory(labs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Delete first: the create mode only applies to a new file, and a stale one may be readable by others.
        File.Delete(TokenFile);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(TokenFile, fileOptions))
        {
            stream.Write(Encoding.ASCII.GetBytes(Token));
        }

        var description = _describe?.Invoke();
        var descriptor = new LabDescriptor
        {
            Name = _store.Topology.Name,
            ControlUrl = BaseAddress,
            TokenFile = TokenFile,
            ProcessId = Environment.ProcessId,
            DnsPort = description?.DnsPort,
            HttpPort = description?.HttpPort,
            Regions = description?.Regions.Where(r => r.GatewayUrl is not null).ToDictionary(r => r.Name, r => r.GatewayUrl!, StringComparer.Ordinal)
                ?? new Dictionary<string, Uri>(StringComparer.Ordinal),
        };
        File.WriteAllText(DescriptorFile, JsonSerializer.Serialize(descriptor, FaultJson.Options));
    }

    private void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            FaultControlLog.CleanupFailed(_logger, path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            FaultControlLog.CleanupFailed(_logger, path, ex);
        }
    }

    private void Sweep()
    {
        try
        {
            _store.ExpireLapsed();
            foreach (var (owner, restored) in _configurator?.ExpireLapsed() ?? [])
            {
                foreach (var change in restored)
                {
                    FaultControlLog.ConfigurationLeaseLapsed(_logger, change.Function, owner);
                }
            }
        }
#pragma warning disable CA1031 // The sweeper must survive one bad sweep; the next one retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FaultControlLog.SweepFailed(_logger, ex);
        }
    }

    private void OnApplied(object? sender, FaultAppliedEventArgs e)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var lease = Durations.Describe(e.Fault.LeaseExpiresAt - e.Fault.AppliedAt);
            FaultControlLog.Applied(_logger, e.Fault.Id, e.Fault.Spec.Kind, e.Fault.Targets, e.Fault.Owner, lease);
        }
    }

    private void OnReverted(object? sender, FaultRevertedEventArgs e) =>
        FaultControlLog.Reverted(_logger, e.Fault.Id, e.Fault.Spec.Kind, e.Fault.Owner, e.Reason);

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(header[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _tokenBytes);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? "/").TrimEnd('/');
        try
        {
            await RouteAsync(context, path).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // Every unexpected failure is logged and answered as a JSON 500, never an empty one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FaultControlLog.RequestFailed(_logger, request.Method, path, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteAsync(context, 500, new ErrorResponse { Error = FaultControlErrors.Unexpected(request.Method, path, ex) }).ConfigureAwait(false);
            }
        }
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        var request = context.Request;

        // Before the token: a page in the user's browser that rebinds its own name to 127.0.0.1 is refused here.
        if (!LoopbackHost.IsAddressedToLoopback(request))
        {
            FaultControlLog.Misdirected(_logger, path, request.Host.Value ?? string.Empty);
            await WriteAsync(context, StatusCodes.Status421MisdirectedRequest, new ErrorResponse { Error = FaultControlErrors.Misdirected }).ConfigureAwait(false);
            return;
        }

        if (!Authorized(request))
        {
            FaultControlLog.Unauthorized(_logger, path);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context, 401, new ErrorResponse { Error = FaultControlErrors.Unauthorized }).ConfigureAwait(false);
            return;
        }

        var ct = context.RequestAborted;
        var body = HttpMethods.IsPost(request.Method) ? await ReadBodyAsync(request, ct).ConfigureAwait(false) : [];
        if (body is null)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, new ErrorResponse { Error = FaultControlErrors.BodyTooLarge(FaultControlDefaults.MaxRequestBodyBytes) }).ConfigureAwait(false);
            return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            // Every case reads and checks its whole request before it changes anything.
            switch (request.Method, segments)
            {
                case ("GET", ["v1", "lab"]):
                    await WriteAsync(context, 200, Describe()).ConfigureAwait(false);
                    break;
                case ("GET", ["v1", "faults"]):
                    await WriteAsync(context, 200, new FaultListResponse { LabTime = _timeProvider.GetUtcNow(), Faults = _store.Snapshot() }).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "faults"]):
                    var add = Read<AddFaultRequest>(body);
                    var spec = add.Spec ?? throw new InvalidInputException(FaultControlErrors.Required("spec", "{\"options\":{\"kind\":\"latency\",\"delay\":\"1s\"},\"target\":{\"region\":\"us-east-1\"}}"));
                    await WriteAsync(context, 201, _store.Add(spec, add.Owner, add.Lease)).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "faults", "reset"]):
                    await WriteAsync(context, 200, new CountResponse { Removed = _store.Reset() }).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "faults", var id, "renew"]):
                    var renew = Read<RenewFaultRequest>(body);
                    var renewed = _store.Renew(id, renew.Lease);
                    await (renewed is null ? NotFoundAsync(context, id) : WriteAsync(context, 200, renewed)).ConfigureAwait(false);
                    break;
                case ("DELETE", ["v1", "faults", var id]):
                    await (_store.Remove(id) ? WriteAsync(context, 200, new CountResponse { Removed = 1 }) : NotFoundAsync(context, id)).ConfigureAwait(false);
                    break;
                case ("DELETE", ["v1", "faults"]):
                    var owner = request.Query["owner"].ToString();
                    if (string.IsNullOrEmpty(owner))
                    {
                        throw new InvalidInputException(FaultControlErrors.DeleteNeedsOwner);
                    }

                    await WriteAsync(context, 200, new CountResponse { Removed = _store.RemoveByOwner(owner) }).ConfigureAwait(false);
                    break;
                case ("GET", ["v1", "functions"]):
                    await WriteAsync(context, 200, new FunctionListResponse { Functions = RequireFunctions().Describe() }).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "functions", "restore"]):
                    var restoreOwner = request.Query["owner"].ToString();
                    var restored = RequireFunctions().RestoreAll(string.IsNullOrEmpty(restoreOwner) ? null : restoreOwner);
                    foreach (var change in restored)
                    {
                        FaultControlLog.Restored(_logger, change.Function, string.IsNullOrEmpty(restoreOwner) ? "every owner" : restoreOwner);
                    }

                    await WriteAsync(context, 200, new RestoreFunctionsResponse { Restored = restored }).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "functions", "renew"]):
                    var renewConfiguration = Read<RenewConfigurationRequest>(body);
                    var functions = RequireFunctions();
                    var until = functions.RenewUntil(renewConfiguration.Owner, renewConfiguration.Lease);
                    await (until is { } expiry
                        ? WriteAsync(context, 200, new RenewConfigurationResponse { Owner = renewConfiguration.Owner, LeaseExpiresAt = expiry })
                        : WriteAsync(context, 404, new ErrorResponse { Error = FaultControlErrors.NoConfiguration(renewConfiguration.Owner) })).ConfigureAwait(false);
                    break;
                case ("POST", ["v1", "functions", var region, var name, "configuration"]):
                    var configure = Read<ConfigureFunctionRequest>(body);
                    var changed = RequireFunctions().Configure($"{region}/{name}", configure);
                    FaultControlLog.Configured(_logger, changed.Function, configure.Owner ?? "cli");
                    await WriteAsync(context, 200, changed).ConfigureAwait(false);
                    break;
                default:
                    await WriteAsync(context, 404, new ErrorResponse { Error = FaultControlErrors.NoEndpoint(request.Method, path) }).ConfigureAwait(false);
                    break;
            }
        }
        catch (InvalidInputException ex)
        {
            await WriteAsync(context, 400, new ErrorResponse { Error = string.Join(Environment.NewLine, ex.Diagnostics) }).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteAsync(context, 400, new ErrorResponse { Error = FaultControlErrors.InvalidJson(ex) }).ConfigureAwait(false);
        }
        catch (NotSupportedException ex)
        {
            await WriteAsync(context, 400, new ErrorResponse { Error = FaultControlErrors.Unreadable(ex) }).ConfigureAwait(false);
        }
    }

    private FunctionConfigurator RequireFunctions() =>
        _configurator ?? throw new InvalidInputException(FaultControlErrors.NoFunctions);

    private LabDescription Describe()
    {
        var description = _describe?.Invoke() ?? new LabDescription
        {
            Name = _store.Topology.Name,
            Regions = _store.Topology.Regions.Select(r => new LabRegionDescription { Name = r.Name }).ToArray(),
        };
        return description with { ControlUrl = BaseAddress };
    }

    // Reads at most the cap, whatever Content-Length says (or does not say, when chunked); null when the body is larger.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = FaultControlDefaults.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Read<T>(byte[] body)
        where T : class
    {
        if (body.Length == 0)
        {
            throw new InvalidInputException(FaultControlErrors.EmptyBody);
        }

        return JsonSerializer.Deserialize<T>(body, RequestJson) ?? throw new InvalidInputException(FaultControlErrors.EmptyBody);
    }

    private static Task NotFoundAsync(HttpContext context, string id) =>
        WriteAsync(context, 404, new ErrorResponse { Error = FaultControlErrors.NoActiveFault(id) });

    private static async Task WriteAsync<T>(HttpContext context, int status, T body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, FaultJson.Options, context.RequestAborted).ConfigureAwait(false);
    }
}
