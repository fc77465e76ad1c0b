namespace Faultline.Cli.Commands;

/// <summary>A lab a command will talk to: its name, control URL, token (when found) and where its token and state files are.</summary>
/// <param name="Name">The topology's name for a discovered lab; the URL for one given with <c>--lab</c>.</param>
/// <param name="Url">The fault control URL.</param>
/// <param name="Token">The token, or <c>null</c> when none was found (<see cref="TokenError"/> says why).</param>
/// <param name="TokenError">Why there is no token, or <c>null</c>.</param>
/// <param name="StateFile">The descriptor the lab left in the state directory, or <c>null</c> for one given with <c>--lab</c>.</param>
internal sealed record LabEndpoint(string Name, Uri Url, string? Token, string? TokenError, string? StateFile)
{
    /// <summary>How messages name the lab: <c>seed (http://127.0.0.1:8474/)</c>, or the URL alone.</summary>
    public string Label => string.Equals(Name, Url.ToString(), StringComparison.Ordinal) ? Name : $"{Name} ({Url})";
}
