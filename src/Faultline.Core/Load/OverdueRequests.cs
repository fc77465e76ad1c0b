namespace Faultline.Core.Load;

/// <summary>
/// Requests found still in flight past their client timeout when a second closed, that a
/// <see cref="LoadAggregator"/> records as timeouts of that second (see <see cref="LoadSecond.Overdue"/>).
/// </summary>
/// <param name="Count">How many requests.</param>
/// <param name="Waited">How long they had waited by the second's end (lab time), recorded as their latency.</param>
public readonly record struct OverdueRequests(long Count, TimeSpan Waited);
