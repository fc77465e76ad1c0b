using Faultline.Core.Topology;

namespace Faultline.Core.Gateway;

/// <summary>
/// API Gateway's throttling bucket on the lab clock: it starts full with <see cref="ThrottleSettings.BurstLimit"/>
/// tokens and refills at <see cref="ThrottleSettings.RateLimit"/> tokens per second up to that size; a request takes
/// one token. Not thread-safe: <see cref="GatewayThrottle"/> holds the lock.
/// </summary>
/// <remarks>Source: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html.</remarks>
public sealed class TokenBucket
{
    private readonly ThrottleSettings _settings;
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(ThrottleSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = settings;
        _timeProvider = timeProvider;
        _tokens = settings.BurstLimit;
        _refilledAt = timeProvider.GetUtcNow();
    }

    /// <summary>Whether a token is there now (after refilling for the time since the last look).</summary>
    public bool HasToken() => HasToken(_timeProvider.GetUtcNow());

    /// <summary>Whether a token is there at <paramref name="now"/>, read from the bucket's clock (after refilling for the time since the last look; an earlier time refills nothing).</summary>
    public bool HasToken(DateTimeOffset now)
    {
        if (now > _refilledAt)
        {
            _tokens = Math.Min(_settings.BurstLimit, _tokens + ((now - _refilledAt).TotalSeconds * _settings.RateLimit));
            _refilledAt = now;
        }

        return _tokens >= 1;
    }

    /// <summary>Takes the token <see cref="HasToken()"/> found.</summary>
    public void Take() => _tokens -= 1;
}
