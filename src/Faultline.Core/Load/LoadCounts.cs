namespace Faultline.Core.Load;

/// <summary>The plain counters of a <see cref="LoadStats"/>, added up field by field when spans merge.</summary>
internal readonly record struct LoadCounts(
    long Sent,
    long Responses,
    long Status2xx,
    long Status3xx,
    long Status4xx,
    long Status5xx,
    long ConnectErrors,
    long DnsErrors,
    long Timeouts,
    long OtherErrors,
    long LateSends,
    long DroppedSends)
{
    public LoadCounts Add(LoadCounts b) => this + b;

    public static LoadCounts operator +(LoadCounts a, LoadCounts b) => new(
        a.Sent + b.Sent,
        a.Responses + b.Responses,
        a.Status2xx + b.Status2xx,
        a.Status3xx + b.Status3xx,
        a.Status4xx + b.Status4xx,
        a.Status5xx + b.Status5xx,
        a.ConnectErrors + b.ConnectErrors,
        a.DnsErrors + b.DnsErrors,
        a.Timeouts + b.Timeouts,
        a.OtherErrors + b.OtherErrors,
        a.LateSends + b.LateSends,
        a.DroppedSends + b.DroppedSends);
}
