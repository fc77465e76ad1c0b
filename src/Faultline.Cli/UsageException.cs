namespace Faultline.Cli;

/// <summary>A command line that cannot run (an unknown option, stray arguments): exit code 2, nothing started.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with the message shown after <c>error:</c>.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (not used; for the standard constructor set).</summary>
    public UsageException()
        : base("invalid usage")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
