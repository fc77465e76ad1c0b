namespace Faultline.Lab.Limits;

/// <summary>The process's open-file limit (<c>RLIMIT_NOFILE</c>): the soft limit in force and the hard ceiling it may be raised to.</summary>
/// <param name="Soft">The limit in force (<c>ulimit -n</c>); <see cref="long.MaxValue"/> when unlimited.</param>
/// <param name="Hard">The most the soft limit may be raised to without privileges (<c>ulimit -Hn</c>); <see cref="long.MaxValue"/> when unlimited.</param>
public readonly record struct DescriptorLimit(long Soft, long Hard);
