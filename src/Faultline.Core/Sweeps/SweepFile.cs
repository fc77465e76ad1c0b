namespace Faultline.Core.Sweeps;

/// <summary>Which file a sweep path edits.</summary>
internal enum SweepFile
{
    /// <summary>No prefix: the file whose top level has the path's first key.</summary>
    Either,

    /// <summary><c>topology:</c> prefix.</summary>
    Topology,

    /// <summary><c>experiment:</c> prefix.</summary>
    Experiment,
}
