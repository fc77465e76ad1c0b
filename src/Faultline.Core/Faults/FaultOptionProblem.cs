using Faultline.Core.Diagnostics;

namespace Faultline.Core.Faults;

/// <summary>
/// What is wrong with a fault's options, as every front end reports it: the option it is about (where a file
/// reader points), what is wrong and how to fix it. Built only by <see cref="FaultOptionErrors"/>.
/// </summary>
/// <param name="Option">The option's name in files (<c>delay</c>), or <c>null</c> when the problem is the options as a whole.</param>
/// <param name="Message">What is wrong, naming options as the front end spells them.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record FaultOptionProblem(string? Option, string Message, string Fix)
{
    /// <summary>The problem as an error at <paramref name="location"/>, its message after <paramref name="subject"/> (e.g. <c>latency: </c>).</summary>
    public Diagnostic ToDiagnostic(SourceLocation? location, string subject) => Diagnostic.Error(location, subject + Message, Fix);

    /// <inheritdoc />
    public override string ToString() => $"{Message}; {Fix}";
}
