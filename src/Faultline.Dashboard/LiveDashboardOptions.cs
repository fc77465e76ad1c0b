namespace Faultline.Dashboard;

/// <summary>How <see cref="LiveDashboard"/> serves a run.</summary>
public sealed record LiveDashboardOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The experiment's hypothesis, the page's heading.</summary>
    public required string Title { get; init; }
}
