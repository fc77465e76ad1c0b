using System.Globalization;
using System.Text.Json.Nodes;
using Faultline.Core.Text;
using Faultline.Core.Topology;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// <c>cloudformation/load-{location}.json</c>: the load generator as an ECS Fargate task definition per client
/// population at one customer location, running <c>faultline load URL --rate R --duration D --emf -</c>. The EMF
/// lines go to stdout, the awslogs driver ships them to the stack's log group and CloudWatch Logs extracts the
/// metrics from them, so the container itself calls no AWS API and the task has no task role: only the execution
/// role, allowed to write that log group and pull the image.
/// </summary>
internal static class LoadStackBuilder
{
    /// <summary>The lowest rate <c>faultline load</c> accepts: 0.1 requests per second.</summary>
    public const double MinRate = 0.1;

    /// <summary>The highest rate one <c>faultline load</c> sends: 10,000 requests per second.</summary>
    public const double MaxRate = 10_000;

    /// <summary>One population the export runs: the client and the rate the experiment gives it.</summary>
    public sealed record Population(ClientConfig Client, double RatePerSecond);

    public static BundleFile Build(ExportContext context, string location, IReadOnlyList<Population> populations, TimeSpan duration)
    {
        var prefix = context.Names.Prefix;
        var template = Cfn.Template($"Faultline export of '{context.Topology.Name}': the load generator for customers in {location} (deploy in {location})");
        template["Parameters"] = new JsonObject
        {
            ["LoadGeneratorImage"] = new JsonObject
            {
                ["Type"] = "String",
                ["Default"] = context.Options.LoadGeneratorImage,
                ["Description"] = "Container image with faultline on its PATH (the repo's Dockerfile builds it); push it to ECR or a public registry",
            },
        };
        var resources = new JsonObject
        {
            ["Cluster"] = Cfn.Resource("AWS::ECS::Cluster", new JsonObject { ["ClusterName"] = StackNames.Resource($"{prefix}-load", 255) }),
            ["LogGroup"] = Cfn.Resource("AWS::Logs::LogGroup", new JsonObject
            {
                ["LogGroupName"] = $"/faultline/{prefix}/load",
                ["RetentionInDays"] = 14,
            }),
            ["ExecutionRole"] = ExecutionRole(),
        };
        var outputs = new JsonObject
        {
            ["ClusterName"] = Cfn.Output("The ECS cluster to run the tasks in (aws ecs run-task --cluster)", Cfn.Ref("Cluster")),
            ["LogGroupName"] = Cfn.Output("Where the load generator's EMF lines and progress go", Cfn.Ref("LogGroup")),
        };
        foreach (var population in populations)
        {
            var client = population.Client;
            var id = "Task" + context.Names.Client(client.Name);
            resources[id] = Cfn.Resource("AWS::ECS::TaskDefinition", new JsonObject
            {
                ["Family"] = StackNames.Resource($"{prefix}-load-{client.Name}", 255),
                ["RequiresCompatibilities"] = Cfn.Strings(["FARGATE"]),
                ["NetworkMode"] = "awsvpc",
                ["Cpu"] = "256",
                ["Memory"] = "512",
                ["ExecutionRoleArn"] = Cfn.GetAtt("ExecutionRole", "Arn"),
                ["ContainerDefinitions"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "load",
                    ["Image"] = Cfn.Ref("LoadGeneratorImage"),
                    ["Essential"] = true,
                    ["EntryPoint"] = Cfn.Strings(["faultline"]),
                    ["Command"] = Cfn.Strings(Command(client, population.RatePerSecond, duration)),
                    ["LogConfiguration"] = new JsonObject
                    {
                        ["LogDriver"] = "awslogs",
                        ["Options"] = new JsonObject
                        {
                            ["awslogs-group"] = Cfn.Ref("LogGroup"),
                            ["awslogs-region"] = Cfn.Ref("AWS::Region"),
                            ["awslogs-stream-prefix"] = StackNames.Resource(client.Name, 100),
                        },
                    },
                }),
            });
            outputs[id + "Arn"] = Cfn.Output($"Task definition of '{client.Name}' (aws ecs run-task --task-definition)", Cfn.Ref(id));
        }

        template["Resources"] = resources;
        template["Outputs"] = outputs;
        return new BundleFile($"cloudformation/load-{location}.json", Cfn.Write(template));
    }

    /// <summary>The arguments after <c>faultline</c>: <c>load URL --rate R --duration D --emf -</c>, the rate in requests per second.</summary>
    public static IReadOnlyList<string> Command(ClientConfig client, double ratePerSecond, TimeSpan duration) =>
        ["load", client.Url.ToString(), "--rate", ratePerSecond.ToString("0.######", CultureInfo.InvariantCulture), "--duration", Durations.Format(duration), "--emf", "-"];

    private static JsonObject ExecutionRole() => Cfn.Resource("AWS::IAM::Role", new JsonObject
    {
        ["AssumeRolePolicyDocument"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "ecs-tasks.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
            }),
        },
        ["Policies"] = new JsonArray(new JsonObject
        {
            ["PolicyName"] = "load-generator",
            ["PolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(
                    new JsonObject
                    {
                        // stdout (progress and EMF) into this log group only; EMF needs nothing else.
                        ["Effect"] = "Allow",
                        ["Action"] = Cfn.Strings(["logs:CreateLogStream", "logs:PutLogEvents"]),
                        ["Resource"] = Cfn.GetAtt("LogGroup", "Arn"),
                    },
                    new JsonObject
                    {
                        // Pulling the image from a private ECR repository (the repository is the user's choice).
                        ["Effect"] = "Allow",
                        ["Action"] = Cfn.Strings(["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]),
                        ["Resource"] = "*",
                    }),
            },
        }),
    });
}
