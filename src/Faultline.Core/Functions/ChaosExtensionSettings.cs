using System.Globalization;

namespace Faultline.Core.Functions;

/// <summary>
/// The chaos-lambda-extension's own environment variables, read exactly as the extension reads them
/// (docs/faults.md), and whether the extension is there to read them at all.
/// </summary>
/// <remarks>
/// Verified against the extension's source (https://github.com/aws-cli-tools/chaos-lambda-extension,
/// src/routes.rs and misc/bootstrap):
/// <list type="bullet">
/// <item>It acts only when its layer is attached and <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap</c> is set: the
/// layer's <c>/opt/bootstrap</c> points the runtime at the extension's proxy (README "Usage": "remember to set an
/// environment variable … named <c>AWS_LAMBDA_EXEC_WRAPPER</c> … <c>/opt/bootstrap</c>"). Without either, the
/// runtime talks to Lambda directly and nothing is injected.</item>
/// <item>Booleans go through <c>str_to_bool</c>: lower-cased, then <c>true</c>/<c>false</c>; anything else is
/// the default, false. So <c>True</c> enables.</item>
/// <item>The latency is <c>parse::&lt;u64&gt;()</c> seconds, falling back to 900 on anything else; a
/// probability is <c>parse::&lt;f64&gt;()</c>, falling back to 0.9, and injection happens when
/// <c>rand::random::&lt;f64&gt;() &lt; p</c> (so <c>NaN</c> never injects).</item>
/// <item>The response switch's name depends on the release (<see cref="ChaosExtensionRelease"/>).</item>
/// </list>
/// </remarks>
internal sealed record ChaosExtensionSettings
{
    /// <summary>Turns latency injection on.</summary>
    public const string EnableLatency = "CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY";

    /// <summary>The injected latency in whole seconds.</summary>
    public const string LatencyValue = "CHAOS_EXTENSION__LAMBDA__LATENCY_VALUE";

    /// <summary>The chance of latency per invocation.</summary>
    public const string LatencyProbability = "CHAOS_EXTENSION__LAMBDA__LATENCY_PROBABILITY";

    /// <summary>The response switch as the main branch spells it.</summary>
    public const string EnableChangeResponseBody = "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_RESPONSE_BODY";

    /// <summary>The response switch as release v0.1.6 (and the published layers) spell it.</summary>
    public const string EnableChangeResponseBodyTypo = "CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY";

    /// <summary>The chance of replacing the response.</summary>
    public const string ChangeResponseProbability = "CHAOS_EXTENSION__RESPONSE__CHANGE_RESPONSE_PROBABILITY";

    /// <summary>The replacement result.</summary>
    public const string DefaultResponse = "CHAOS_EXTENSION__RESPONSE__DEFAULT_RESPONSE";

    /// <summary>The variable that makes the runtime start through the layer's wrapper script.</summary>
    public const string ExecWrapper = "AWS_LAMBDA_EXEC_WRAPPER";

    /// <summary>The extension's wrapper script, the value <see cref="ExecWrapper"/> must have.</summary>
    public const string WrapperPath = "/opt/bootstrap";

    /// <summary>
    /// How the lab recognises the extension's layer: its name or ARN contains this (case-insensitive), as the
    /// published <c>arn:aws:lambda:…:871265522301:layer:chaos-lambda-extension-x86_64-unknown-linux-gnu-release:12</c> does.
    /// </summary>
    public const string LayerMarker = "chaos-lambda-extension";

    /// <summary>The extension's default latency: 15 minutes.</summary>
    public static readonly TimeSpan DefaultLatency = TimeSpan.FromSeconds(900);

    /// <summary>The extension's default probability for both faults.</summary>
    public const double DefaultProbability = 0.9;

    /// <summary>The extension's default replacement result.</summary>
    public const string DefaultResponseBody = """{"statusCode": 500, "body": "hello, Chaos!!!"}""";

    /// <summary>Whether the extension runs: its layer attached and the wrapper variable set.</summary>
    public bool Attached { get; init; }

    /// <summary>Whether the variables ask for latency (whether or not the extension is attached).</summary>
    public bool LatencyRequested { get; init; }

    /// <summary>Whether latency is injected: requested and attached.</summary>
    public bool LatencyEnabled => Attached && LatencyRequested;

    /// <summary>The injected latency. Default 900 s.</summary>
    public TimeSpan Latency { get; init; } = DefaultLatency;

    /// <summary>The chance of latency. Default 0.9.</summary>
    public double LatencyChance { get; init; } = DefaultProbability;

