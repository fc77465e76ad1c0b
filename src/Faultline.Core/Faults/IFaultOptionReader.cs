namespace Faultline.Core.Faults;

/// <summary>
/// A front end's values for a fault's options (an experiment file's action, <c>fault add</c>'s flags). Each method
/// returns the option's value, or <c>null</c> when it is absent or malformed; a malformed value is reported by the
/// reader in its own terms (with file:line:column, or naming the flag), and <see cref="Failed"/> is then set.
/// </summary>
public interface IFaultOptionReader
{
    /// <summary>Whether a value was malformed (already reported); the options read are then not used.</summary>
    bool Failed { get; }

    /// <summary>A duration option.</summary>
    TimeSpan? Duration(FaultOptionDefinition option);

    /// <summary>A whole-number option.</summary>
    int? WholeNumber(FaultOptionDefinition option);

    /// <summary>A true/false option.</summary>
    bool? Boolean(FaultOptionDefinition option);

    /// <summary>A text option.</summary>
    string? Text(FaultOptionDefinition option);

    /// <summary>A choice option: one of <see cref="FaultOptionDefinition.Choices"/> as written there (an unknown name is reported with <see cref="FaultOptionErrors.UnknownChoice"/>).</summary>
    string? Choice(FaultOptionDefinition option);
}
