using System.Globalization;
using System.Text.Json;
using Faultline.Core.Faults.Serialization;

namespace Faultline.Lab.Control;

/// <summary>
/// Where labs leave what a client needs to find and control them: <c>$FAULTLINE_HOME</c>, else
/// <c>~/.faultline</c>; per lab <c>labs/&lt;port&gt;.token</c> (mode 0600) and <c>labs/&lt;port&gt;.json</c>.
/// </summary>
public static class LabStateDirectory
{
    /// <summary>The environment variable that overrides the state directory.</summary>
    public const string HomeVariable = "FAULTLINE_HOME";

    /// <summary>The state directory: <paramref name="overridePath"/>, else <c>$FAULTLINE_HOME</c>, else <c>~/.faultline</c>.</summary>
    public static string Resolve(string? overridePath = null)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return overridePath;
        }

        var home = Environment.GetEnvironmentVariable(HomeVariable);
        return !string.IsNullOrWhiteSpace(home)
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".faultline");
    }

    /// <summary>The token file of the lab whose control API listens on <paramref name="port"/>.</summary>
    public static string TokenFile(string stateDirectory, int port) =>
        Path.Combine(stateDirectory, "labs", port.ToString(CultureInfo.InvariantCulture) + ".token");

    /// <summary>The descriptor file of the lab whose control API listens on <paramref name="port"/>.</summary>
    public static string DescriptorFile(string stateDirectory, int port) =>
        Path.Combine(stateDirectory, "labs", port.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>Reads the token of the lab at <paramref name="controlUrl"/> from the state directory, or <c>null</c> when there is none.</summary>
    public static string? TryReadToken(Uri controlUrl, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(controlUrl);
        var path = TokenFile(Resolve(stateDirectory), controlUrl.Port);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>
    /// The descriptors of every lab that left one in the state directory, with their file paths; unreadable
    /// files are skipped. A lab that was killed leaves its descriptor behind, so a listed lab may not be running.
    /// </summary>
    public static IReadOnlyList<(string Path, LabDescriptor Descriptor)> FindDescriptors(string? stateDirectory = null)
    {
        var labs = Path.Combine(Resolve(stateDirectory), "labs");
        if (!Directory.Exists(labs))
        {
            return [];
        }

        var found = new List<(string, LabDescriptor)>();
        foreach (var path in Directory.EnumerateFiles(labs, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<LabDescriptor>(File.ReadAllText(path), FaultJson.Options) is { } descriptor)
                {
                    found.Add((path, descriptor));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                // Half-written or foreign files are not labs.
            }
        }

        return found;
    }
}
