namespace Faultline.Core.Experiments;

/// <summary>
/// How long AWS takes to make an action take effect and to stop it (docs/experiments.md, "AWS timing"). Both engines
/// apply it through the experiment scheduler; every delay is drawn from the run's seeded random source, so a run repeats.
/// </summary>
public sealed record AwsTiming
{
    /// <summary>Default <see cref="LambdaRampUp"/>: 60 s, the FIS Lambda extension's documented ramp-up.</summary>
    public static readonly TimeSpan DefaultLambdaRampUp = TimeSpan.FromSeconds(60);

    /// <summary>Default <see cref="LambdaRampDown"/>: 20 s, the FIS Lambda extension's documented ramp-down.</summary>
    public static readonly TimeSpan DefaultLambdaRampDown = TimeSpan.FromSeconds(20);

    /// <summary>Default <see cref="ConfigureDelay"/>: 10 s for the automation run and the function update.</summary>
    public static readonly TimeSpan DefaultConfigureDelay = TimeSpan.FromSeconds(10);

    /// <summary>AWS's timing, as documented: the defaults.</summary>
    public static readonly AwsTiming Default = new();

    /// <summary>No delays at all: every action takes effect the moment it starts and stops the moment it ends.</summary>
    public static readonly AwsTiming Ideal = new() { LambdaRampUp = TimeSpan.Zero, LambdaRampDown = TimeSpan.Zero, ConfigureDelay = TimeSpan.Zero };

    /// <summary>
    /// Fault actions that export to FIS's <c>aws:lambda:invocation-*</c> actions (<c>latency</c>, <c>error</c>,
    /// <c>http-response</c> on function targets) take effect on each target function after a delay drawn uniformly
    /// from [0, this). Default 60 s; zero makes them take effect at once.
    /// </summary>
    /// <remarks>
    /// "You may notice a ramp-up period of up to 60s before faults begin to affect all invocations. This is because the
    /// Lambda extension polls for configuration information infrequently while waiting for an experiment to start"
    /// (<c>AWS_FIS_SLOW_POLL_INTERVAL_SECONDS</c>, default 60) —
    /// https://docs.aws.amazon.com/fis/latest/userguide/use-lambda-actions.html ("Understanding polling").
    /// </remarks>
    public TimeSpan LambdaRampUp { get; init; } = DefaultLambdaRampUp;

    /// <summary>
    /// Those actions keep acting on each target function for a delay drawn uniformly from [0, this) after the action
    /// completes. Default 20 s; zero stops them at once.
    /// </summary>
    /// <remarks>
    /// "You may also notice a ramp-down period of up to 20s after the fault has been injected. This is because the
    /// extension polls more frequently while experiments are running" —
    /// https://docs.aws.amazon.com/fis/latest/userguide/use-lambda-actions.html ("Understanding polling").
    /// </remarks>
    public TimeSpan LambdaRampDown { get; init; } = DefaultLambdaRampDown;

    /// <summary>
    /// A configure action (on AWS an <c>aws:ssm:start-automation-execution</c> whose document calls
    /// <c>UpdateFunctionConfiguration</c>) changes its functions this long after it starts, and completes then. Default 10 s.
    /// </summary>
    /// <remarks>
    /// AWS documents no number for the automation run. For the function update it documents that "Lambda provisions an
    /// instance of the function and its supporting resources. If your function connects to a VPC, this process can take
    /// a minute. During this time, you can't modify the function, but you can still invoke it", and that
    /// <c>LastUpdateStatus</c> (<c>InProgress</c> → <c>Successful</c>) tells "when the update is complete and the function
    /// is processing events with the new configuration" —
    /// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html; "In most cases, this process is
    /// very fast" — https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html. 10 s is Faultline's choice for a
    /// function outside a VPC plus the automation's start; set 1m for a function in a VPC.
    /// </remarks>
    public TimeSpan ConfigureDelay { get; init; } = DefaultConfigureDelay;
}
