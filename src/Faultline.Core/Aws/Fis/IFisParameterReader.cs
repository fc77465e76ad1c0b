namespace Faultline.Core.Aws.Fis;

/// <summary>
/// The parameters of one FIS action being imported. Each method returns the parameter's value, its default when it is
/// absent, or (when it is malformed or out of bounds) reports an error at the parameter's place in the template.
/// </summary>
public interface IFisParameterReader
{
    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, as FIS writes it (a string); <paramref name="fallback"/> when absent, <c>null</c> when malformed.</summary>
    int? WholeNumber(string parameter, int fallback, int minimum, int maximum);

    /// <summary><c>true</c> or <c>false</c> as text; <c>true</c> when absent or malformed.</summary>
    string Boolean(string parameter);

    /// <summary>Text; <c>null</c> when absent.</summary>
    string? Text(string parameter);
}
