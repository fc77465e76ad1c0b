using Faultline.Core.Host;
using Faultline.Core.Load;

namespace Faultline.Core.Runs;

/// <summary>Follows a run as it goes (the console's progress, later the dashboard). Calls come from several threads; an observer must not throw.</summary>
public interface IRunObserver
{
    /// <summary>The run has a folder, a journal and (for a local run) a lab.</summary>
    void OnStarted(RunStarted started);

    /// <summary>Something happened.</summary>
    void OnEvent(RunEvent runEvent);

    /// <summary>A population finished a lab second.</summary>
    void OnSecond(LoadSecond second);

    /// <summary>The host finished a lab second: how late it ran the lab clock's timers. Default: ignored.</summary>
    void OnHostSecond(HostSecond second)
    {
    }
}
