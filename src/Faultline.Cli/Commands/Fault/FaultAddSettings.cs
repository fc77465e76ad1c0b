using System.ComponentModel;
using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Text;
using Spectre.Console;
using SelectionMode = Faultline.Core.Faults.SelectionMode;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>Settings of <c>faultline fault add KIND</c>: the kind, its parameters, the target, owner and lease.</summary>
public sealed class FaultAddSettings : LabConnectionSettings
{
    /// <summary>The fault kind.</summary>
    [CommandArgument(0, "<KIND>")]
    [Description("latency | error | http-response | throttle | network | dns | health-override")]
    public string Kind { get; init; } = string.Empty;

    /// <summary>Target region.</summary>
    [CommandOption("--region <REGION>")]
    [Description("Target region (function kinds, network)")]
    public string? Region { get; init; }

    /// <summary>Target function name.</summary>
    [CommandOption("--function <NAME>")]
    [Description("Target function name")]
    public string? Function { get; init; }

    /// <summary>Target route, e.g. <c>GET /api/hello</c>.</summary>
    [CommandOption("--route <ROUTE>")]
    [Description("Target route, e.g. \"GET /api/hello\" or just the path")]
    public string? Route { get; init; }

    /// <summary>Target tags as <c>k=v</c>.</summary>
    [CommandOption("--tag <K=V>")]
    [Description("Target tag that must match (repeatable)")]
    public string[] Tags { get; init; } = [];

    /// <summary>The DNS record, for <c>dns</c>.</summary>
    [CommandOption("--record <NAME>")]
    [Description("DNS record name (dns)")]
    public string? Record { get; init; }

    /// <summary>The health check id, for <c>health-override</c>.</summary>
    [CommandOption("--health-check <ID>")]
    [Description("Health check id (health-override)")]
    public string? HealthCheck { get; init; }

    /// <summary>For <c>network</c>: only callers from these locations.</summary>
    [CommandOption("--from <LOCATION>")]
    [Description("network: only callers from this location (repeatable); default all")]
    public string[] From { get; init; } = [];

    /// <summary>Selection mode: <c>ALL</c>, <c>COUNT(n)</c>, <c>PERCENT(n)</c>.</summary>
    [CommandOption("--selection <MODE>")]
    [Description("ALL (default), COUNT(n) or PERCENT(n)")]
    public string? Selection { get; init; }

    /// <summary>A fixed delay.</summary>
    [CommandOption("--delay <DURATION>")]
    [Description("latency, network latency, dns delay: the delay, e.g. 60s")]
    public string? Delay { get; init; }

    /// <summary>The shortest delay of a uniform range.</summary>
    [CommandOption("--min <DURATION>")]
    [Description("latency: shortest delay of a uniform range")]
    public string? Min { get; init; }

    /// <summary>The longest delay of a uniform range.</summary>
    [CommandOption("--max <DURATION>")]
    [Description("latency: longest delay of a uniform range")]
    public string? Max { get; init; }

    /// <summary>Share of requests affected (0–100), drawn per request, as written; <c>null</c> for the default, 100.</summary>
    [CommandOption("--percentage <PERCENT>")]
    [Description("Share of requests affected, 0-100, drawn per request. Default 100")]
    public string? Percentage { get; init; }

    /// <summary>The replaced status code (<c>http-response</c>), as written; <c>null</c> for the default, 500.</summary>
    [CommandOption("--status-code <CODE>")]
    [Description("http-response: status code, 100-599. Default 500")]
    public string? StatusCode { get; init; }

    /// <summary>The replaced body (<c>http-response</c>).</summary>
    [CommandOption("--body <TEXT>")]
    [Description("http-response: body")]
    public string? Body { get; init; }

    /// <summary>The replaced content type (<c>http-response</c>).</summary>
    [CommandOption("--content-type <TYPE>")]
    [Description("http-response: content type. Default application/json")]
    public string? ContentType { get; init; }

    /// <summary>Whether the handler is skipped (<c>error</c>, <c>http-response</c>), as written; <c>null</c> for the default, true.</summary>
    [CommandOption("--prevent-execution <BOOL>")]
    [Description("error, http-response: skip the handler. Default true")]
    public string? PreventExecution { get; init; }

    /// <summary>Concurrency allowed (<c>throttle</c>), as written; <c>null</c> for the default, 0.</summary>
    [CommandOption("--concurrency <N>")]
    [Description("throttle: concurrent invocations allowed; 0 throttles all. Default 0")]
    public string? Concurrency { get; init; }

    /// <summary>The mode (<c>network</c>, <c>dns</c>).</summary>
    [CommandOption("--mode <MODE>")]
    [Description("network: blackhole | reset | latency; dns: servfail | nxdomain | delay")]
    public string? Mode { get; init; }

    /// <summary>The forced status (<c>health-override</c>).</summary>
    [CommandOption("--status <STATUS>")]
    [Description("health-override: unhealthy (default) | healthy")]
    public string? Status { get; init; }

    /// <summary>Who owns the fault. Default <c>cli</c>.</summary>
    [CommandOption("--owner <OWNER>")]
    [Description("Owner of the fault. Default cli")]
    public string Owner { get; init; } = "cli";

