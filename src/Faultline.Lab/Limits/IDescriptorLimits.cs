namespace Faultline.Lab.Limits;

/// <summary>Where the descriptor check reads and raises the open-file limit; <see cref="ProcessDescriptorLimits"/> outside tests.</summary>
public interface IDescriptorLimits
{
    /// <summary>The current limit, or <c>null</c> where the platform has none to check (anything but Linux).</summary>
    DescriptorLimit? Read();

    /// <summary>Sets the soft limit (at most the hard one); <c>false</c> when the system refused.</summary>
    bool TrySetSoft(long soft);
}
