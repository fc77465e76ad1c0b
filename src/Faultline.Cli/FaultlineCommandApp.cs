using Spectre.Console.Cli;

namespace Faultline.Cli;

/// <summary>
/// The application as <see cref="FaultlineApp.Create"/> builds it: Spectre's <see cref="CommandApp"/>, told before
/// each run whether the command line asks for help, so a missing command is a usage error and <c>--help</c> is not
/// (<see cref="CommandRequiredHelpProvider"/>).
/// </summary>
internal sealed class FaultlineCommandApp(CommandApp app, CommandRequiredHelpProvider help) : ICommandApp
{
    /// <summary>The arguments of the run under way (or the last one), for messages Spectre builds without them. Default: none.</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <inheritdoc />
    public void Configure(Action<IConfigurator> configuration) => app.Configure(configuration);

    /// <inheritdoc />
    public int Run(IEnumerable<string> args, CancellationToken cancellationToken = default) =>
        RunAsync(args, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
    {
        var arguments = args.ToList();
        Arguments = arguments;
        help.HelpAsked = arguments.TakeWhile(a => a != "--").Any(CommandRequiredHelpProvider.IsHelpOption);
        return app.RunAsync(arguments, cancellationToken);
    }
}