    /// <summary>The lease (lab time). Default 10m.</summary>
    [CommandOption("--lease <DURATION>")]
    [Description("The fault reverts after this much lab time unless renewed; at most 1h. Default 10m")]
    public string Lease { get; init; } = "10m";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        try
        {
            _ = ToSpec();
            _ = LeaseValue;
            return ValidationResult.Success();
        }
        catch (InvalidInputException ex)
        {
            return ValidationResult.Error(string.Join(Environment.NewLine, ex.Diagnostics));
        }
    }

    /// <summary>The parsed lease, positive and at most <see cref="FaultLimits.MaximumLease"/> (1 h of lab time).</summary>
    /// <exception cref="InvalidInputException">The lease is malformed, not positive, or longer than the maximum.</exception>
    public TimeSpan LeaseValue
    {
        get
        {
            var lease = Duration("--lease", Lease) ?? throw new InvalidInputException("--lease is required");
            FaultLimits.ThrowIfInvalidLease(lease, "--lease");
            return lease;
        }
    }

    /// <summary>
    /// Builds the fault spec from the options and checks its parameters with the kind's own rules, the same as the
    /// experiment reader and the control API (the lab checks names against the topology).
    /// </summary>
    /// <exception cref="InvalidInputException">An option is malformed or out of bounds; every problem is listed.</exception>
    public FaultSpec ToSpec()
    {
        var kind = FaultKindRegistry.Find(Kind)
            ?? throw new InvalidInputException($"unknown fault kind '{Echo.Value(Kind)}'; known kinds: {string.Join(", ", FaultKindRegistry.Names)}");

        var selection = SelectionMode.All;
        if (Selection is not null && !SelectionMode.TryParse(Selection, out selection))
        {
            throw new InvalidInputException($"--selection '{Selection}' is not ALL, COUNT(n) or PERCENT(n)");
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Tags)
        {
            var equals = tag.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidInputException($"--tag '{tag}' is not k=v");
            }

            tags[tag[..equals]] = tag[(equals + 1)..];
        }

        var subject = $"fault add {kind.Name}: ";
        var values = OptionValues();
        ThrowIfNotTakenBy(kind, values);
        var reader = new FlagFaultOptionReader(new Dictionary<string, object?>(values, StringComparer.Ordinal) { [FaultKindRegistry.Percentage.Name] = Percentage }, subject);
        var percentage = reader.Number(FaultKindRegistry.Percentage) ?? 100;
        var options = kind.Read(reader);
        if (reader.Failed)
        {
            throw new InvalidInputException(reader.Problems);
        }

        var problems = FaultKindRegistry.Validate(options, percentage, FaultOptionSpelling.Flags);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems.Select(p => p.ToDiagnostic(null, subject)).ToArray());
        }

        return new FaultSpec
        {
            Options = options,
            Percentage = percentage,
            Target = new FaultTarget
            {
                Region = Region,
                Function = Function,
                Route = Route,
                Tags = tags,
                Record = Record,
                HealthCheck = HealthCheck,
                FromLocations = From,
                Selection = selection,
            },
        };
    }

    /// <summary>The kinds' options by name (docs/faults.md), as the flags give them; a kind reads the ones it takes.</summary>
    internal IReadOnlyDictionary<string, object?> OptionValues() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["delay"] = Delay,
        ["min"] = Min,
        ["max"] = Max,
        ["preventExecution"] = PreventExecution,
        ["statusCode"] = StatusCode,
        ["body"] = Body,
        ["contentType"] = ContentType,
        ["concurrency"] = Concurrency,
        ["mode"] = Mode,
        ["status"] = Status,
    };

    // A flag of another kind is a mistake, not something to ignore (fault add latency --status 503 would inject a
    // plain latency fault): name the flag, the kind, and what the kind takes.
    private static void ThrowIfNotTakenBy(IFaultKind kind, IReadOnlyDictionary<string, object?> values)
    {
        var problems = values
            .Where(v => v.Value is not null && kind.Options.All(o => !string.Equals(o.Name, v.Key, StringComparison.Ordinal)))
            .Select(v => FaultOptionErrors.NotTakenBy(kind, FaultKindRegistry.AllOptions.First(o => string.Equals(o.Name, v.Key, StringComparison.Ordinal)), FaultOptionSpelling.Flags))
            .Select(p => p.ToDiagnostic(null, string.Empty))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidInputException(problems);
        }
    }

    /// <summary>A duration flag's value; <c>null</c> when the flag is absent.</summary>
    /// <exception cref="InvalidInputException">The text is not a duration, or no <see cref="TimeSpan"/> holds it.</exception>
    internal static TimeSpan? Duration(string option, string? text) =>
        text is null ? null
        : Durations.Parse(text, out var value) switch
        {
            ParseOutcome.Valid => value,
            // Leases and delays have tighter bounds of their own (FaultLimits), whose messages say more; only a
            // duration no TimeSpan holds is reported here.
            ParseOutcome.OutOfRange when Durations.TryParse(text, out var longer) => longer,
            ParseOutcome.OutOfRange => throw new InvalidInputException($"{option} '{Echo.Value(text)}' is out of range; write {Durations.Range}"),
            _ => throw new InvalidInputException($"{option} '{Echo.Value(text)}' is not {Durations.Expected}"),
        };
}
