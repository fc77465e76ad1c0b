using System.Text.Json.Nodes;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// Writes the CloudFormation stacks and the dashboard of <c>faultline export aws</c> (docs/aws.md, "The stacks"):
/// an API stack per region, a global Route 53 stack, the dashboard body, and a load-generator stack per customer
/// location. What the topology uses that AWS cannot express is an error (nothing is written) or a warning (the
/// export says what it does instead); nothing is dropped silently.
/// </summary>
public static class AwsStacks
{
    /// <summary>The longest integration timeout a REST API has without a quota increase: 29 s.</summary>
    public static readonly TimeSpan MaxDefaultIntegrationTimeout = TimeSpan.FromSeconds(29);

    /// <summary>Builds every stack file for <paramref name="experiment"/> on <paramref name="topology"/>.</summary>
    /// <exception cref="InvalidInputException">
    /// The topology uses what AWS cannot express: a region or customer location that is no AWS region, a function
    /// with an upstream and no ARN, or a function ARN option that is malformed or names no function. Carries every
    /// error found (and the warnings).
    /// </exception>
    public static AwsStackExport Build(Experiment experiment, Topology.Topology topology, AwsExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        var context = new ExportContext(topology, options);
        var populations = Populations(context, experiment);
        Validate(context, populations);
        if (context.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidInputException(context.Diagnostics);
        }

        var files = new List<BundleFile>();
        foreach (var region in topology.Regions)
        {
            if (region.Functions.Count == 0)
            {
                context.Warn(context.Map.Region(region.Name), AwsStackMessages.RegionWithoutFunctions(region.Name));
                continue;
            }

            if (region.Gateway.Type == GatewayType.Http)
            {
                context.Warn(context.Map.Region(region.Name), AwsStackMessages.HttpApiExportedAsRest(region.Name));
            }

            if (region.Gateway.IntegrationTimeout > MaxDefaultIntegrationTimeout)
            {
                context.Warn(context.Map.Region(region.Name), AwsStackMessages.IntegrationTimeoutAbove29s(region.Name, region.Gateway.IntegrationTimeout));
            }

            files.Add(ApiStackBuilder.Build(context, region));
        }

        var dashboard = DashboardBuilder.Body(context, populations.Select(p => p.Client).ToList());
        files.Add(GlobalStackBuilder.Build(context, dashboard));
        files.Add(new BundleFile("cloudwatch/dashboard.json", Cfn.Write(JsonNode.Parse(dashboard)!)));

        var duration = ExperimentPlan.Build(experiment, topology).RunEnd;
        foreach (var location in populations.GroupBy(p => p.Client.Location, StringComparer.Ordinal))
        {
            files.Add(LoadStackBuilder.Build(context, location.Key, location.ToList(), duration));
        }

        return new AwsStackExport { Files = files, Warnings = context.Diagnostics.ToList() };
    }

    /// <summary>
    /// The name the API stack gives <paramref name="function"/>'s Lambda function (<c>{prefix}-{name}</c>), so FIS
    /// targets and SSM parameters can name it; a function given by ARN in the options keeps its own name.
    /// </summary>
    public static string FunctionName(Topology.Topology topology, AwsExportOptions options, FunctionConfig function)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(function);
        if (options.FunctionArns.TryGetValue(function.Id, out var arn))
        {
            return arn.Split(':')[6];
        }

        return new StackNames(topology, options.NamePrefix).FunctionName(function.Name);
    }

    private static List<LoadStackBuilder.Population> Populations(ExportContext context, Experiment experiment)
    {
        var result = new List<LoadStackBuilder.Population>();
        if (experiment.Load.Populations.Count == 0)
        {
            result.AddRange(context.Topology.Clients.Select(c => new LoadStackBuilder.Population(c, c.RatePerSecond)));
            return result;
        }

        foreach (var population in experiment.Load.Populations)
        {
            var client = context.Topology.Clients.FirstOrDefault(c => string.Equals(c.Name, population.Client, StringComparison.Ordinal));
            if (client is null)
            {
                // The experiment reader checks client names against the topology; one missing here has no load to export.
                continue;
            }

            if (population.RampFromPerSecond is not null)
            {
                context.Warn(context.Map.Client(client.Name), AwsStackMessages.RampNotExpressible(client.Name));
            }

            result.Add(new LoadStackBuilder.Population(client, population.RatePerSecond ?? client.RatePerSecond));
        }

        return result;
    }

    private static void Validate(ExportContext context, List<LoadStackBuilder.Population> populations)
    {
        var topology = context.Topology;
        foreach (var region in topology.Regions.Where(r => !ExportContext.IsAwsRegion(r.Name)))
        {
            context.Error(context.Map.Region(region.Name), AwsStackMessages.NotAwsRegion("region", region.Name));
        }

        foreach (var client in populations.Select(p => p.Client).Where(c => !ExportContext.IsAwsRegion(c.Location)))
        {
            context.Error(context.Map.Client(client.Name, "location"), AwsStackMessages.NotAwsRegion("location", client.Location));
        }

        foreach (var population in populations.Where(p => p.RatePerSecond is < LoadStackBuilder.MinRate or > LoadStackBuilder.MaxRate))
        {
            context.Warn(context.Map.Client(population.Client.Name, "rate"), AwsStackMessages.RateOutsideLoadGenerator(population.Client.Name, population.RatePerSecond));
        }

        var functions = topology.AllFunctions.ToList();
        foreach (var (key, arn) in context.Options.FunctionArns.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!functions.Any(f => string.Equals(f.Id, key, StringComparison.Ordinal)))
            {
                context.Error(null, AwsStackMessages.UnknownFunctionArnKey(key, functions.Select(f => f.Id)));
            }
            else if (!ExportContext.FunctionArn().IsMatch(arn))
            {
                var function = functions.First(f => string.Equals(f.Id, key, StringComparison.Ordinal));
                context.Error(context.Map.Function(function.Region, function.Name), AwsStackMessages.BadFunctionArn(key, arn));
            }
        }

        foreach (var function in functions.Where(f => f.Upstream is not null && !context.Options.FunctionArns.ContainsKey(f.Id)))
        {
            context.Error(context.Map.Function(function.Region, function.Name, "upstream"), AwsStackMessages.UpstreamWithoutArn(function.Id, function.Upstream!));
        }
    }
}