    /// <summary>Whether the variables ask for response replacement in the spelling this release reads.</summary>
    public bool ResponseChangeRequested { get; init; }

    /// <summary>Whether the response is replaced: requested and attached.</summary>
    public bool ResponseChangeEnabled => Attached && ResponseChangeRequested;

    /// <summary>The chance of replacement. Default 0.9.</summary>
    public double ResponseChangeChance { get; init; } = DefaultProbability;

    /// <summary>The replacement result. Default <see cref="DefaultResponseBody"/>.</summary>
    public string Response { get; init; } = DefaultResponseBody;

    /// <summary>Whether anything is injected.</summary>
    public bool AnyEnabled => LatencyEnabled || ResponseChangeEnabled;

    /// <summary>Whether the variables ask for something while the extension is not attached, so nothing happens.</summary>
    public bool RequestedButNotAttached => !Attached && (LatencyRequested || ResponseChangeRequested);

    /// <summary>The response switch's name that <paramref name="release"/> reads.</summary>
    public static string ResponseSwitch(ChaosExtensionRelease release) =>
        release == ChaosExtensionRelease.Main ? EnableChangeResponseBody : EnableChangeResponseBodyTypo;

    /// <summary>The response switch's name that <paramref name="release"/> ignores.</summary>
    public static string IgnoredResponseSwitch(ChaosExtensionRelease release) =>
        release == ChaosExtensionRelease.Main ? EnableChangeResponseBodyTypo : EnableChangeResponseBody;

    /// <summary>The YAML name of a release: <c>v0.1.6</c> or <c>main</c>.</summary>
    public static string ReleaseName(ChaosExtensionRelease release) => release == ChaosExtensionRelease.Main ? "main" : "v0.1.6";

    /// <summary>Whether <paramref name="layer"/> (a name or ARN) is the chaos extension's layer.</summary>
    public static bool IsExtensionLayer(string layer) =>
        layer is not null && layer.Contains(LayerMarker, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the extension is attached: one of <paramref name="layers"/> is its layer and the wrapper variable names its script.</summary>
    public static bool IsAttached(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> layers)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(layers);
        return layers.Any(IsExtensionLayer)
            && environment.TryGetValue(ExecWrapper, out var wrapper)
            && string.Equals(wrapper, WrapperPath, StringComparison.Ordinal);
    }

    /// <summary>Reads the settings as <paramref name="release"/> of the extension would, attached to <paramref name="layers"/>.</summary>
    public static ChaosExtensionSettings From(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> layers, ChaosExtensionRelease release = ChaosExtensionRelease.Tagged)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new()
        {
            Attached = IsAttached(environment, layers),
            LatencyRequested = Bool(environment, EnableLatency),
            Latency = environment.TryGetValue(LatencyValue, out var seconds) && Seconds(seconds) is { } s ? s : DefaultLatency,
            LatencyChance = Probability(environment, LatencyProbability),
            ResponseChangeRequested = Bool(environment, ResponseSwitch(release)),
            ResponseChangeChance = Probability(environment, ChangeResponseProbability),
            Response = environment.TryGetValue(DefaultResponse, out var response) ? response : DefaultResponseBody,
        };
    }

    /// <summary>The extension's <c>str_to_bool</c>: lower-cased, <c>true</c> or <c>false</c>, anything else false.</summary>
    public static bool ParseBool(string? value) =>
        value is not null && string.Equals(value.ToLowerInvariant(), "true", StringComparison.Ordinal);

    private static bool Bool(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && ParseBool(value);

    // Rust's u64::from_str: ASCII digits with an optional leading '+', nothing else.
    private static TimeSpan? Seconds(string text)
    {
        var digits = text.StartsWith('+') ? text[1..] : text;
        return digits.Length > 0
            && !digits.AsSpan().ContainsAnyExceptInRange('0', '9')
            && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && s <= (ulong)TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(s)
                : null;
    }

    // Rust's f64::from_str: no surrounding whitespace; "inf", "infinity" and "nan" in any case. NaN is kept: rand < NaN is false.
    private static double Probability(IReadOnlyDictionary<string, string> environment, string name)
    {
        if (!environment.TryGetValue(name, out var text) || text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return DefaultProbability;
        }

        var unsigned = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (text.Length - unsigned.Length <= 1)
        {
            switch (unsigned.ToLowerInvariant())
            {
                case "inf" or "infinity":
                    return negative ? double.NegativeInfinity : double.PositiveInfinity;
                case "nan":
                    return double.NaN;
                default:
                    break;
            }
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var p)
            && !double.IsNaN(p) && !double.IsInfinity(p)
                ? p
                : DefaultProbability;
    }
}
