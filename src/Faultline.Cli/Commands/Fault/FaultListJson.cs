using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Serialization;
using Faultline.Lab.Control;

namespace Faultline.Cli.Commands.Fault;

/// <summary>
/// The document <c>faultline fault list --output json</c> prints (docs/observing.md, "Machine-readable output"): each
/// active fault's id, kind, owner, target as asked and as resolved, options (in the control API's form), share of
/// requests, lease and lease left in lab seconds.
/// </summary>
internal static class FaultListJson
{
    /// <summary>The document for the lab's answer to <c>GET /v1/faults</c>.</summary>
    public static JsonObject Document(FaultListResponse list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var faults = new JsonArray();
        foreach (var fault in list.Faults)
        {
            faults.Add(Fault(fault, list.LabTime));
        }

        return new JsonObject { ["faults"] = faults };
    }

    /// <summary>Whole lab seconds until <paramref name="fault"/>'s lease lapses, never negative (as the text table shows it).</summary>
    public static double LeaseLeftSeconds(ActiveFault fault, DateTimeOffset labTime)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Math.Max(0, Math.Floor((fault.LeaseExpiresAt - labTime).TotalSeconds));
    }

    private static JsonObject Fault(ActiveFault fault, DateTimeOffset labTime)
    {
        // The kind is its own field; the options are what 'fault add' takes for it.
        var options = JsonSerializer.SerializeToNode<FaultOptions>(fault.Spec.Options, FaultJson.Options)!.AsObject();
        options.Remove("kind");
        return new JsonObject
        {
            ["id"] = fault.Id,
            ["kind"] = FaultKinds.NameOf(fault.Spec.Kind),
            ["owner"] = fault.Owner,
            ["target"] = JsonSerializer.SerializeToNode(fault.Spec.Target, FaultJson.Options),
            ["targets"] = new JsonArray([.. fault.Targets.Select(t => (JsonNode?)t)]),
            ["options"] = options,
            ["percentage"] = fault.Spec.Percentage,
            ["leaseSeconds"] = (fault.LeaseExpiresAt - fault.AppliedAt).TotalSeconds,
            ["leaseLeftSeconds"] = LeaseLeftSeconds(fault, labTime),
        };
    }
}
