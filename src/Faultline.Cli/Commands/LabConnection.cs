using System.Diagnostics;
using Faultline.Lab.Control;

namespace Faultline.Cli.Commands;

/// <summary>
/// Finds the lab a command talks to, the same way for <c>fault</c>, <c>recover</c> and <c>run --lab</c>: the
/// <c>--lab</c> URL, else the labs that left a state file in the state directory (<c>$FAULTLINE_HOME</c>, else
/// <c>~/.faultline</c>) and whose process still runs. The token comes from <c>--token-file</c>, else
/// <c>FAULTLINE_TOKEN</c>, else the token file the lab wrote.
/// </summary>
internal static class LabConnection
{
    /// <summary>The lab given with <c>--lab</c>, with its token or the reason there is none.</summary>
    public static LabEndpoint Given(LabConnectionSettings settings, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.LabUrl ?? throw new InvalidOperationException("--lab was not given");
        var token = FindToken(settings, url, LabStateDirectory.TokenFile(LabStateDirectory.Resolve(stateDirectory), url.Port), out var error);
        return new LabEndpoint(url.ToString(), url, token, error, StateFile: null);
    }

    /// <summary>
    /// The one lab to talk to: the one given with <c>--lab</c>, else the only one running on this machine;
    /// <c>null</c> with the message when none runs or several do.
    /// </summary>
    public static LabEndpoint? One(LabConnectionSettings settings, out string? error, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        error = null;
        if (settings.Lab is not null)
        {
            return Given(settings, stateDirectory);
        }

        var found = LabStateDirectory.FindDescriptors(stateDirectory);
        var running = found.Where(f => IsRunning(f.Descriptor.ProcessId)).ToList();
        switch (running.Count)
        {
            case 0:
                error = LabConnectionErrors.NoLabRunning(LabsFolder(stateDirectory), found.Count);
                return null;
            case 1:
                return Discovered(settings, running[0].Path, running[0].Descriptor);
            default:
                error = LabConnectionErrors.SeveralLabsRunning(running.Select(r => (r.Descriptor.Name, r.Descriptor.ControlUrl)).ToList());
                return null;
        }
    }

    /// <summary>
    /// Every lab to talk to: the one given with <c>--lab</c>, else every lab that left a state file (also of a lab
    /// that stopped, which <c>recover</c> reports); <c>null</c> with the message when there is none.
    /// </summary>
    public static IReadOnlyList<LabEndpoint>? All(LabConnectionSettings settings, out string? error, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        error = null;
        if (settings.Lab is not null)
        {
            return [Given(settings, stateDirectory)];
        }

        var found = LabStateDirectory.FindDescriptors(stateDirectory);
        if (found.Count == 0)
        {
            error = LabConnectionErrors.NoLabRunning(LabsFolder(stateDirectory), 0);
            return null;
        }

        return found.Select(f => Discovered(settings, f.Path, f.Descriptor)).ToList();
    }

    private static LabEndpoint Discovered(LabConnectionSettings settings, string stateFile, LabDescriptor descriptor)
    {
        var token = FindToken(settings, descriptor.ControlUrl, descriptor.TokenFile, out var error);
        return new LabEndpoint(descriptor.Name, descriptor.ControlUrl, token, error, stateFile);
    }

    private static string? FindToken(LabConnectionSettings settings, Uri url, string labTokenFile, out string? error)
    {
        error = null;
        if (settings.TokenFile is not null)
        {
            return PathChecks.ReadInputFile("--token-file", settings.TokenFile, out error)?.Trim();
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(LabConnectionSettings.TokenVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        try
        {
            if (File.Exists(labTokenFile))
            {
                return File.ReadAllText(labTokenFile).Trim();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = CliErrors.InputUnreadable("the lab's token file", labTokenFile, ex.Message);
            return null;
        }

        error = LabConnectionErrors.NoToken(url, labTokenFile);
        return null;
    }

    private static string LabsFolder(string? stateDirectory) => Path.Combine(LabStateDirectory.Resolve(stateDirectory), "labs");

    // A lab killed with SIGKILL leaves its state file behind; its process id tells whether it still runs.
    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
