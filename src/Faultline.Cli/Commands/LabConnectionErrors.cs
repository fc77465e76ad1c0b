using Faultline.Core.Text;

namespace Faultline.Cli.Commands;

/// <summary>
/// The messages of finding and reaching a running lab, the same for <c>fault</c>, <c>recover</c> and <c>run --lab</c>
/// (they are API and pinned by tests). Every value a user typed is echoed through <see cref="Echo.Value"/>.
/// </summary>
internal static class LabConnectionErrors
{
    /// <summary>A <c>--lab</c> that is not an http URL.</summary>
    public static string NotAnHttpUrl(string lab) =>
        $"--lab '{Echo.Value(lab)}' is not an http URL; e.g. --lab http://127.0.0.1:8474";

    /// <summary><c>--token-file</c> without <c>--lab</c>.</summary>
    public static string TokenFileWithoutLab() =>
        "--token-file goes with --lab: without --lab, the token each lab wrote next to its state file is used";

    /// <summary>No lab runs on this machine (as far as the state directory tells).</summary>
    public static string NoLabRunning(string labsFolder, int stoppedLabs) =>
        $"no lab is running: none found in {labsFolder}{(stoppedLabs > 0 ? $" ({stoppedLabs} state file(s) there were left by labs that stopped)" : string.Empty)}; start one with 'faultline lab up TOPOLOGY', or pass --lab URL";

    /// <summary>More than one lab runs, so which one is meant is the user's call.</summary>
    public static string SeveralLabsRunning(IReadOnlyList<(string Name, Uri Url)> labs) =>
        $"{labs.Count} labs are running: {string.Join(", ", labs.Select(l => $"{l.Name} at {l.Url}"))}; pick one with --lab URL, e.g. --lab {labs[0].Url}";

    /// <summary>No token for a lab: where it was looked for, and how to give one.</summary>
    public static string NoToken(Uri url, string tokenFile) =>
        $"no token for the lab at {url}: {tokenFile} does not exist and {LabConnectionSettings.TokenVariable} is not set; pass --token-file FILE, set {LabConnectionSettings.TokenVariable}, or run on the machine whose lab wrote it";

    /// <summary>The lab did not answer.</summary>
    public static string Unreachable(Uri url, string reason) =>
        $"cannot reach the lab at {url}: {Echo.Message(reason).TrimEnd('.')}; is 'faultline lab up' still running there?";

    /// <summary>The lab answered with an error.</summary>
    public static string Refused(Uri url, int status, string reason) =>
        $"the lab at {url} refused ({status}): {Echo.Message(reason)}";
}
