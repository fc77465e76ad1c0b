namespace Faultline.Core.Aws.Fis;

/// <summary>The FIS action ids Faultline exports and imports (docs/aws.md lists what each one maps to).</summary>
public static class FisActionIds
{
    /// <summary>Runs the chaos extension's SSM automation document: a <c>configure</c> action.</summary>
    public const string StartAutomation = "aws:ssm:start-automation-execution";

    /// <summary>A <c>wait</c> action.</summary>
    public const string Wait = "aws:fis:wait";

    /// <summary>A <c>latency</c> fault with a fixed delay.</summary>
    public const string AddDelay = "aws:lambda:invocation-add-delay";

    /// <summary>An <c>error</c> fault.</summary>
    public const string InvocationError = "aws:lambda:invocation-error";

    /// <summary>An <c>http-response</c> fault.</summary>
    public const string HttpIntegrationResponse = "aws:lambda:invocation-http-integration-response";

    /// <summary>Every supported id, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Supported { get; } = [StartAutomation, Wait, AddDelay, InvocationError, HttpIntegrationResponse];
}
