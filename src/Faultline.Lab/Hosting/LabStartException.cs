namespace Faultline.Lab.Hosting;

/// <summary>The lab could not start (a port in use, say); the message says which part and what to do.</summary>
public sealed class LabStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabStartException()
        : base("The lab could not start.")
    {
    }
}
