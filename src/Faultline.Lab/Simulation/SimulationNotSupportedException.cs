namespace Faultline.Lab.Simulation;

/// <summary>The topology uses something the simulated engine has no model for (a function's <c>upstream</c> service).</summary>
public sealed class SimulationNotSupportedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationNotSupportedException()
        : base("the topology cannot be simulated")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulationNotSupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SimulationNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
