using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Faultline.Core.Faults.Dns;
using Faultline.Lab.Dns;
using Xunit;

namespace Faultline.Lab.Tests.Dns;

public sealed class LabDnsServerTests : IAsyncLifetime
{
    private readonly SeedDnsServer _dns = new();

    public async ValueTask InitializeAsync() => await _dns.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _dns.DisposeAsync();

    private LookupClient Client(bool tcp = false) => new(new LookupClientOptions(new NameServer(_dns.Server.EndPoint))
    {
        UseCache = false,
        Retries = 2,
        Timeout = TimeSpan.FromSeconds(5),
        UseTcpOnly = tcp,
        ContinueOnDnsError = false,
        ThrowDnsErrors = false,
    });

    [Fact]
    public void StartAsync_PortZero_PublishesBoundLoopbackPort()
    {
        Assert.Equal(IPAddress.Loopback, _dns.Server.EndPoint.Address);
        Assert.NotEqual(0, _dns.Server.EndPoint.Port);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_LatencyRecord_AuthoritativeAnswerWithRecordTtl(bool tcp)
    {
        var response = await Client(tcp).QueryAsync("api.example.test", QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        // 127.0.0.1 is no lab location, so the first location (us-east-1) is answered.
        var record = Assert.Single(response.Answers.ARecords());
        Assert.Equal(IPAddress.Parse("127.0.1.1"), record.Address);
        Assert.Equal(60, record.InitialTimeToLive);
        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Query_UnknownNameInZone_NxDomainWithSoa()
    {
        var response = await Client().QueryAsync("nope.example.test", QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Fact]
    public async Task Query_OutsideZone_Refused()
    {
        var response = await Client().QueryAsync("example.com", QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Query_ApexSoa_Answered()
    {
        var response = await Client().QueryAsync("example.test", QueryType.SOA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ns1.example.test.", Assert.Single(response.Answers.SoaRecords()).MName.Value);
    }

    [Fact]
    public async Task Query_ServfailFault_ServerFailure()
    {
        _dns.Faults.Set(SettableFaultState.Fault(new DnsFaultOptions { Mode = DnsFaultMode.Servfail }, "api.example.test"));

        var response = await Client().QueryAsync("api.example.test", QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(DnsHeaderResponseCode.ServerFailure, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Query_Answered_RaisesAnswerEvent()
    {
        var events = new List<DnsAnswerEvent>();
        _dns.Server.Answered += (_, e) =>
        {
            lock (events)
            {
                events.Add(e);
            }
        };

        await Client().QueryAsync("api.eu-west-1.example.test", QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        DnsAnswerEvent answer;
        lock (events)
        {
            answer = Assert.Single(events);
        }

        Assert.Equal("api.eu-west-1.example.test", answer.Name);
        Assert.Equal("us-east-1", answer.Location);
        Assert.Equal([IPAddress.Parse("127.0.2.1")], answer.Addresses);
        Assert.Equal("udp", answer.Transport);
    }
}
