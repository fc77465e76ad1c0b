using Faultline.TestUtils;

[assembly: AssemblyFixture(typeof(Faultline.EndToEnd.Tests.Support.SharedRuns))]

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>
/// One run of the seed experiment and one of the misconfigured one for the whole end-to-end assembly, shared by every
/// class that only reads what a run leaves (its exit code, console output, result.json, journal, report and JUnit
/// files): each is a 45-s run at time scale 20, and running it once per reader made the suite minutes longer.
/// </summary>
/// <remarks>
/// A run starts when the first test asks for it, so it happens inside that test, inside
/// <see cref="Runs.RunCollection"/>, where no other lab runs beside it; only classes in that collection may ask.
/// Readers must not change the folder: a test that writes (a regenerated report, a comparison) copies it first.
/// A test that needs a run of its own kind (stop condition, Ctrl-C, host stall, the live dashboard) starts its own.
/// </remarks>
public sealed class SharedRuns : IAsyncDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-shared-").FullName;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lazy<Task<SharedRun>> _seed;
    private readonly Lazy<Task<SharedRun>> _misconfigured;

    /// <summary>Creates the fixture; nothing runs until a test asks.</summary>
    public SharedRuns()
    {
        _seed = new(() => RunAsync("seed"));
        _misconfigured = new(() => RunAsync("seed", "misconfigured"));
    }

    /// <summary><c>faultline run samples/seed/experiment.yaml</c>, run once; the first caller waits for it.</summary>
    public Task<SharedRun> SeedAsync(CancellationToken cancellationToken) => _seed.Value.WaitAsync(cancellationToken);

    /// <summary><c>faultline run samples/seed/misconfigured/experiment.yaml</c>, run once; the first caller waits for it.</summary>
    public Task<SharedRun> MisconfiguredAsync(CancellationToken cancellationToken) => _misconfigured.Value.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        foreach (var run in new[] { _seed, _misconfigured }.Where(r => r.IsValueCreated))
        {
            // A run still going when the assembly ends (the test run was aborted) is killed before its folder goes; its
            // failure, if any, was reported by the tests that waited for it.
            await Task.WhenAny(run.Value);
        }

        _disposing.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private async Task<SharedRun> RunAsync(params string[] sample)
    {
        var home = Path.Combine(_home, string.Join('-', sample));
        Directory.CreateDirectory(home);
        var runs = Path.Combine(home, "runs");
        var (code, output) = await FaultlineProcess.RunAsync(
            home, RunDeadline, _disposing.Token, ["run", RepoPaths.Combine(["samples", .. sample, "experiment.yaml"]), "--out", runs]);
        return new SharedRun(code, output, runs);
    }
}
