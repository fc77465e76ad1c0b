using System.Text.RegularExpressions;
using System.Xml.Linq;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests;

/// <summary>
/// Every hint that tells the user to type a command (<c>faultline report RUN --out-dir DIR</c>) names options that
/// command has: the hints in the source (messages, descriptions, examples) and in the docs, checked against the
/// commands as the application registers them (<c>faultline cli xmldoc</c>).
/// </summary>
public sealed partial class HintTests
{
    [Fact]
    public async Task Hints_NameOnlyOptionsTheirCommandHas()
    {
        var commands = await CommandsAsync();
        var files = Directory.EnumerateFiles(RepoPaths.Combine("src"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".js" or ".html")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(RepoPaths.Combine("docs"), "*.md"))
            .Append(RepoPaths.Combine("README.md"))
            .Append(RepoPaths.Combine("src", "Faultline.Cli", "PACKAGE.md"));
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match hint in Hint().Matches(lines[i]))
                {
                    var words = hint.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var path = words.Length > 1 && commands.ContainsKey($"{words[0]} {words[1]}") ? $"{words[0]} {words[1]}" : words[0];
                    if (!commands.TryGetValue(path, out var options))
                    {
                        continue;
                    }

                    foreach (Match option in Option().Matches(hint.Groups["rest"].Value))
                    {
                        if (!options.Contains(option.Value))
                        {
                            wrong.Add($"{Path.GetRelativePath(RepoPaths.Combine(), file)}:{i + 1}: 'faultline {path}' has no {option.Value} (its options: {string.Join(", ", options.Order(StringComparer.Ordinal))})");
                        }
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    // Each command path ("run", "lab up") with its long options, as the application registers them.
    private static async Task<Dictionary<string, HashSet<string>>> CommandsAsync()
    {
        var (code, xml) = await CliRun.RunAsync("cli", "xmldoc");
        Assert.Equal(ExitCodes.Ok, code);
        var commands = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var command in XDocument.Parse(xml.Trim()).Descendants("Command").Where(c => (string?)c.Attribute("IsBranch") == "false"))
        {
            var path = string.Join(' ', command.AncestorsAndSelf("Command").Reverse().Select(c => (string)c.Attribute("Name")!));
            var options = command.Element("Parameters")?.Elements("Option")
                .SelectMany(o => ((string?)o.Attribute("Long") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(name => "--" + name.Trim())
                .ToHashSet(StringComparer.Ordinal) ?? [];
            options.Add("--help");
            commands[path] = options;
        }

        return commands;
    }

    // "faultline VERB [SUBVERB] …" up to the end of the quoted text, code span or sentence it is in.
    [GeneratedRegex(@"faultline (?<words>[a-z]+(?: [a-z]+)?)(?<rest>[^'""`<;\n]*)")]
    private static partial Regex Hint();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Option();
}
