using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Functions;
using Faultline.Core.Randomness;
using Faultline.Lab.Control;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Lab.Tests.Control;

public sealed class FunctionConfiguratorTests
{
    private const string Hello = "us-east-1/hello";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FunctionFleet _fleet;
    private readonly FunctionConfigurator _configurator;

    public FunctionConfiguratorTests()
    {
        var topology = Some.Topology();
        _fleet = new FunctionFleet(topology, new FaultStore(topology, _time, new RandomSource(1)), _time, new RandomSource(2));
        _configurator = new FunctionConfigurator(_fleet, _time);
    }

    private FunctionConfiguration Now => FunctionConfigurator.Current(_fleet.Find(Hello)!);

    private static ConfigureFunctionRequest Attach(string owner, TimeSpan? lease) => new()
    {
        Owner = owner,
        Set = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
        AttachLayer = "chaos-lambda-extension",
        Lease = lease,
    };

    [Fact]
    public void ExpireLapsed_LeaseNotRenewed_PutsTheFunctionBackAsBeforeTheOwnersFirstChange()
    {
        var original = Now;
        _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromSeconds(30)));
        _configurator.Configure(Hello, new ConfigureFunctionRequest { Owner = "run-1", Set = new Dictionary<string, string>(StringComparer.Ordinal) { ["MORE"] = "1" } });

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_configurator.ExpireLapsed());
        _time.Advance(TimeSpan.FromSeconds(1));
        var (owner, restored) = Assert.Single(_configurator.ExpireLapsed());

        Assert.Equal("run-1", owner);
        Assert.Equal(Hello, Assert.Single(restored).Function);
        Assert.True(Now.SameAs(original));
        Assert.Empty(_configurator.ExpireLapsed());
        Assert.False(_configurator.Renew("run-1", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Renew_BeforeTheLeaseLapses_KeepsTheChange()
    {
        _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromSeconds(30)));

        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(_configurator.Renew("run-1", TimeSpan.FromSeconds(30)));
            Assert.Empty(_configurator.ExpireLapsed());
        }

        Assert.Equal(["chaos-lambda-extension"], Now.Layers);
    }

    [Fact]
    public void Restore_ByTheOwnerToTheOriginal_ReleasesIt_SoALaterChangeByAnotherOwnerIsNotUndone()
    {
        var original = Now;
        _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromSeconds(30)));
        _configurator.Restore(Hello, original, "run-1");
        _configurator.Configure(Hello, Attach("cli", lease: null));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_configurator.ExpireLapsed());
        Assert.False(_configurator.Renew("run-1", TimeSpan.FromSeconds(30)));
        Assert.Equal(["chaos-lambda-extension"], Now.Layers);
    }

    [Fact]
    public void Configure_WithoutALease_StandsUntilRestored()
    {
        _configurator.Configure(Hello, Attach("cli", lease: null));

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Empty(_configurator.ExpireLapsed());
        Assert.Equal(["chaos-lambda-extension"], Now.Layers);
        Assert.Equal(Hello, Assert.Single(_configurator.RestoreAll("cli")).Function);
        Assert.Empty(Now.Layers);
    }

    [Fact]
    public void Configure_LeaseThatOverflowsTheClock_IsRejectedAndChangesNothing()
    {
        var original = Now;

        var ex = Assert.Throws<InvalidInputException>(() => _configurator.Configure(Hello, Attach("run-1", TimeSpan.MaxValue)));

        Assert.Contains("longer than the maximum lease of 1h", ex.Message, StringComparison.Ordinal);
        Assert.True(Now.SameAs(original));
        Assert.Empty(_configurator.RestoreAll("run-1"));
    }

    [Fact]
    public void Configure_LeaseLongerThanTheMaximum_IsRejectedAndChangesNothing()
    {
        var original = Now;

        var ex = Assert.Throws<InvalidInputException>(() => _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromHours(1_000_000))));

        Assert.Equal(
            "lease is 1000000h, longer than the maximum lease of 1h of lab time; give 1h or less (e.g. 10m) and renew it before it lapses to keep it longer",
            Assert.Single(ex.Diagnostics).Message);
        Assert.True(Now.SameAs(original));
    }

    [Fact]
    public void Configure_ZeroLease_IsRejectedAndChangesNothing()
    {
        var original = Now;

        Assert.Throws<InvalidInputException>(() => _configurator.Configure(Hello, Attach("run-1", TimeSpan.Zero)));

        Assert.True(Now.SameAs(original));
    }

    [Fact]
    public void Configure_NullNamesOrValuesAsJsonCanSend_AreRejectedAndChangeNothing()
    {
        var original = Now;
        var request = new ConfigureFunctionRequest
        {
            Owner = "run-1",
            Set = new Dictionary<string, string>(StringComparer.Ordinal) { ["A"] = null! },
            Unset = [null!],
            Layers = [null!],
            AttachLayer = "chaos-lambda-extension",
        };

        var ex = Assert.Throws<InvalidInputException>(() => _configurator.Configure(Hello, request));

        Assert.Equal(
            ["set: variable 'A' has no value (null); give a string, or unset the variable", "unset: a variable name is null; give names as strings", "layers: a layer name is null; give names as strings"],
            ex.Diagnostics.Select(d => d.Message));
        Assert.True(Now.SameAs(original));
    }

    [Fact]
    public void Renew_LeaseLongerThanTheMaximum_IsRejectedAndKeepsTheOldLease()
    {
        _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromSeconds(30)));

        Assert.Throws<InvalidInputException>(() => _configurator.Renew("run-1", TimeSpan.MaxValue));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("run-1", Assert.Single(_configurator.ExpireLapsed()).Owner);
    }

    [Fact]
    public void Renew_ClockAtTheEndOfTime_DoesNotOverflow()
    {
        _configurator.Configure(Hello, Attach("run-1", TimeSpan.FromSeconds(30)));
        _time.SetUtcNow(DateTimeOffset.MaxValue - TimeSpan.FromMinutes(5));

        Assert.True(_configurator.Renew("run-1", TimeSpan.FromMinutes(10)));
    }
}
