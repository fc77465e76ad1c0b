using Faultline.Lab.Hosting;

namespace Faultline.TestUtils;

/// <summary>A whole lab (<see cref="LabHost"/>) of the seed topology on free loopback ports, with a state directory of its own that goes with it.</summary>
public sealed class SomeLab : IAsyncDisposable
{
    private readonly string _stateDirectory;

    private SomeLab(LabHost host, string stateDirectory)
    {
        Host = host;
        _stateDirectory = stateDirectory;
    }

    /// <summary>The running lab.</summary>
    public LabHost Host { get; }

    /// <summary>Starts the lab; <paramref name="topology"/> defaults to <see cref="Some.Topology"/>.</summary>
    public static async Task<SomeLab> StartAsync(CancellationToken cancellationToken, Core.Topology.Topology? topology = null)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("faultline-lab-").FullName;
        try
        {
            var host = await LabHost.StartAsync(topology ?? Some.Topology(), new LabOptions { StateDirectory = stateDirectory }, null, cancellationToken);
            return new SomeLab(host, stateDirectory);
        }
        catch
        {
            Directory.Delete(stateDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the lab and removes its state directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
