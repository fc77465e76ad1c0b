namespace Faultline.Core.Simulation;

/// <summary>
/// Simulated code scheduled lab time from a thread other than the one driving the simulation: something ran on
/// the thread pool, and the run would no longer be deterministic. A bug in the simulated engine, never the input.
/// </summary>
public sealed class SimulationEscapedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SimulationEscapedException()
        : base("simulated code ran on another thread than the simulation's (it would no longer be deterministic); this is a bug in the simulated engine")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulationEscapedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SimulationEscapedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
