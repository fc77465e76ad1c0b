using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Experiments.Execution;

public sealed class LeaseRenewerTests : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(ExperimentSchedulerTests.Start);
    private readonly RecordingEffects _effects;
    private readonly ConfigurationLedger _ledger = new();
    private readonly List<(string FaultId, DateTimeOffset At)> _lapsed = [];
    private readonly List<RunProblem> _problems = [];
    private readonly LeaseRenewer _renewer;

    public LeaseRenewerTests()
    {
        _effects = new RecordingEffects(_time);
        _renewer = new LeaseRenewer(
            _effects,
            _time,
            new ExperimentSchedulerOptions { Owner = "run-1", Lease = Lease },
            _ledger,
            (id, at) => _lapsed.Add((id, at)),
            _problems.Add,
            () => TimeSpan.FromSeconds(90));
    }

    public ValueTask DisposeAsync() => _renewer.DisposeAsync();

    [Fact]
    public async Task Renewals_KeepTheLeaseAlive_NothingLapses()
    {
        await ApplyAndTrackAsync();
        _renewer.Start();

        Tick(TimeSpan.FromMinutes(2));

        Assert.Equal(12, _effects.Renewals);
        Assert.Empty(_lapsed);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Renewal_FindsTheFaultGone_ReportsItLapsedAtItsLastGrantedExpiry()
    {
        var fault = await ApplyAndTrackAsync();
        _time.Advance(TimeSpan.FromSeconds(20));
        await _renewer.RenewAsync();

        // The renewal at 20 s granted the lease until 50 s; the runner then stalls past it, and the lab drops the fault.
        _time.Advance(TimeSpan.FromSeconds(40));
        await _renewer.RenewAsync();

        Assert.Equal([(fault.Id, ExperimentSchedulerTests.Start + TimeSpan.FromSeconds(50))], _lapsed);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Renewal_Throws_ReportedAsAProblem_NotALapse()
    {
        var fault = await ApplyAndTrackAsync();
        _effects.RenewFailure = new HttpRequestException("Connection refused");

        await _renewer.RenewAsync();

        var problem = Assert.Single(_problems);
        Assert.Equal((RunProblemKind.RenewFailed, fault.Id), (problem.Kind, problem.Subject));
        Assert.Empty(_lapsed);
    }

    [Fact]
    public async Task Forget_ReturnsTheFaultToTheLab_NoMoreRenewals()
    {
        var fault = await ApplyAndTrackAsync();
        _renewer.Forget(fault.Id);

        await _renewer.RenewAsync();

        Assert.Equal(0, _effects.Renewals);
    }

    [Fact]
    public async Task ConfigurationLease_RenewedOnlyWhileAChangeStands()
    {
        await _renewer.RenewAsync();
        Assert.Equal(0, _effects.ConfigurationRenewals);

        _ledger.Record(new ConfigurationChange { Function = "us-east-1/hello", Before = new FunctionConfiguration(), After = new FunctionConfiguration { Layers = ["x"] } });
        await _renewer.RenewAsync();

        Assert.Equal(1, _effects.ConfigurationRenewals);
        Assert.Contains("renew-configuration run-1 30s @0s", _effects.Calls);
    }

    [Fact]
    public void LapseTime_UntrackedFault_Now()
    {
        _time.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(_time.GetUtcNow(), _renewer.LapseTime("f9"));
    }

    private async Task<ActiveFault> ApplyAndTrackAsync()
    {
        var action = new FaultAction { Name = "inject", Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = "us-hello", Duration = TimeSpan.FromMinutes(5) };
        var target = new TargetDefinition { Name = "us-hello", Type = TargetType.Function, Target = new FaultTarget { Region = "us-east-1", Function = "hello" } };
        var fault = await _effects.ApplyFaultAsync(action, target, "run-1", Lease, TestContext.Current.CancellationToken);
        _renewer.Track(fault.Id, fault.LeaseExpiresAt);
        return fault;
    }

    /// <summary>Advances lab time a second at a time, so each renewal tick runs (RecordingEffects completes at once).</summary>
    private void Tick(TimeSpan span)
    {
        for (var i = 0; i < (int)span.TotalSeconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
