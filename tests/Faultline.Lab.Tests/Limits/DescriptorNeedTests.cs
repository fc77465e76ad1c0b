using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Reading;
using Faultline.Lab.Limits;
using Faultline.Lab.Load;
using Faultline.Lab.Runs;
using Faultline.TestUtils;

namespace Faultline.Lab.Tests.Limits;

public sealed class DescriptorNeedTests
{
    private static (Core.Experiments.Experiment Experiment, Topology Topology) Seed()
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        return (read.ThrowIfInvalid(), read.Topology!);
    }

    [Fact]
    public void ForRun_SeedWithItsOwnLab_CountsLoadGatewayProbesAndReserve()
    {
        var (experiment, topology) = Seed();

        var need = DescriptorNeed.ForRun(RunPopulations.Of(experiment, topology, LoadGeneratorOptions.DefaultRequestTimeout), topology, ownLab: true);

        // 20/s for 30 s × 1.25 + 32 = 782 connections per population; 2 × 16 checkers; 64 spare gateway connections.
        Assert.Equal(2 * 782, need.LoadConnections);
        Assert.Equal((2 * 782) + 32 + 64, need.GatewayConnections);
        Assert.Equal(0, need.UpstreamConnections);
        Assert.Equal(32, need.HealthCheckConnections);
        Assert.Equal(1564 + 1660 + 32 + DescriptorNeed.Reserve, need.Total);
    }

    [Fact]
    public void ForRun_AgainstARunningLab_OnlyTheLoad()
    {
        var (experiment, topology) = Seed();

        var need = DescriptorNeed.ForRun(RunPopulations.Of(experiment, topology, LoadGeneratorOptions.DefaultRequestTimeout), topology, ownLab: false);

        Assert.Equal(1564 + DescriptorNeed.Reserve, need.Total);
    }

    [Fact]
    public void ForLab_FunctionWithUpstream_CountsOneUpstreamConnectionPerGatewayConnection()
    {
        var text = File.ReadAllText(RepoPaths.Combine("samples", "seed", "topology.yaml"))
            .Replace("hello: { route: GET /api/hello, handler: hello,", "hello: { route: GET /api/hello, upstream: http://127.0.0.1:5000,", StringComparison.Ordinal)
            .Replace("rate: 20/s, connectionReuse: perRequest }", "rate: 20/s, connectionReuse: perRequest, maxConnections: 10 }", StringComparison.Ordinal);
        var topology = TopologyReader.Read(text, "topology.yaml").ThrowIfInvalid();

        var limit = DescriptorNeed.GatewayLimit(topology);
        var need = DescriptorNeed.ForLab(topology, limit);

        Assert.Equal(10 + 10 + 32 + 64, limit);
        Assert.Equal(limit, need.UpstreamConnections);
        Assert.Equal(0, need.LoadConnections);
    }

    [Fact]
    public void RunPopulations_RampToAHigherRate_SizedForThePeak()
    {
        var (experiment, topology) = Seed();
        var ramped = experiment with
        {
            Load = experiment.Load with
            {
                Populations = [new Core.Experiments.LoadPopulation { Client = "us-customers", RatePerSecond = 10, RampFromPerSecond = 1, RampOver = TimeSpan.FromMinutes(1) }],
            },
        };

        var population = Assert.Single(RunPopulations.Of(ramped, topology, LoadGeneratorOptions.DefaultRequestTimeout));

        Assert.Equal(1, population.RatePerSecond);
        Assert.Equal((int)Math.Ceiling((10 * 30 * 1.25) + 32), population.MaxConnections);
    }
}
