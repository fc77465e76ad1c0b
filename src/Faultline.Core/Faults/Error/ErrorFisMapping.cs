using System.Text.Json.Nodes;
using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;

namespace Faultline.Core.Faults.Error;

/// <summary><c>error</c> as <c>aws:lambda:invocation-error</c>, with its <c>preventExecution</c>.</summary>
public sealed class ErrorFisMapping : IFisFaultMapping
{
    /// <inheritdoc />
    public string ActionId => FisActionIds.InvocationError;

    /// <inheritdoc />
    public bool Export(FaultAction fault, JsonObject parameters, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters["preventExecution"] = ((ErrorFaultOptions)fault.Options).PreventExecution ? "true" : "false";
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<(FaultOptionDefinition Option, string Value)> Import(IFisParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [(ErrorFaultKind.PreventExecution, parameters.Boolean("preventExecution"))];
    }
}
