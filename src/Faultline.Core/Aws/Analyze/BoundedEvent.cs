using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// An event read from 1-minute datapoints: it happened somewhere between <paramref name="Earliest"/> and
/// <paramref name="Latest"/>; the headline observations place it at <see cref="RunEvent.At"/> of <paramref name="Event"/>.
/// </summary>
internal sealed record BoundedEvent(RunEvent Event, DateTimeOffset Earliest, DateTimeOffset Latest);
