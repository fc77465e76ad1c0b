using Faultline.Lab.Control;

namespace Faultline.Cli.Commands.Fault;

/// <summary>Finds a lab's token and makes a control client for the <c>fault</c> verbs.</summary>
internal static class FaultLabConnection
{
    /// <summary>
    /// The token: from <c>--token-file</c>, else <c>FAULTLINE_TOKEN</c>, else the token file the lab wrote in
    /// the state directory for the URL's port; <c>null</c> with <paramref name="error"/> set when there is none.
    /// </summary>
    public static string? FindToken(FaultLabSettings settings, out string? error)
    {
        error = null;
        if (settings.TokenFile is not null)
        {
            return PathChecks.ReadInputFile("--token-file", settings.TokenFile, out error)?.Trim();
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(FaultLabSettings.TokenVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        var token = LabStateDirectory.TryReadToken(settings.LabUrl);
        if (token is null)
        {
            var expected = LabStateDirectory.TokenFile(LabStateDirectory.Resolve(), settings.LabUrl.Port);
            error = $"no token for the lab at {settings.LabUrl}: pass --token-file, set {FaultLabSettings.TokenVariable}, or run on the machine whose lab wrote {expected}";
        }

        return token;
    }

    /// <summary>A client for the lab, or <c>null</c> with the reason.</summary>
    public static FaultControlClient? Connect(FaultLabSettings settings, HttpClient http, out string? error)
    {
        var token = FindToken(settings, out error);
        return token is null ? null : new FaultControlClient(http, settings.LabUrl, token);
    }
}
