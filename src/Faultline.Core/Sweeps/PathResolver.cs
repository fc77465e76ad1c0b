using Faultline.Core.Diagnostics;

namespace Faultline.Core.Sweeps;

/// <summary>
/// Follows an axis's path through the experiment and topology documents. Every key but the last must
/// exist; the last may be absent (the sweep adds it and the readers judge it). Problems are
/// <see cref="SweepErrors"/> naming the argument, the step that is wrong and what exists there.
/// </summary>
internal static class PathResolver
{
    public static ResolvedPath? Resolve(SweepAxis axis, SpanNode experiment, SpanNode topology, out Diagnostic? error)
    {
        error = null;
        var steps = axis.Steps;
        var first = steps[0].Text;
        var file = axis.File;
        if (file == SweepFile.Either)
        {
            var inExperiment = experiment.Find(first) is not null;
            var inTopology = topology.Find(first) is not null;
            if (inExperiment && inTopology)
            {
                error = SweepErrors.AmbiguousRoot(axis.Argument, first, axis.Path);
                return null;
            }

            if (!inExperiment && !inTopology)
            {
                error = SweepErrors.UnknownRoot(axis.Argument, first, [.. experiment.Keys().Concat(topology.Keys()).Distinct(StringComparer.Ordinal)]);
                return null;
            }

            file = inExperiment ? SweepFile.Experiment : SweepFile.Topology;
        }

        if (file == SweepFile.Experiment && string.Equals(first, "topology", StringComparison.Ordinal))
        {
            error = SweepErrors.TopologyReference(axis.Argument);
            return null;
        }

        var node = file == SweepFile.Experiment ? experiment : topology;
        var here = file == SweepFile.Experiment ? "the experiment" : "the topology";
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var last = i == steps.Count - 1;
            if (i > 0)
            {
                here = PathStep.Render(steps.Take(i));
            }

            if (node.Kind == SpanNodeKind.Scalar)
            {
                error = SweepErrors.PastValue(axis.Argument, here);
                return null;
            }

            if (!step.IsSelector)
            {
                if (node.Kind == SpanNodeKind.Sequence)
                {
                    error = SweepErrors.KeyOnList(axis.Argument, here, step.Text, EntryNames(node).FirstOrDefault() ?? "NAME");
                    return null;
                }

                var entry = node.Find(step.Text);
                if (entry is null)
                {
                    if (last)
                    {
                        return new ResolvedPath(axis, file, node, step.Text, Key: null, Value: null);
                    }

                    error = SweepErrors.UnknownKey(axis.Argument, here, step.Text, node.Keys());
                    return null;
                }

                if (last)
                {
                    return Target(axis, file, node, step.Text, entry.Value.Key, entry.Value.Value, out error);
                }

                node = entry.Value.Value;
                continue;
            }

            if (node.Kind == SpanNodeKind.Mapping)
            {
                error = SweepErrors.SelectorOnMapping(axis.Argument, here, step.Text);
                return null;
            }

            var item = node.Items.FirstOrDefault(item => string.Equals(EntryName(item), step.Text, StringComparison.Ordinal));
            if (item is null)
            {
                error = SweepErrors.UnknownName(axis.Argument, here, step.Text, [.. EntryNames(node)]);
                return null;
            }

            if (last)
            {
                return Target(axis, file, node, step.Text, key: null, item, out error);
            }

            node = item;
        }

        // The loop returns at the last step; paths always have one.
        throw new InvalidOperationException("a sweep path has no steps");
    }

    private static ResolvedPath? Target(SweepAxis axis, SweepFile file, SpanNode parent, string lastKey, SpanNode? key, SpanNode value, out Diagnostic? error)
    {
        error = null;
        if (value.Kind == SpanNodeKind.Scalar)
        {
            return new ResolvedPath(axis, file, parent, lastKey, key, value);
        }

        var path = PathStep.Render(axis.Steps);
        error = value.Kind == SpanNodeKind.Mapping
            ? SweepErrors.NotAValue(axis.Argument, path, "a mapping", value.Keys())
            : SweepErrors.NotAValue(axis.Argument, path, "a list", []);
        return null;
    }

    // A list entry is picked by its name: key, else its id: key (record sets).
    private static string? EntryName(SpanNode item)
    {
        if (item.Kind != SpanNodeKind.Mapping)
        {
            return null;
        }

        var name = item.Find("name") ?? item.Find("id");
        return name is { Value.Kind: SpanNodeKind.Scalar } found ? found.Value.Value : null;
    }

    private static IEnumerable<string> EntryNames(SpanNode list) =>
        list.Items.Select(EntryName).OfType<string>().Distinct(StringComparer.Ordinal);
}
