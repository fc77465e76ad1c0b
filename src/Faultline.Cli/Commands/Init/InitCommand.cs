using Faultline.Cli.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Init;

/// <summary>
/// <c>faultline init [dir]</c>: writes the seed sample — the correct topology and, in <c>misconfigured/</c>, the blog's
/// bug — and, in <c>schemas/</c>, the JSON Schemas each file's first line names, so editors complete and check them.
/// </summary>
internal sealed class InitCommand(IAnsiConsole console) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Directory);
        if (File.Exists(root))
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(CliErrors.InitTargetIsAFile(settings.Directory))}");
            return ExitCodes.InvalidInput;
        }

        var files = SampleFiles.ForInit().ToList();
        var existing = files.Select(f => Path.Combine(root, f.RelativePath)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !settings.Force)
        {
            foreach (var path in existing)
            {
                console.MarkupLine($"[red]{Markup.Escape(path)}: already exists; pass --force to overwrite it, or choose another folder.[/]");
            }

            return ExitCodes.InvalidInput;
        }

        foreach (var (relativePath, text) in files)
        {
            var path = Path.Combine(root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            console.MarkupLine($"wrote [green]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, path))}[/]");
        }

        var experiment = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, "experiment.yaml"));
        var misconfigured = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, "misconfigured", "experiment.yaml"));
        console.MarkupLine($"next: [bold]faultline run {Markup.Escape(misconfigured)}[/] (the blog's bug), then [bold]faultline run {Markup.Escape(experiment)}[/] (fixed)");
        return ExitCodes.Ok;
    }
}
