using System.Globalization;

namespace Faultline.Core.Functions;

/// <summary>
/// The chaos-lambda-extension's own environment variables, read exactly as the extension reads them
/// (docs/faults.md): booleans are <c>true</c>/<c>false</c> only, the latency is whole seconds
/// (anything else falls back to 900), probabilities default to 0.9, and both the fixed name
/// <c>…ENABLE_CHANGE_RESPONSE_BODY</c> and the old misspelling <c>…ENABLE_CHANGE_REPONSE_BODY</c> turn
/// response replacement on, because older layers and the SAM example only know the typo.
/// </summary>
internal sealed record ChaosExtensionSettings
{
    public const string EnableLatency = "CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY";
    public const string LatencyValue = "CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE";
    public const string LatencyProbability = "CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY";
    public const string EnableChangeResponseBody = "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY";
    public const string EnableChangeResponseBodyTypo = "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY";
    public const string ChangeResponseProbability = "CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY";
    public const string DefaultResponse = "CHAOS_EXTENSION__RESPONSE__DEFAULT_RESPONSE";

    /// <summary>The extension's default latency: 15 minutes.</summary>
    public static readonly TimeSpan DefaultLatency = TimeSpan.FromSeconds(900);

    /// <summary>The extension's default probability for both faults.</summary>
    public const double DefaultProbability = 0.9;

    /// <summary>The extension's default replacement result.</summary>
    public const string DefaultResponseBody = """{"statusCode": 500, "body": "hello, Chaos!!!"}""";

    public bool LatencyEnabled { get; init; }

    public TimeSpan Latency { get; init; } = DefaultLatency;

    public double LatencyChance { get; init; } = DefaultProbability;

    public bool ResponseChangeEnabled { get; init; }

    public double ResponseChangeChance { get; init; } = DefaultProbability;

    public string Response { get; init; } = DefaultResponseBody;

    public bool AnyEnabled => LatencyEnabled || ResponseChangeEnabled;

    public static ChaosExtensionSettings From(IReadOnlyDictionary<string, string> environment) => new()
    {
        LatencyEnabled = Bool(environment, EnableLatency),
        Latency = environment.TryGetValue(LatencyValue, out var seconds)
            && ulong.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && s <= (ulong)TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(s)
                : DefaultLatency,
        LatencyChance = Probability(environment, LatencyProbability),
        ResponseChangeEnabled = Bool(environment, EnableChangeResponseBody) || Bool(environment, EnableChangeResponseBodyTypo),
        ResponseChangeChance = Probability(environment, ChangeResponseProbability),
        Response = environment.TryGetValue(DefaultResponse, out var response) ? response : DefaultResponseBody,
    };

    // Rust's bool::from_str accepts exactly "true" and "false"; anything else is false.
    private static bool Bool(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);

    private static double Probability(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value)
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
        && !double.IsNaN(p)
            ? p
            : DefaultProbability;
}
