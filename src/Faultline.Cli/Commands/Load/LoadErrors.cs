using System.Globalization;
using Faultline.Core.Text;

namespace Faultline.Cli.Commands.Load;

/// <summary>The messages of <c>faultline load</c>'s bad options, in one place: they are API and pinned by tests.</summary>
internal static class LoadErrors
{
    /// <summary>No URL given.</summary>
    public const string NoUrl = "name at least one URL to load, e.g. faultline load https://api.example.com/api/hello --rate 10";

    /// <summary>A URL that is not an absolute http or https URL.</summary>
    public static string BadUrl(string text) =>
        $"'{Echo.Value(text)}' is not an http or https URL; write it whole, e.g. https://api.example.com/api/hello";

    /// <summary>The same URL twice.</summary>
    public static string DuplicateUrl(string text) =>
        $"'{Echo.Value(text)}' is given twice; name each URL once (give a higher --rate for more load on it)";

    /// <summary>Too many URLs.</summary>
    public static string TooManyUrls(int count) =>
        $"{count} URLs is more than one load generator sends to ({LoadSettings.MaxUrls.ToString(CultureInfo.InvariantCulture)}); run several";

    /// <summary><c>--rate</c> missing.</summary>
    public static string RateMissing() =>
        $"--rate is required: the total requests per second, from {LoadSettings.MinRate.ToString(CultureInfo.InvariantCulture)} to {LoadSettings.MaxRate.ToString(CultureInfo.InvariantCulture)}, split evenly across the URLs, e.g. --rate 10";

    /// <summary><c>--rate</c> not a number.</summary>
    public static string RateNotANumber(string text) =>
        $"--rate '{Echo.Value(text)}' is not a number; write requests per second, from {LoadSettings.MinRate.ToString(CultureInfo.InvariantCulture)} to {LoadSettings.MaxRate.ToString(CultureInfo.InvariantCulture)}, e.g. --rate 10";

    /// <summary><c>--rate</c> out of range.</summary>
    public static string RateOutOfRange(string text) =>
        $"--rate {Echo.Value(text)} is out of range; write requests per second, from {LoadSettings.MinRate.ToString(CultureInfo.InvariantCulture)} to {LoadSettings.MaxRate.ToString(CultureInfo.InvariantCulture)} (for more, run several load generators)";

    /// <summary><c>--duration</c> not a duration.</summary>
    public static string DurationMalformed(string text) =>
        $"--duration '{Echo.Value(text)}' is not a duration; write {Durations.Expected}";

    /// <summary><c>--duration</c> out of range.</summary>
    public static string DurationOutOfRange(string text) =>
        $"--duration {Echo.Value(text)} is out of range; write a duration from 1s to {Durations.Format(LoadSettings.MaxDuration)} (FIS's longest experiment)";

    /// <summary><c>--namespace</c> CloudWatch would reject.</summary>
    public static string BadNamespace(string text, string reason) =>
        $"--namespace '{Echo.Value(text)}' {reason}; e.g. --namespace Faultline";

    /// <summary><c>--emf</c> names a folder.</summary>
    public static string EmfIsAFolder(string path) =>
        $"--emf '{Echo.Value(path)}' is a folder; name a file (it is created or overwritten), or - for standard output";

    /// <summary><c>--emf</c> cannot be opened.</summary>
    public static string EmfUnwritable(string path, string reason) =>
        $"--emf '{Echo.Value(path)}' cannot be written ({Echo.Message(reason.TrimEnd('.'))}); check the folder exists and that you may write there";

    /// <summary><c>--metrics-port</c> out of range.</summary>
    public static string MetricsPortOutOfRange(int port) =>
        $"--metrics-port {port.ToString(CultureInfo.InvariantCulture)} must be 0–65535 (0 picks a free port)";

    /// <summary><c>--otlp</c> not an http URL.</summary>
    public static string BadOtlp(string text) =>
        $"--otlp '{Echo.Value(text)}' is not an http URL; e.g. --otlp http://127.0.0.1:4317";
}
