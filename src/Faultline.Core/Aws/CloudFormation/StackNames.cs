using System.Text.RegularExpressions;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// The names the stacks share: logical-id stems for records, regions, functions, health checks and clients (the
/// same in every file, so an API stack's outputs match the global stack's parameters) and the resource names.
/// </summary>
internal sealed partial class StackNames
{
    private readonly LogicalIds _records = new();
    private readonly LogicalIds _regions = new();
    private readonly LogicalIds _functions = new();
    private readonly LogicalIds _checks = new();
    private readonly LogicalIds _clients = new();

    public StackNames(Topology.Topology topology, string? prefix)
    {
        Prefix = Resource(prefix ?? topology.Name, 40);
        foreach (var record in topology.Dns.Records)
        {
            Record(record.Name);
        }

        foreach (var region in topology.Regions)
        {
            Region(region.Name);
        }

        foreach (var function in topology.AllFunctions)
        {
            Function(function.Id);
        }

        foreach (var check in topology.HealthChecks)
        {
            Check(check.Id);
        }

        foreach (var client in topology.Clients)
        {
            Client(client.Name);
        }
    }

    /// <summary>The prefix of every resource name: letters, digits and dashes, at most 40 characters.</summary>
    public string Prefix { get; }

    public string Record(string name) => _records.For(string.Empty, name);

    public string Region(string name) => _regions.For(string.Empty, name);

    public string Function(string id) => _functions.For(string.Empty, id.Split('/')[^1], id);

    public string Check(string id) => _checks.For(string.Empty, id);

    public string Client(string name) => _clients.For(string.Empty, name);

    /// <summary>The API stack's output (and the global stack's parameter stem) naming a custom domain's regional target.</summary>
    public string DomainTarget(string record, string region) => $"Target{Record(record)}In{Region(region)}";

    /// <summary>As <see cref="DomainTarget"/>, for the regional hosted zone id alias records need.</summary>
    public string DomainZone(string record, string region) => $"Zone{Record(record)}In{Region(region)}";

    /// <summary>The health check's logical id in the global stack; its <c>Ref</c> is the Route 53 health check id.</summary>
    public string HealthCheckResource(string id) => "HealthCheck" + Check(id);

    /// <summary>A name made of letters, digits and dashes (Lambda, ECS and dashboard names accept it), cut to <paramref name="max"/>.</summary>
    public static string Resource(string text, int max)
    {
        var cleaned = NonName().Replace(text, "-").Trim('-');
        cleaned = Dashes().Replace(cleaned, "-");
        if (cleaned.Length == 0)
        {
            cleaned = "faultline";
        }

        return cleaned.Length > max ? cleaned[..max].TrimEnd('-') : cleaned;
    }

    /// <summary>A Lambda function name: prefix, dash, the function's name; at most 64 characters.</summary>
    public string FunctionName(string name) => Resource($"{Prefix}-{name}", 64);

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex NonName();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
