namespace Faultline.Lab.Dns;

/// <summary>Timeouts of <see cref="DnsStubResolver"/>.</summary>
public sealed record DnsStubResolverOptions
{
    /// <summary>How long one attempt waits for an answer (lab time). Default 5 s, as glibc's resolver.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many UDP attempts are made before giving up. Default 2.</summary>
    public int Attempts { get; init; } = 2;
}
