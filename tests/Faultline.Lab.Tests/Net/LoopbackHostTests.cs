using Faultline.Web;
using Xunit;

namespace Faultline.Lab.Tests.Net;

public sealed class LoopbackHostTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    [InlineData("::1")]
    public void IsLoopback_LoopbackNamesAndAddresses_AreAccepted(string host) => Assert.True(LoopbackHost.IsLoopback(host));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("[::]")]
    public void IsLoopback_AnyOtherName_IsRefused(string? host) => Assert.False(LoopbackHost.IsLoopback(host));
}
