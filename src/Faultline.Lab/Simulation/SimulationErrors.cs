namespace Faultline.Lab.Simulation;

/// <summary>The simulated engine's messages, built in one place.</summary>
public static class SimulationErrors
{
    /// <summary>Functions with an <c>upstream</c> cannot be simulated.</summary>
    public static string Upstream(IReadOnlyList<string> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return $"function{(functions.Count == 1 ? string.Empty : "s")} {string.Join(", ", functions)} call{(functions.Count == 1 ? "s" : string.Empty)} an upstream service, which the simulated engine cannot model (its latency and answers are only known on real sockets); use 'faultline run' (the live engine), or give the function a built-in handler for the simulation";
    }

    /// <summary>Something unexpected failed inside a simulated run.</summary>
    public static string Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the simulated run failed: {exception.GetType().Name}: {exception.Message}; this is a bug in the simulated engine";
    }
}
