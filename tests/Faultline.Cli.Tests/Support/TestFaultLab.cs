using Faultline.Core.Faults;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Lab.Control;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Support;

/// <summary>
/// The lab the fault commands' tests talk to: a fault control server on the seed topology (loopback, an ephemeral port,
/// lab time at wall speed, seed 1) with a state directory of its own, where it writes its token and state file. A test
/// class creates one, starts it in <c>InitializeAsync</c> and disposes it in <c>DisposeAsync</c>.
/// </summary>
internal sealed class TestFaultLab : IAsyncDisposable
{
    private FaultControlServer? _server;
    private FaultStore? _store;

    /// <summary>The lab's state directory (a new temporary folder, deleted on dispose): <c>$FAULTLINE_HOME</c> for discovery.</summary>
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("faultline-fault-lab-").FullName;

    /// <summary>The fault control server (after <see cref="StartAsync"/>).</summary>
    public FaultControlServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>The faults the server holds (after <see cref="StartAsync"/>).</summary>
    public FaultStore Store => _store ?? throw new InvalidOperationException("not started");

    /// <summary><c>--lab URL --token-file FILE</c> naming this lab on a command line.</summary>
    public string[] Options => ["--lab", Server.BaseAddress.ToString(), "--token-file", Server.TokenFile];

    /// <summary>Starts the server.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        var time = new ScaledTimeProvider(TimeProvider.System, 1);
        _store = new FaultStore(Some.Topology(), time, new RandomSource(1));
        _server = new FaultControlServer(_store, new FaultControlOptions { StateDirectory = StateDirectory }, time);
        await _server.StartAsync(cancellationToken);
    }

    /// <summary>Stops the server (a test may stop it first to see the lab gone) and deletes the state directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
