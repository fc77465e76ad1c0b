using System.Net;

namespace Faultline.Lab.Control;

/// <summary>The fault control API refused a request; the message is the API's.</summary>
public sealed class FaultControlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FaultControlException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception (not used).</summary>
    public FaultControlException()
        : this(HttpStatusCode.InternalServerError, "The fault control API refused the request.")
    {
    }

    /// <summary>Creates the exception (not used).</summary>
    public FaultControlException(string message)
        : this(HttpStatusCode.InternalServerError, message)
    {
    }

    /// <summary>Creates the exception (not used).</summary>
    public FaultControlException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    /// <summary>The HTTP status the API answered.</summary>
    public HttpStatusCode StatusCode { get; }
}
