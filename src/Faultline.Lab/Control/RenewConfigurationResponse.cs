namespace Faultline.Lab.Control;

/// <summary>The answer to <c>POST /v1/functions/renew</c>.</summary>
public sealed record RenewConfigurationResponse
{
    /// <summary>Whose changes.</summary>
    public required string Owner { get; init; }

    /// <summary>When the lease now lapses (lab time).</summary>
    public required DateTimeOffset LeaseExpiresAt { get; init; }
}
