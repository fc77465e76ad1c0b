using Faultline.Core.Topology;

namespace Faultline.Lab.Load;

/// <summary>
/// How many TCP connections a population may hold open at once: its <see cref="ClientConfig.MaxConnections"/>,
/// or, when unset, enough for every request of a fully stalled server at the population's peak rate to have its
/// own (<c>rate × request timeout × 1.25 + 32</c>, like the in-flight bound) capped at <see cref="AutoCap"/>.
/// The load generator, the gateway's connection limit and the descriptor check all size from here.
/// </summary>
public static class LoadConnections
{
    /// <summary>The most connections sized automatically: 1,024 per population.</summary>
    public const int AutoCap = 1024;

    /// <summary>The bound for a population whose peak rate is <paramref name="peakRatePerSecond"/> requests per lab second.</summary>
    public static int For(ClientConfig client, double peakRatePerSecond, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.MaxConnections ?? Auto(peakRatePerSecond, requestTimeout);
    }

    /// <summary>The bound for a population at its configured rate.</summary>
    public static int For(ClientConfig client, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        return For(client, client.RatePerSecond, requestTimeout);
    }

    private static int Auto(double ratePerSecond, TimeSpan requestTimeout)
    {
        // At low rates a stalled server must not make requests queue for a connection (a queue would delay
        // failover, which real customers, each with their own connection, do not see); at high rates the cap keeps
        // the descriptor need finite. NaN and infinities fall to the cap.
        var wanted = (ratePerSecond * requestTimeout.TotalSeconds * 1.25) + 32;
        return wanted is >= 1 and < AutoCap ? (int)Math.Ceiling(wanted) : AutoCap;
    }
}
