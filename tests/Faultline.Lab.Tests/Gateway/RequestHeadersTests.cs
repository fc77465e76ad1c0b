using Faultline.Lab.Gateway;
using Xunit;

namespace Faultline.Lab.Tests.Gateway;

public sealed class RequestHeadersTests
{
    private static readonly RequestHeaders Headers = new([new("Host", "api.example.test:8080"), new("X-Trace", "abc")]);

    [Theory]
    [InlineData("Host", "api.example.test:8080")]
    [InlineData("host", "api.example.test:8080")]
    [InlineData("x-trace", "abc")]
    public void TryGetValue_AnyCase_FindsTheHeader(string name, string expected)
    {
        Assert.True(Headers.TryGetValue(name, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected, Headers[name]);
        Assert.True(Headers.ContainsKey(name));
    }

    [Fact]
    public void Indexer_Missing_KeyNotFoundNamingTheHeader()
    {
        Assert.False(Headers.TryGetValue("Accept", out _));
        var error = Assert.Throws<KeyNotFoundException>(() => Headers["Accept"]);
        Assert.Contains("'Accept'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumerate_InTheRequestsOrder()
    {
        Assert.Equal(["Host", "X-Trace"], Headers.Keys);
        Assert.Equal(["api.example.test:8080", "abc"], Headers.Values);
        Assert.Equal(2, Headers.Count);
        Assert.Equal(new KeyValuePair<string, string>("X-Trace", "abc"), Headers.Last());
    }
}
