using Faultline.Core.Routing;

namespace Faultline.Core.Faults.Injection;

/// <summary>What a DNS fault does to one query: answer in the record's stead, or delay the true answer.</summary>
/// <param name="Answer">The answer given instead of the record's (e.g. <see cref="DnsOutcomeKind.ServFail"/>), or <c>null</c> to answer truly.</param>
/// <param name="Delay">How late the answer is.</param>
public sealed record DnsFaultEffect(DnsOutcomeKind? Answer, TimeSpan Delay);
