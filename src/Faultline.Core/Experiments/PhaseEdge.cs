using Faultline.Core.Text;

namespace Faultline.Core.Experiments;

/// <summary>A moment relative to a phase edge, e.g. <c>fault.start + 3m</c>.</summary>
public sealed record PhaseEdge(Phase Phase, PhaseEdgeKind Edge, TimeSpan Offset)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{Phase.ToString().ToLowerInvariant()}.{Edge.ToString().ToLowerInvariant()}";
        if (Offset == TimeSpan.Zero)
        {
            return text;
        }

        return Offset > TimeSpan.Zero ? $"{text} + {Durations.Format(Offset)}" : $"{text} - {Durations.Format(-Offset)}";
    }
}
