using Faultline.Core.Experiments;
using Faultline.Core.Topology;
using Faultline.Lab.Load;

namespace Faultline.Lab.Runs;

/// <summary>
/// The client populations a run drives: the experiment's selection of the topology's clients (all of them when it
/// names none), each at its starting rate and with its connection bound resolved for its peak rate, so the load
/// generator, the lab's gateway limit and the descriptor check agree on it.
/// </summary>
public static class RunPopulations
{
    /// <summary>The populations of <paramref name="experiment"/> on <paramref name="topology"/>.</summary>
    /// <param name="experiment">The experiment (its <c>load</c> section).</param>
    /// <param name="topology">The topology whose clients it names.</param>
    /// <param name="requestTimeout">The load generator's request timeout, which sizes automatic connection bounds.</param>
    public static IReadOnlyList<ClientConfig> Of(Experiment experiment, Topology topology, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        if (experiment.Load.Populations.Count == 0)
        {
            return topology.Clients.Select(c => c with { MaxConnections = LoadConnections.For(c, requestTimeout) }).ToArray();
        }

        return experiment.Load.Populations
            .Select(p =>
            {
                var client = topology.Clients.First(c => string.Equals(c.Name, p.Client, StringComparison.Ordinal));
                var rate = p.RatePerSecond ?? client.RatePerSecond;
                var start = p.RampFromPerSecond ?? rate;
                return client with { RatePerSecond = start, MaxConnections = LoadConnections.For(client, Math.Max(start, rate), requestTimeout) };
            })
            .ToArray();
    }
}
