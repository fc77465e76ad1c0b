using System.Globalization;
using Faultline.Cli.Logging;
using Faultline.Core.Text;
using Faultline.Core.Time;
using Faultline.Lab.Hosting;
using Faultline.Lab.Limits;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lab;

/// <summary><c>faultline lab up TOPOLOGY</c>: runs the lab until Ctrl-C, printing what it does in lab time.</summary>
internal sealed class LabUpCommand(IAnsiConsole console) : AsyncCommand<LabUpSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LabUpSettings settings, CancellationToken cancellationToken)
    {
        var loaded = TopologyLoader.Load(console, settings.Topology);
        if (loaded is null)
        {
            return ExitCodes.InvalidInput;
        }

        var topology = loaded.Value.Topology;
        if (!DescriptorGate.Pass(console, DescriptorNeed.ForLab(topology, DescriptorNeed.GatewayLimit(topology)), settings.Topology))
        {
            return ExitCodes.InvalidInput;
        }

        var scale = settings.TimeScale ?? topology.TimeScale ?? 1;
        var clock = new ScaledTimeProvider(TimeProvider.System, scale);
        using var loggerFactory = LoggerFactory.Create(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new AnsiConsoleLoggerProvider(console, clock, settings.Verbose ? LogLevel.Debug : LogLevel.Information));
            logging.SetMinimumLevel(settings.Verbose ? LogLevel.Debug : LogLevel.Information);
            logging.AddFilter("Microsoft", LogLevel.Warning);
        });

        var options = new LabOptions
        {
            DnsPort = settings.DnsPort,
            HttpPort = settings.HttpPort,
            ControlPort = settings.ControlPort,
            TimeScale = scale,
            Seed = settings.Seed,
            StateDirectory = settings.StateDirectory,
            Clock = clock,
        };

        LabHost lab;
        try
        {
            lab = await LabHost.StartAsync(topology, options, loggerFactory, cancellationToken);
        }
        catch (LabStartException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        await using (lab)
        {
            PrintReady(lab);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, lab.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: fall through to the orderly shutdown below.
            }

            console.MarkupLine("[grey]stopping: reverting faults, stopping health checkers, DNS, gateways and the control API…[/]");
        }

        console.MarkupLine("[green]lab stopped[/]; every fault was reverted.");
        return ExitCodes.Ok;
    }

    private static string Describe(TimeSpan span) => Durations.Format(span);

    private void PrintReady(LabHost lab)
    {
        var topology = lab.Topology;
        var plan = lab.Plan;
        var wallPerLabMinute = TimeSpan.FromMinutes(1) / lab.Time.Scale;
        console.MarkupLine($"[bold green]Faultline lab '{Markup.Escape(topology.Name)}' is up[/] — time scale {lab.Time.Scale.ToString(CultureInfo.InvariantCulture)} (1 lab minute = {wallPerLabMinute.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s of wall time), seed {lab.Random.Seed}");

        var regions = new Table().Border(TableBorder.Rounded).Title("[bold]regions and locations[/]");
        regions.AddColumn("location");
        regions.AddColumn("gateway");
        regions.AddColumn("functions");
        regions.AddColumn("customers send from");
        regions.AddColumn("checkers send from");
        foreach (var location in plan.Locations)
        {
            var region = topology.FindRegion(location);
            regions.AddRow(
                Markup.Escape(location),
                region is null ? "[grey]-[/]" : Markup.Escape(lab.GatewayUrl(region.Name).ToString()),
                region is null ? "[grey]-[/]" : Markup.Escape(string.Join(", ", region.Functions.Select(f => $"{f.Route} → {f.Name} ({Describe(f.Timeout)})"))),
                plan.CustomerAddress(location).ToString(),
                plan.CheckerAddress(location).ToString());
        }

        // Route 53's checker regions that are not locations probe from their own addresses (docs/lab.md, "Address plan").
        foreach (var checkerRegion in topology.HealthChecks.SelectMany(c => c.ProbeRegions).Distinct(StringComparer.Ordinal).Where(r => !plan.Locations.Contains(r, StringComparer.Ordinal)))
        {
            regions.AddRow(Markup.Escape(checkerRegion) + " [grey](checkers only)[/]", "[grey]-[/]", "[grey]-[/]", "[grey]-[/]", plan.CheckerAddress(checkerRegion).ToString());
        }

        console.Write(regions);

        var checks = new Table().Border(TableBorder.Rounded).Title("[bold]health checks[/]");
        checks.AddColumn("id");
        checks.AddColumn("probes");
        checks.AddColumn("every");
        checks.AddColumn("guards");
        foreach (var check in topology.HealthChecks)
        {
            var guards = topology.Dns.Records
                .SelectMany(r => r.Sets.Where(s => s.HealthCheck == check.Id).Select(s => $"{r.Name} set '{s.Id}' ({s.Region})"))
                .ToList();
            checks.AddRow(
                Markup.Escape(check.Id),
                Markup.Escape($"{check.Type.ToString().ToUpperInvariant()} {check.Fqdn}{check.Path}"),
                Markup.Escape($"{Describe(check.Interval)} × {check.FailureThreshold}, {check.Checkers} checkers"),
                Markup.Escape(guards.Count == 0 ? "-" : string.Join("; ", guards)));
        }

        console.Write(checks);

        var dns = lab.DnsEndPoint;
        var entry = topology.Dns.Records.FirstOrDefault(r => r.Sets.Count > 1) ?? (topology.Dns.Records.Count > 0 ? topology.Dns.Records[0] : null);
        console.MarkupLine($"[bold]DNS[/]     {dns} (UDP and TCP), zone {Markup.Escape(topology.Dns.Zone)}");
        if (entry is not null && plan.Locations.Count > 0)
        {
            console.MarkupLine($"[grey]        dig @{dns.Address} -p {dns.Port} -b {plan.CustomerAddress(plan.Locations[0])} {Markup.Escape(entry.Name)} +short[/]");
        }

        console.MarkupLine($"[bold]Faults[/]  {Markup.Escape(lab.ControlUrl.ToString().TrimEnd('/'))} (token in {Markup.Escape(lab.TokenFile)})");
        var firstRegion = topology.Regions.Count > 0 ? topology.Regions[0].Name : null;
        if (firstRegion is not null)
        {
            console.MarkupLine($"[grey]        faultline fault add latency --lab {Markup.Escape(lab.ControlUrl.ToString().TrimEnd('/'))} --region {Markup.Escape(firstRegion)} --delay 60s[/]");
        }

        console.MarkupLine("Press Ctrl-C to stop; every fault is reverted on the way out.");
    }
}
