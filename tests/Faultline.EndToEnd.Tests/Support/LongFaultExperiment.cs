using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>
/// A short experiment against the seed topology for runs the tests interrupt: 10 s of baseline, then 10 minutes of
/// latency on us-east-1 (30 s of wall time at time scale 20), so the fault is active whenever the test acts.
/// </summary>
/// <remarks>
/// With <c>ideal</c> the faults take effect on every function at once (no FIS Lambda extension ramp-up), for tests
/// that act on "the fault"; without it a function's fault may arrive up to 60 lab seconds later, as on AWS.
/// </remarks>
internal static class LongFaultExperiment
{
    /// <summary>Writes the experiment into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, bool ideal = false)
    {
        var path = Path.Combine(folder, "long-fault.yaml");
        File.WriteAllText(path, $"""
            topology: {RepoPaths.Combine("samples", "seed", "topology.yaml")}
            hypothesis:
              title: eu customers are not affected by a long us-east-1 failure
              checks:
                - {"{"} name: eu customers unaffected, clients: eu-customers, during: fault, successRate: ">= 99%" {"}"}
            load: {"{"} baseline: 10s, recovery: 10s {"}"}
            targets:
              us-functions: {"{"} type: function, region: us-east-1 {"}"}
            actions:
              inject-latency: {"{"} fault: latency, target: us-functions, delay: 60s, duration: 10m {"}"}
            {(ideal ? "awsTiming: { lambdaRampUp: 0s, lambdaRampDown: 0s }" : string.Empty)}
            """);
        return path;
    }

    /// <summary>How many faults the lab holds now.</summary>
    public static async Task<int> FaultCountAsync(RunningLab lab, CancellationToken ct) =>
        (await lab.ControlAsync("/v1/faults", ct)).GetProperty("faults").GetArrayLength();
}
