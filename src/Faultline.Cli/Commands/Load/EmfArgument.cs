namespace Faultline.Cli.Commands.Load;

/// <summary>
/// Lets <c>--emf -</c> mean standard output: Spectre's parser reads a lone <c>-</c> as an option without a name
/// ("Option does not have a name"), so the pair is handed to it as the one token <c>--emf=-</c>, which it binds.
/// </summary>
internal static class EmfArgument
{
    /// <summary>The option whose value may be <c>-</c>.</summary>
    public const string Option = "--emf";

    /// <summary>The arguments with every <c>--emf -</c> pair (before any <c>--</c>) joined into <c>--emf=-</c>.</summary>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                result.AddRange(args[i..]);
                break;
            }

            if (args[i] == Option && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add(Option + "=-");
                i++;
                continue;
            }

            result.Add(args[i]);
        }

        return [.. result];
    }
}
