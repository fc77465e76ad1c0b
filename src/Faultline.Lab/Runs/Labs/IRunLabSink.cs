using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Runs;

namespace Faultline.Lab.Runs.Labs;

/// <summary>Where a lab reports a run's evidence (implemented by <see cref="ExperimentRunner"/>).</summary>
public interface IRunLabSink
{
    /// <summary>The run's id (the owner of its faults).</summary>
    string RunId { get; }

    /// <summary>The run's randomness; a lab derives its sources from it in a fixed order.</summary>
    RandomSource Random { get; }

    /// <summary>When the run started (lab time), for messages.</summary>
    DateTimeOffset RunStart { get; }

    /// <summary>Records an event (health flips, probe targets, DNS answers, problems).</summary>
    void Record(RunEvent runEvent);

    /// <summary>A population's finished second.</summary>
    void OnSecond(LoadSecond second);

    /// <summary>A lab second of host timing.</summary>
    void OnHostSecond(HostSecond second);

    /// <summary>The lab reverted one of the run's faults because its lease lapsed, at <paramref name="at"/>.</summary>
    void ReportLapsed(string faultId, DateTimeOffset at);

    /// <summary>The lab is lost: record <paramref name="problem"/> and end the run as failed.</summary>
    void Fail(RunProblem problem);
}
