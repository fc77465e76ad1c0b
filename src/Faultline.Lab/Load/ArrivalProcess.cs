namespace Faultline.Lab.Load;

/// <summary>How arrivals are spaced at a given rate.</summary>
public enum ArrivalProcess
{
    /// <summary>Evenly: request n is sent exactly when the schedule's count reaches n (wrk2, k6 arrival-rate).</summary>
    Uniform,

    /// <summary>A Poisson process: exponential gaps drawn from the run's seeded random source (Artillery's arrivals).</summary>
    Poisson,
}
