using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Sweeps;

/// <summary>
/// Applies sweep points to an experiment and its topology by editing their YAML text — a value replaced
/// where it is written, a missing last key added to its mapping, flow or block — and reading the edited
/// texts with <see cref="ExperimentReader"/> and <see cref="TopologyReader"/>, so every swept value is
/// checked by the same rules as the files. The readers' problems are attributed to the <c>--set</c>
/// argument (and the point) that caused them.
/// </summary>
public static class SweepApplier
{
    /// <summary>
    /// Applies every point of <paramref name="plan"/>. Problems with the files themselves are returned as the
    /// readers give them; problems with a path once (they hold at every point); problems with values per
    /// point. A plan without axes gives one application of the files as written.
    /// </summary>
    public static SweepApplyResult ApplyAll(SweepSources sources, SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(plan);
        var editor = SweepEditor.Create(sources, plan.Axes, out var problems);
        if (editor is null)
        {
            return new SweepApplyResult([], problems);
        }

        var applications = plan.Points.Select(editor.Apply).ToList();
        var diagnostics = applications.SelectMany(a => a.Diagnostics).DistinctBy(d => d.ToString()).ToList();
        return new SweepApplyResult(applications, diagnostics);
    }

    /// <summary>
    /// Applies one point. When the files or a path are wrong, the application has no models and carries
    /// those problems, with the texts as given.
    /// </summary>
    public static SweepApplication Apply(SweepSources sources, SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(point);
        var editor = SweepEditor.Create(sources, [.. point.Settings.Select(s => s.Axis)], out var problems);
        return editor is null
            ? new SweepApplication(point, null, null, sources.ExperimentText, sources.TopologyText, problems)
            : editor.Apply(point);
    }
}
