using Faultline.Cli.Samples;

namespace Faultline.Cli.Tests.Samples;

public sealed class SchemaHeaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-header-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("topology.yaml", "./schemas/topology.schema.json")]
    [InlineData("misconfigured/topology.yaml", "../schemas/topology.schema.json")]
    [InlineData("a/b/experiment.yaml", "../../schemas/topology.schema.json")]
    public void ReferenceWithin_FileAtDepth_ClimbsToTheRoot(string relativeFile, string expected) =>
        Assert.Equal(expected, SchemaHeader.ReferenceWithin(relativeFile, SchemaHeader.TopologySchema));

    [Fact]
    public void Reference_FaultlineSchemaTwoFoldersUp_IsRelative()
    {
        var folder = Path.Combine(_dir, "a", "b");
        Directory.CreateDirectory(folder);
        WriteSchema(Path.Combine(_dir, "schemas"), SchemaHeader.IdBase + SchemaHeader.ExperimentSchema);

        Assert.Equal("../../schemas/experiment.schema.json", SchemaHeader.Reference(folder, SchemaHeader.ExperimentSchema));
    }

    [Fact]
    public void Reference_SchemasFolderInTheSameFolder_IsDotSlash()
    {
        WriteSchema(Path.Combine(_dir, "schemas"), SchemaHeader.IdBase + SchemaHeader.ExperimentSchema);

        Assert.Equal("./schemas/experiment.schema.json", SchemaHeader.Reference(_dir, SchemaHeader.ExperimentSchema));
    }

    [Fact]
    public void Reference_SomeoneElsesSchemaOfThatName_IsPassedOverForTheId()
    {
        WriteSchema(Path.Combine(_dir, "schemas"), "https://example.test/experiment.schema.json");

        Assert.Equal("https://faultline.invalid/schemas/experiment.schema.json", SchemaHeader.Reference(_dir, SchemaHeader.ExperimentSchema));
    }

    [Theory]
    [InlineData("name: x\n", "# yaml-language-server: $schema=S\nname: x\n")]
    [InlineData("# yaml-language-server: $schema=../../schemas/topology.schema.json\n# keep\nname: x\n", "# yaml-language-server: $schema=S\n# keep\nname: x\n")]
    [InlineData("# yaml-language-server: $schema=old\r\nname: x\r\n", "# yaml-language-server: $schema=S\r\nname: x\r\n")]
    public void WithHeader_AddsOrReplacesOnlyTheFirstLine(string text, string expected) =>
        Assert.Equal(expected, SchemaHeader.WithHeader(text, "S"));

    [Theory]
    [InlineData("# yaml-language-server: $schema=../../schemas/topology.schema.json\nname: x\n", "topology.schema.json")]
    [InlineData("# yaml-language-server: $schema=https://faultline.invalid/schemas/experiment.schema.json", "experiment.schema.json")]
    [InlineData("# a comment\nname: x\n", null)]
    public void SchemaFileOf_ReadsTheHeadersFileName(string text, string? expected) =>
        Assert.Equal(expected, SchemaHeader.SchemaFileOf(text));

    private static void WriteSchema(string folder, string id)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SchemaHeader.ExperimentSchema), $"{{ \"$id\": \"{id}\" }}");
    }
}
