using System.Text.RegularExpressions;
using Faultline.Core.Files;
using Faultline.Core.Tests.Journal;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WriteAllText_NewFolder_WritesUtf8WithoutBomAndNoTemp()
    {
        var path = _folder.Combine("run", "junit.xml");

        AtomicFile.WriteAllText(path, "<é/>");

        Assert.Equal("<é/>"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["junit.xml"], Directory.GetFiles(_folder.Combine("run")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_WriterThrows_KeepsOldFileAndLeavesNoTemp()
    {
        var path = _folder.Combine("report.html");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte((byte)'n');
            throw new InvalidOperationException("half written");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(_folder.FullPath).Select(Path.GetFileName));
    }

    [Fact]
    public void Sources_RenameFilesOnlyThroughAtomicFile()
    {
        // One atomic writer: any other File.Move in product code is a second copy of it.
        var others = Directory.GetFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bFile\.Move\("))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["src/Faultline.Core/Files/AtomicFile.cs"], others);
    }
}
