using System.Text.Json.Nodes;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// How a fault kind maps to an AWS FIS action, kept in the kind's folder (<see cref="Faults.IFaultKind.Fis"/>): the
/// export writes the kind's action parameters, the import reads them back into the kind's options. The parameters every
/// Lambda fault action shares (<c>duration</c>, <c>invocationPercentage</c>) and its target are the AWS code's.
/// </summary>
public interface IFisFaultMapping
{
    /// <summary>The FIS action id, e.g. <c>aws:lambda:invocation-add-delay</c> (<see cref="FisActionIds"/>).</summary>
    string ActionId { get; }

    /// <summary>
    /// Writes the kind's parameters of <paramref name="fault"/> into <paramref name="parameters"/>, in the order FIS
    /// documents them, adding an error or warning to <paramref name="diagnostics"/> for anything FIS cannot express.
    /// </summary>
    /// <returns>Whether the action can be built; <c>false</c> after adding an error.</returns>
    bool Export(FaultAction fault, JsonObject parameters, List<Diagnostic> diagnostics);

    /// <summary>
    /// The kind's options read from an FIS action's parameters, as values written in an experiment file, in
    /// documentation order; a malformed parameter is reported by <paramref name="parameters"/> at its place in the template.
    /// </summary>
    IReadOnlyList<(Faults.FaultOptionDefinition Option, string Value)> Import(IFisParameterReader parameters);
}
