namespace Faultline.Cli.Commands;

/// <summary>Checks of file and folder options before anything starts: each returns the message, or <c>null</c> when the path will do.</summary>
internal static class PathChecks
{
    /// <summary>An input file option: it must exist and be a file.</summary>
    public static string? InputFile(string option, string? path) =>
        path is null ? null
        : Directory.Exists(path) ? CliErrors.InputIsAFolder(option, path)
        : !File.Exists(path) ? CliErrors.InputMissing(option, path)
        : null;

    /// <summary>An output folder option: it may be missing (it is created) but must not be a file.</summary>
    public static string? OutputFolder(string option, string? path) =>
        path is not null && File.Exists(path) ? CliErrors.OutputIsAFile(option, path) : null;

    /// <summary>Reads a small text file a user named (a token file), or <c>null</c> with the message.</summary>
    public static string? ReadInputFile(string option, string path, out string? error)
    {
        error = InputFile(option, path);
        if (error is not null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = CliErrors.InputUnreadable(option, path, ex.Message);
            return null;
        }
    }
}
