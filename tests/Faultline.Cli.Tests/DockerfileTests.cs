using System.Text.RegularExpressions;
using System.Xml.Linq;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests;

/// <summary>
/// The repository's Dockerfile (no docker here to build it): everything it copies exists, it publishes the real CLI
/// project, and the image's entrypoint is the executable that project builds.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepoPaths.Combine("Dockerfile"));

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyFromContext();

    [GeneratedRegex(@"^RUN dotnet publish (\S+) .*-o (\S+)", RegexOptions.Multiline)]
    private static partial Regex Publish();

    [Fact]
    public void Copy_EverySourcePath_ExistsInTheRepository()
    {
        var sources = CopyFromContext().Matches(Dockerfile)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(File.Exists(RepoPaths.Combine(s)) || Directory.Exists(RepoPaths.Combine(s.TrimEnd('/'))), $"the Dockerfile copies {s}, which is not in the repository"));
    }

    [Fact]
    public void Publish_TheCliProject_WhoseExecutableIsTheEntrypoint()
    {
        var publish = Publish().Match(Dockerfile);
        Assert.True(publish.Success, "the Dockerfile has no 'RUN dotnet publish PROJECT ... -o DIR'");
        var project = publish.Groups[1].Value;
        var output = publish.Groups[2].Value;

        Assert.Equal("src/Faultline.Cli/Faultline.Cli.csproj", project);
        var assemblyName = XDocument.Load(RepoPaths.Combine(project)).Descendants("AssemblyName").Single().Value;
        Assert.Contains($"RUN ln -s {output}/{assemblyName} /usr/local/bin/{assemblyName}", Dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"{assemblyName}\"]", Dockerfile, StringComparison.Ordinal);
        Assert.Contains($"COPY --from=build {output}/ {output}/", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_MatchTheSdkOfGlobalJson()
    {
        var sdk = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("global.json"))).RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        var major = string.Join('.', sdk.Split('.').Take(2));

        Assert.Contains($"FROM mcr.microsoft.com/dotnet/sdk:{major} AS build", Dockerfile, StringComparison.Ordinal);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/aspnet:{major} AS runtime", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartLibrary_IsVendored_SoTheImageBuildsWithoutNode()
    {
        // uPlot is checked in under the reports' web folder, which the build stage copies with src/; no Node.js stage.
        var reports = File.ReadAllText(RepoPaths.Combine("src", "Faultline.Reports", "Faultline.Reports.csproj"));
        Assert.Contains("<UPlotDist>$(MSBuildThisFileDirectory)web/vendor/uplot-1.6.32/</UPlotDist>", reports, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoPaths.Combine("src", "Faultline.Reports", "web", "vendor", "uplot-1.6.32", "uPlot.iife.min.js")));

        Assert.Contains("COPY src/ src/", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("npm", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("node:", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsEverythingTheDockerfileCopies()
    {
        var ignored = File.ReadAllLines(RepoPaths.Combine(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = CopyFromContext().Matches(Dockerfile).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));

        Assert.All(sources, s => Assert.DoesNotContain(ignored, i => s.StartsWith(i.TrimStart('/'), StringComparison.Ordinal)));
    }
}
