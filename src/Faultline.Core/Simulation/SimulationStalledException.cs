namespace Faultline.Core.Simulation;

/// <summary>A simulated run waited for something that can no longer happen: no event was left to run.</summary>
public sealed class SimulationStalledException : InvalidOperationException
{
    /// <summary>Creates the exception for a stall at lab time <paramref name="at"/>.</summary>
    public SimulationStalledException(DateTimeOffset at)
        : base($"the simulation stalled at {at:O}: it waits for something, and nothing is left to happen; this is a bug in the simulated engine")
    {
        At = at;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulationStalledException()
        : this(VirtualClock.DefaultEpoch)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulationStalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SimulationStalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When it stalled (lab time).</summary>
    public DateTimeOffset At { get; }
}
