namespace Faultline.Lab.Host;

/// <summary>How long the host kept the lab clock's timers from running, so modelled deadlines can leave that time out.</summary>
public interface IHostStalls
{
    /// <summary>The lab time between <paramref name="from"/> and <paramref name="to"/> during which the host ran no timer on time.</summary>
    TimeSpan StalledBetween(DateTimeOffset from, DateTimeOffset to);
}
