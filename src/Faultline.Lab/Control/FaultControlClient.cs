using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Serialization;

namespace Faultline.Lab.Control;

/// <summary>A typed client of the fault control API, used by the CLI and the experiment runner.</summary>
public sealed class FaultControlClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client (not owned).</param>
    /// <param name="baseAddress">The control API's URL, e.g. <c>http://127.0.0.1:PORT/</c>.</param>
    /// <param name="token">The lab's token.</param>
    public FaultControlClient(HttpClient http, Uri baseAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = http;
        _baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + "/");
        _authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
    }

    /// <summary>Describes the lab.</summary>
    public Task<LabDescription> GetLabAsync(CancellationToken cancellationToken) =>
        SendAsync<LabDescription>(HttpMethod.Get, "v1/lab", null, cancellationToken);

    /// <summary>Lists the active faults with the lab's clock.</summary>
    public Task<FaultListResponse> ListAsync(CancellationToken cancellationToken) =>
        SendAsync<FaultListResponse>(HttpMethod.Get, "v1/faults", null, cancellationToken);

    /// <summary>Applies a fault.</summary>
    /// <exception cref="FaultControlException">The lab refused it (400 with the reason, 401 without the right token).</exception>
    public Task<ActiveFault> AddAsync(FaultSpec spec, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        SendAsync<ActiveFault>(HttpMethod.Post, "v1/faults", new AddFaultRequest { Spec = spec, Owner = owner, Lease = lease }, cancellationToken);

    /// <summary>Renews a fault's lease from now.</summary>
    public Task<ActiveFault> RenewAsync(string id, TimeSpan lease, CancellationToken cancellationToken) =>
        SendAsync<ActiveFault>(HttpMethod.Post, $"v1/faults/{Uri.EscapeDataString(id)}/renew", new RenewFaultRequest { Lease = lease }, cancellationToken);

    /// <summary>Reverts a fault.</summary>
    public async Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync<CountResponse>(HttpMethod.Delete, $"v1/faults/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);

    /// <summary>Reverts every fault of an owner; returns how many.</summary>
    public async Task<int> RemoveByOwnerAsync(string owner, CancellationToken cancellationToken) =>
        (await SendAsync<CountResponse>(HttpMethod.Delete, $"v1/faults?owner={Uri.EscapeDataString(owner)}", null, cancellationToken).ConfigureAwait(false)).Removed;

    /// <summary>Reverts every fault; returns how many.</summary>
    public async Task<int> ResetAsync(CancellationToken cancellationToken) =>
        (await SendAsync<CountResponse>(HttpMethod.Post, "v1/faults/reset", null, cancellationToken).ConfigureAwait(false)).Removed;

    /// <summary>Describes every function's environment and layers.</summary>
    public Task<FunctionListResponse> ListFunctionsAsync(CancellationToken cancellationToken) =>
        SendAsync<FunctionListResponse>(HttpMethod.Get, "v1/functions", null, cancellationToken);

    /// <summary>Changes a function's environment or layers; returns its configuration before and after.</summary>
    /// <exception cref="FaultControlException">The lab refused (400 for an unknown function, 401 without the right token).</exception>
    public Task<ConfigurationChange> ConfigureFunctionAsync(string functionId, ConfigureFunctionRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionId);
        var slash = functionId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"a function id is region/name, not '{functionId}'", nameof(functionId));
        }

        var path = $"v1/functions/{Uri.EscapeDataString(functionId[..slash])}/{Uri.EscapeDataString(functionId[(slash + 1)..])}/configuration";
        return SendAsync<ConfigurationChange>(HttpMethod.Post, path, request, cancellationToken);
    }

    /// <summary>Extends the lease on <paramref name="owner"/>'s configuration changes; <c>false</c> when the owner holds none (restored, or lapsed).</summary>
    public async Task<bool> RenewConfigurationAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<RenewConfigurationResponse>(HttpMethod.Post, "v1/functions/renew", new RenewConfigurationRequest { Owner = owner, Lease = lease }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FaultControlException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Undoes the configuration changes of <paramref name="owner"/>, or, without one, puts every function back to the topology's configuration.</summary>
    public async Task<IReadOnlyList<ConfigurationChange>> RestoreFunctionsAsync(string? owner, CancellationToken cancellationToken) =>
        (await SendAsync<RestoreFunctionsResponse>(
            HttpMethod.Post,
            owner is null ? "v1/functions/restore" : $"v1/functions/restore?owner={Uri.EscapeDataString(owner)}",
            null,
            cancellationToken).ConfigureAwait(false)).Restored;

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path));
        request.Headers.Authorization = _authorization;
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: FaultJson.Options);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string message;
            try
            {
                var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(FaultJson.Options, cancellationToken).ConfigureAwait(false);
                message = error?.Error ?? response.ReasonPhrase ?? response.StatusCode.ToString();
            }
            catch (JsonException)
            {
                message = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }

            throw new FaultControlException(response.StatusCode, message);
        }

        var value = await response.Content.ReadFromJsonAsync<T>(FaultJson.Options, cancellationToken).ConfigureAwait(false);
        return value ?? throw new FaultControlException(response.StatusCode, "the lab answered an empty body");
    }
}
