using Faultline.Core.Journal;
using Faultline.Core.Runs;

namespace Faultline.Core.Tests.Journal;

public sealed class ResultJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_Object_WritesIndentedCamelCaseWithKebabEnums()
    {
        var path = _folder.Combine("run", "result.json");

        ResultJson.Write(path, new { RunId = "r-1", FinalState = RunState.Stopped, ExitCode = 3, Note = (string?)null });

        Assert.Equal(
            "{\n  \"runId\": \"r-1\",\n  \"finalState\": \"stopped\",\n  \"exitCode\": 3\n}",
            File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Equal(["result.json"], Directory.GetFiles(_folder.Combine("run")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_Existing_ReplacesIt()
    {
        var path = _folder.Combine("result.json");
        File.WriteAllText(path, "old, longer than the new content by a good margin");

        ResultJson.Write(path, new { A = 1 });

        Assert.Equal("{\n  \"a\": 1\n}", File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_SerializationFails_KeepsOldFileAndLeavesNoTemp()
    {
        var path = _folder.Combine("result.json");
        File.WriteAllText(path, "old");

        Assert.ThrowsAny<NotSupportedException>(() => ResultJson.Write(path, new { Handler = (Action)(() => { }) }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["result.json"], Directory.GetFiles(_folder.FullPath).Select(Path.GetFileName));
    }
}
