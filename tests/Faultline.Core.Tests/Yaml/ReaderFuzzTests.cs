using System.Text;
using System.Text.RegularExpressions;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Text;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Yaml;

/// <summary>
/// Thousands of seeded mutations of the sample files through the topology and experiment readers: none may
/// throw, every error must point inside the input, and no message may carry a control character.
/// </summary>
public sealed partial class ReaderFuzzTests
{
    private const int Mutations = 3_000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private static readonly string[] HugeValues =
        ["1e400", "99999999999999999999", "-99999999999999999999", "1000000000h", "1e400/s", "PT99999999999H", "NaN", "-1", "0", "1e-300", "P99999999D"];

    private static readonly string[] Hostile =
        ["\u001b[31m", "\r", "\u0007", "\0", "\t", "\u202e", "&a ", "*a", "<<: *a", "[", "]", "{", "}", ": ", "- ", "'", "\"", "#", "|", ">", "!!str ", "---\n", "%YAML 1.1\n"];

    [Theory]
    [InlineData("samples/seed/topology.yaml", 1)]
    [InlineData("samples/all-fields/topology.yaml", 2)]
    public void TopologyReader_MutatedSamples_NeverThrowAndLocateEveryError(string sample, int seed)
    {
        var original = File.ReadAllText(RepoPaths.Combine(sample.Split('/')));
        Fuzz(original, seed, text => TopologyReader.Read(text, "topology.yaml").Diagnostics, "topology.yaml");
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", 3)]
    [InlineData("samples/seed/experiment-fis.yaml", 4)]
    [InlineData("samples/all-fields/experiment.yaml", 5)]
    [InlineData("samples/stop-condition/experiment.yaml", 6)]
    public void ExperimentReader_MutatedSamples_NeverThrowAndLocateEveryError(string sample, int seed)
    {
        var path = RepoPaths.Combine(sample.Split('/'));
        var original = File.ReadAllText(path);
        var topologies = new Dictionary<string, string>(StringComparer.Ordinal);
        TopologyReadResult? LoadTopology(string full, string display)
        {
            // Only the sample's own folder is read (once); any other path a mutation wrote is "not found".
            if (!string.Equals(Path.GetDirectoryName(full), Path.GetDirectoryName(path), StringComparison.Ordinal) || !File.Exists(full))
            {
                return null;
            }

            if (!topologies.TryGetValue(full, out var text))
            {
                text = File.ReadAllText(full);
                topologies[full] = text;
            }

            return TopologyReader.Read(text, display);
        }

        Fuzz(original, seed, text => ExperimentReader.Read(text, path, LoadTopology).Diagnostics, path);
    }

    private static void Fuzz(string original, int seed, Func<string, IReadOnlyList<Diagnostic>> read, string file)
    {
        var random = new Random(seed);
        var started = TimeProvider.System.GetTimestamp();
        var errorsSeen = 0;
        var tried = 0;
        for (var i = 0; i < Mutations && TimeProvider.System.GetElapsedTime(started) < Budget; i++)
        {
            tried++;
            var text = original;
            var count = 1 + random.Next(3);
            for (var m = 0; m < count; m++)
            {
                text = Mutate(text, random);
            }

            IReadOnlyList<Diagnostic> diagnostics;
            try
            {
                diagnostics = read(text);
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} (seed {seed}) threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{Echo.Message(text)}");
                throw;
            }

            // Lines as YAML counts them: CR, LF, CRLF, NEL and the Unicode separators all end one.
            var lines = LineBreak().Split(text);
            foreach (var diagnostic in diagnostics)
            {
                Assert.False(Echo.HasControlCharacters(diagnostic.Message), $"mutation {i}: control character in '{Echo.Message(diagnostic.Message)}'");
                Assert.False(diagnostic.Fix is { } fix && Echo.HasControlCharacters(fix), $"mutation {i}: control character in the fix of '{diagnostic.Message}'");
                if (diagnostic.Severity != DiagnosticSeverity.Error)
                {
                    continue;
                }

                errorsSeen++;
                var at = diagnostic.Location;
                Assert.True(at is not null, $"mutation {i}: unlocated error '{diagnostic}'\n--- input ---\n{Echo.Message(text)}");
                if (at.File != file)
                {
                    continue;
                }

                Assert.True(at.Line >= 1 && at.Line <= lines.Length + 1, $"mutation {i}: '{diagnostic}' is past the last line ({lines.Length})\n--- input ---\n{Echo.Message(text)}");
                var lineLength = at.Line <= lines.Length ? lines[at.Line - 1].Length : 0;
                Assert.True(at.Column >= 1 && at.Column <= lineLength + 2, $"mutation {i}: '{diagnostic}' is past the end of its line ({lineLength})\n--- input ---\n{Echo.Message(text)}");
            }
        }

        // Against the mutations tried, not the planned count: on a loaded machine the time budget ends the loop early.
        Assert.True(errorsSeen > tried / 10, $"the mutations should mostly break the file; only {errorsSeen} errors were seen in {tried} mutations");
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(8))
        {
            case 0 when text.Length > 0:
                // Flip one character into one of the YAML-significant or hostile ones.
                var at = random.Next(text.Length);
                var hostile = Hostile[random.Next(Hostile.Length)];
                return string.Concat(text.AsSpan(0, at), hostile, text.AsSpan(at + 1));
            case 1 when lines.Count > 1:
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case 2:
                var duplicate = random.Next(lines.Count);
                lines.Insert(duplicate, lines[duplicate]);
                return string.Join('\n', lines);
            case 3:
            case 4:
                // Replace one number or duration with a huge or degenerate value.
                var numbers = NumberPattern().Matches(text);
                if (numbers.Count == 0)
                {
                    return text;
                }

                var match = numbers[random.Next(numbers.Count)];
                return string.Concat(text.AsSpan(0, match.Index), HugeValues[random.Next(HugeValues.Length)], text.AsSpan(match.Index + match.Length));
            case 5:
                // Nest a value far deeper than any file needs.
                var depth = random.Next(2) == 0 ? 70 : 5_000;
                var where = random.Next(lines.Count);
                var colon = lines[where].IndexOf(": ", StringComparison.Ordinal);
                var nested = new string('[', depth) + "x" + new string(']', depth);
                lines[where] = colon < 0 ? lines[where] + nested : string.Concat(lines[where].AsSpan(0, colon + 2), nested);
                return string.Join('\n', lines);
            case 6:
                var insertAt = random.Next(text.Length + 1);
                return text.Insert(insertAt, Hostile[random.Next(Hostile.Length)]);
            default:
                // A long value: a whole line repeated into one.
                var longLine = random.Next(lines.Count);
                var builder = new StringBuilder(lines[longLine]);
                builder.Append(new string('z', 1 + random.Next(5_000)));
                lines[longLine] = builder.ToString();
                return string.Join('\n', lines);
        }
    }

    [GeneratedRegex("\r\n|\r|\n|\u0085|\u2028|\u2029", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\d+(\.\d+)?(ms|s|m|h|%)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
