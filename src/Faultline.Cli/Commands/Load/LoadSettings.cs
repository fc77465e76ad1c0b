using System.ComponentModel;
using System.Globalization;
using Faultline.Core.Text;
using Faultline.Lab.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Load;

/// <summary>Settings of <c>faultline load</c>.</summary>
internal sealed class LoadSettings : CommandSettings
{
    /// <summary>The lowest total rate: 0.1 requests per second.</summary>
    public const double MinRate = 0.1;

    /// <summary>The highest total rate one load generator sends: 10,000 requests per second.</summary>
    public const double MaxRate = 10_000;

    /// <summary>The most URLs one load generator sends to: 20.</summary>
    public const int MaxUrls = 20;

    /// <summary>How long the load runs when <c>--duration</c> is not given: 60 s.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    /// <summary>The longest run: 12 h, FIS's longest experiment.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    /// <summary>The shortest run: 1 s, one second of metrics.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(1);

    /// <summary>The URLs to load.</summary>
    [CommandArgument(0, "<url>")]
    [Description("The URLs to send to, e.g. https://api.example.com/api/hello; any number up to 20")]
    public string[] Urls { get; init; } = [];

    /// <summary><c>--rate</c> as typed: total requests per second.</summary>
    [CommandOption("--rate <R>")]
    [Description("Total requests per second (0.1 to 10000), split evenly across the URLs; open model: requests leave on time however slowly answers come")]
    public string? RateText { get; init; }

    /// <summary><c>--duration</c> as typed. Default 60 s.</summary>
    [CommandOption("--duration <D>")]
    [Description("How long to send, e.g. 30s, 15m, PT20M (1s to 12h). Default: 60s")]
    public string? DurationText { get; init; }

    /// <summary>Where the EMF lines go: a file, or <c>-</c> for standard output. Default: none.</summary>
    [CommandOption("--emf <FILE>")]
    [Description("Write the metrics as CloudWatch Embedded Metric Format, one JSON line per URL per second, to FILE, or - for standard output. Default: off")]
    public string? Emf { get; init; }

    /// <summary>The CloudWatch namespace of the EMF metrics. Default <c>Faultline</c>.</summary>
    [CommandOption("--namespace <NS>")]
    [Description("CloudWatch namespace of the EMF metrics. Default: Faultline")]
    public string Namespace { get; init; } = EmbeddedMetricFormat.DefaultNamespace;

    /// <summary>Whether only the closing summary (and the EMF lines of <c>--emf -</c>) is printed. Default: <c>false</c>.</summary>
    [CommandOption("-q|--quiet")]
    [Description("Print only the closing summary, no banner and no line per second (with --emf -, standard output carries only the EMF lines and the summary goes to standard error); errors still go to standard error")]
    public bool Quiet { get; init; }

    /// <summary>The port of the Prometheus scrape endpoint on 127.0.0.1; 0 picks a free one. Default: none.</summary>
    [CommandOption("--metrics-port <PORT>")]
    [Description("Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while sending (0 picks a free port; the URL is printed). Default: off")]
    public int? MetricsPort { get; init; }

    /// <summary>An OTLP endpoint to export the metrics to. Default: none.</summary>
    [CommandOption("--otlp <URL>")]
    [Description("Export the metrics over OTLP: gRPC (e.g. http://127.0.0.1:4317), or http/protobuf when the path ends in /v1/metrics. Default: off")]
    public string? Otlp { get; init; }

    /// <summary>The URLs, parsed (valid after <see cref="Validate"/>).</summary>
    public IReadOnlyList<Uri> Targets => [.. Urls.Select(u => new Uri(u, UriKind.Absolute))];

    /// <summary>The total rate (valid after <see cref="Validate"/>).</summary>
    public double Rate => double.Parse(RateText!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>How long to send (valid after <see cref="Validate"/>). Default 60 s.</summary>
    public TimeSpan Duration => DurationText is null ? DefaultDuration : Durations.Parse(DurationText, out var value) == ParseOutcome.Valid ? value : DefaultDuration;

    /// <summary>Whether the EMF lines go to standard output.</summary>
    public bool EmfToStdout => Emf == "-";

    public override ValidationResult Validate()
    {
        var error = ValidateUrls() ?? ValidateRate() ?? ValidateDuration() ?? ValidateOutputs();
        return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
    }

    private string? ValidateUrls()
    {
        if (Urls.Length == 0)
        {
            return LoadErrors.NoUrl;
        }

        if (Urls.Length > MaxUrls)
        {
            return LoadErrors.TooManyUrls(Urls.Length);
        }

        var seen = new HashSet<Uri>();
        foreach (var text in Urls)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host) || !string.IsNullOrEmpty(url.UserInfo))
            {
                return LoadErrors.BadUrl(text);
            }

            if (!seen.Add(url))
            {
                return LoadErrors.DuplicateUrl(text);
            }
        }

        return null;
    }

    private string? ValidateRate()
    {
        if (RateText is null)
        {
            return LoadErrors.RateMissing();
        }

        if (!double.TryParse(RateText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate))
        {
            return LoadErrors.RateNotANumber(RateText);
        }

        return rate is < MinRate or > MaxRate ? LoadErrors.RateOutOfRange(RateText) : null;
    }

    private string? ValidateDuration()
    {
        if (DurationText is null)
        {
            return null;
        }

        return Durations.Parse(DurationText, out var duration) switch
        {
            ParseOutcome.Malformed => LoadErrors.DurationMalformed(DurationText),
            ParseOutcome.Valid when duration >= MinDuration && duration <= MaxDuration => null,
            _ => LoadErrors.DurationOutOfRange(DurationText),
        };
    }

    private string? ValidateOutputs()
    {
        if (EmbeddedMetricFormat.ValidateNamespace(Namespace) is { } reason)
        {
            return LoadErrors.BadNamespace(Namespace, reason);
        }

        if (Emf is not null && !EmfToStdout && Directory.Exists(Emf))
        {
            return LoadErrors.EmfIsAFolder(Emf);
        }

        if (MetricsPort is < 0 or > 65535)
        {
            return LoadErrors.MetricsPortOutOfRange(MetricsPort.Value);
        }

        if (Otlp is not null && (!Uri.TryCreate(Otlp, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https")))
        {
            return LoadErrors.BadOtlp(Otlp);
        }

        return null;
    }
}
