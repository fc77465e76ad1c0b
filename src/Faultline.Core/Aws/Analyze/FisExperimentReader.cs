using Faultline.Core.Diagnostics;
using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Reads the JSON of <c>aws fis get-experiment</c>: <c>{"experiment": {id, state{status, reason}, startTime, endTime,
/// actions{name: {actionId, state{status, reason}, startTime, endTime}}, …}}</c>. Fields it does not use (targets,
/// stopConditions, tags…) are ignored. Every problem is a located error.
/// </summary>
public static class FisExperimentReader
{
    /// <summary>FIS's experiment statuses (botocore's <c>ExperimentStatus</c>).</summary>
    public static readonly IReadOnlyList<string> ExperimentStatuses = ["pending", "initiating", "running", "completed", "stopping", "stopped", "failed", "cancelled"];

    /// <summary>FIS's action statuses (botocore's <c>ExperimentActionStatus</c>).</summary>
    public static readonly IReadOnlyList<string> ActionStatuses = ["pending", "initiating", "running", "completed", "cancelled", "stopping", "stopped", "failed", "skipped"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is not that JSON; each diagnostic names file:line:column.</exception>
    public static FisExperimentRun Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads <paramref name="text"/>, naming <paramref name="file"/> in errors.</summary>
    /// <exception cref="InvalidInputException">The text is not that JSON; each diagnostic names file:line:column.</exception>
    public static FisExperimentRun Read(string text, string file)
    {
        var root = LocatedJson.Parse(text, file);
        var fields = new JsonFields(AnalyzeErrors.FisFix);
        fields.Require(root, JsonNodeKind.Map, "an object with an 'experiment' member", "(the file)");
        fields.ThrowIfAny();
        var experiment = fields.Object(root, "experiment", "experiment");
        fields.ThrowIfAny();
        var state = fields.Object(experiment!, "state", "experiment.state");
        var status = state is null ? null : Status(fields, state, "experiment.state.status", ExperimentStatuses);
        var reason = state is null ? null : fields.String(state, "reason", "experiment.state.reason", required: false);
        var start = fields.Time(experiment!, "startTime", "experiment.startTime");
        var end = fields.Time(experiment!, "endTime", "experiment.endTime", required: false);
        var actions = new List<FisActionRun>();
        if (fields.Object(experiment!, "actions", "experiment.actions") is { } map)
        {
            foreach (var (name, node) in map.Members)
            {
                var at = $"experiment.actions.{name}";
                fields.Require(node, JsonNodeKind.Map, "an object", at);
                if (node.Kind != JsonNodeKind.Map)
                {
                    continue;
                }

                var actionId = fields.String(node, "actionId", $"{at}.actionId");
                var actionState = fields.Object(node, "state", $"{at}.state");
                var actionStatus = actionState is null ? null : Status(fields, actionState, $"{at}.state.status", ActionStatuses);
                var actionStart = fields.Time(node, "startTime", $"{at}.startTime", required: false);
                var actionEnd = fields.Time(node, "endTime", $"{at}.endTime", required: false);
                if (actionId is not null && actionStatus is not null)
                {
                    actions.Add(new FisActionRun
                    {
                        Name = name,
                        ActionId = actionId,
                        State = Enum.Parse<ActionState>(actionStatus, ignoreCase: true),
                        Reason = fields.String(actionState!, "reason", $"{at}.state.reason", required: false),
                        StartTime = actionStart,
                        EndTime = actionEnd,
                        Location = node.Location,
                    });
                }
            }
        }

        fields.ThrowIfAny();
        return new FisExperimentRun
        {
            Id = experiment!.Get("id")?.Text ?? string.Empty,
            Status = status!,
            Reason = reason,
            StartTime = start!.Value,
            EndTime = end,
            Actions = actions,
            Location = experiment.Location,
        };
    }

    private static string? Status(JsonFields fields, LocatedJson state, string path, IReadOnlyList<string> known)
    {
        if (fields.String(state, "status", path) is not { } status)
        {
            return null;
        }

        if (!known.Contains(status, StringComparer.Ordinal))
        {
            fields.Errors.Add(Diagnostic.Error(state.Get("status")!.Location, AnalyzeErrors.UnknownStatus(path, status, known), AnalyzeErrors.FisFix));
            return null;
        }

        return status;
    }
}
