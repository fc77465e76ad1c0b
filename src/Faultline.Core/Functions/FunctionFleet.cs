using Faultline.Core.Faults;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Functions;

/// <summary>The runtimes of every function of a topology, found by id or by a region's route.</summary>
public sealed class FunctionFleet
{
    private readonly Dictionary<string, FunctionRuntime> _byId;
    private readonly Dictionary<string, FunctionRuntime[]> _byRegion;

    /// <summary>Creates a runtime for every function of <paramref name="topology"/>.</summary>
    /// <param name="topology">The topology.</param>
    /// <param name="faults">The faults the functions obey.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="random">The run's seeded source (the fleet derives its own).</param>
    /// <param name="handlerFactory">
    /// Makes the handler of a function; default: the built-in handler named by <see cref="FunctionConfig.Handler"/>.
    /// The lab passes a factory that also forwards <c>upstream:</c> functions.
    /// </param>
    public FunctionFleet(Topology.Topology topology, IFaultState faults, TimeProvider timeProvider, RandomSource random, Func<FunctionConfig, FunctionHandler>? handlerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(random);
        handlerFactory ??= DefaultHandler;
        var source = random.Derive();
        _byId = topology.AllFunctions.ToDictionary(
            f => f.Id,
            f => new FunctionRuntime(f, handlerFactory(f), faults, timeProvider, source),
            StringComparer.Ordinal);

        // Routing runs for every request: each region's runtimes once, in topology order (the first matching route wins).
        _byRegion = _byId.Values.GroupBy(r => r.Config.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every runtime.</summary>
    public IEnumerable<FunctionRuntime> All => _byId.Values;

    /// <summary>The runtime of a function id (<c>region/name</c>), or <c>null</c>.</summary>
    public FunctionRuntime? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The runtime a region's gateway routes <paramref name="method"/> <paramref name="path"/> to, or <c>null</c>.</summary>
    public FunctionRuntime? Route(string region, string method, string path)
    {
        if (_byRegion.TryGetValue(region, out var runtimes))
        {
            foreach (var runtime in runtimes)
            {
                if (runtime.Config.Route.Matches(method, path))
                {
                    return runtime;
                }
            }
        }

        return null;
    }

    /// <summary>The built-in handler of a function.</summary>
    /// <exception cref="ArgumentException">The function names no built-in handler.</exception>
    public static FunctionHandler DefaultHandler(FunctionConfig function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return BuiltInHandlers.TryGet(function.Handler, out var handler)
            ? handler
            : throw new ArgumentException($"Function '{function.Id}' names handler '{function.Handler}', which is not built in; built-in handlers: {string.Join(", ", BuiltInHandlers.Names)}", nameof(function));
    }
}
