using System.Text.Json;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>What one finished <c>faultline run</c> left: its exit code, its console output and its <c>--out</c> folder.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Everything it printed (stdout and stderr interleaved).</param>
/// <param name="Runs">The folder passed as <c>--out</c>; the run writes its own <c>RUN-ID</c> folder inside.</param>
public sealed record SharedRun(int ExitCode, string Output, string Runs)
{
    /// <summary>The run's own folder: the one and only folder the run wrote under <see cref="Runs"/>.</summary>
    public string Folder => Assert.Single(Directory.GetDirectories(Runs));

    /// <summary>The run's <c>result.json</c>.</summary>
    public JsonElement Result() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "result.json"))).RootElement;
}
