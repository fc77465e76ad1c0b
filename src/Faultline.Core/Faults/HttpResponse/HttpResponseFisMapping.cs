using System.Globalization;
using System.Text.Json.Nodes;
using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;

namespace Faultline.Core.Faults.HttpResponse;

/// <summary><c>http-response</c> as <c>aws:lambda:invocation-http-integration-response</c>: status code, content type and <c>preventExecution</c>; FIS sets no body.</summary>
public sealed class HttpResponseFisMapping : IFisFaultMapping
{
    /// <inheritdoc />
    public string ActionId => FisActionIds.HttpIntegrationResponse;

    /// <inheritdoc />
    public bool Export(FaultAction fault, JsonObject parameters, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var http = (HttpResponseFaultOptions)fault.Options;
        parameters["statusCode"] = http.StatusCode.ToString(CultureInfo.InvariantCulture);
        parameters["contentTypeHeader"] = http.ContentType;
        parameters["preventExecution"] = http.PreventExecution ? "true" : "false";
        if (http.Body.Length > 0)
        {
            var (message, fix) = FisErrors.HttpBody(fault.Name);
            diagnostics.Add(Diagnostic.Warning(fault.Location, message, fix));
        }

        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<(FaultOptionDefinition Option, string Value)> Import(IFisParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var status = parameters.WholeNumber("statusCode", 500, 100, 599);
        return
        [
            (HttpResponseFaultKind.StatusCode, (status ?? 500).ToString(CultureInfo.InvariantCulture)),
            (HttpResponseFaultKind.ContentType, parameters.Text("contentTypeHeader") ?? "application/json"),
            (HttpResponseFaultKind.PreventExecution, parameters.Boolean("preventExecution")),
        ];
    }
}
