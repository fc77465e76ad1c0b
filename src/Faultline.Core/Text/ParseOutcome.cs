namespace Faultline.Core.Text;

/// <summary>How parsing a bounded value went.</summary>
public enum ParseOutcome
{
    /// <summary>The text is a value within the allowed range.</summary>
    Valid,

    /// <summary>The text is not a value of the kind asked for.</summary>
    Malformed,

    /// <summary>The text is a value of the right kind, but outside the allowed range.</summary>
    OutOfRange,
}
