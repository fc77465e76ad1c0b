namespace Faultline.Core.Faults;

/// <summary>Why a fault was reverted.</summary>
public enum FaultRevertReason
{
    /// <summary>Removed by id.</summary>
    Removed,

    /// <summary>Removed by a reset of every fault.</summary>
    Reset,

    /// <summary>Its lease lapsed without renewal (the owner probably died).</summary>
    LeaseExpired,

    /// <summary>Removed with every other fault of its owner.</summary>
    OwnerRemoved,
}
