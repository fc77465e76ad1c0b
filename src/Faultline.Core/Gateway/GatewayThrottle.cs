using Faultline.Core.Topology;

namespace Faultline.Core.Gateway;

/// <summary>
/// One region's API Gateway throttling: the stage's bucket and one per throttled route. A request passes only when
/// its route's bucket (if any) and the stage's both hold a token, and then takes one from each; otherwise the
/// gateway answers 429 and takes none.
/// </summary>
public sealed class GatewayThrottle
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly TokenBucket _stage;
    private readonly Dictionary<RouteKey, TokenBucket> _routes;

    /// <summary>Creates full buckets for <paramref name="gateway"/>'s settings on <paramref name="timeProvider"/>.</summary>
    public GatewayThrottle(GatewayConfig gateway, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _stage = new TokenBucket(gateway.Throttling, timeProvider);
        _routes = gateway.RouteThrottling.ToDictionary(r => r.Key, r => new TokenBucket(r.Value, timeProvider));
    }

    /// <summary>Admits one request on <paramref name="route"/> (the matched function's route), or refuses it.</summary>
    public bool TryAdmit(RouteKey route)
    {
        ArgumentNullException.ThrowIfNull(route);

        // Every request of the region passes here: the lookup and the clock are read before the lock, so it is held briefly.
        var routeBucket = _routes.Count == 0 ? null : _routes.GetValueOrDefault(route);
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if ((routeBucket is not null && !routeBucket.HasToken(now)) || !_stage.HasToken(now))
            {
                return false;
            }

            routeBucket?.Take();
            _stage.Take();
            return true;
        }
    }
}
