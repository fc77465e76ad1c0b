using Faultline.Cli.Output;
using Faultline.Lab.Limits;
using Spectre.Console;

namespace Faultline.Cli.Commands;

/// <summary>
/// The descriptor check at the start of <c>run</c> and <c>lab up</c>, before anything starts: says when it raised
/// the open-file limit, and refuses (the caller exits 2) when even the hard limit is too low.
/// </summary>
internal static class DescriptorGate
{
    /// <summary>Checks <paramref name="need"/>; <c>false</c> (with the error written) when the command must not start.</summary>
    public static bool Pass(IAnsiConsole console, DescriptorNeed need, string topologyPath, IDescriptorLimits? limits = null)
    {
        var result = DescriptorCheck.Ensure(need, limits ?? ProcessDescriptorLimits.Instance);
        switch (result.Outcome)
        {
            case DescriptorCheckOutcome.Refused:
                DiagnosticWriter.Write(console, [DescriptorErrors.TooFew(result, topologyPath)]);
                return false;
            case DescriptorCheckOutcome.Raised:
                console.MarkupLine($"[grey]{Markup.Escape(DescriptorErrors.Raised(result))}[/]");
                return true;
            default:
                return true;
        }
    }
}
