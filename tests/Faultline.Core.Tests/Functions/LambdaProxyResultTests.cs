using Faultline.Core.Functions;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class LambdaProxyResultTests
{
    [Fact]
    public void TryParse_WellFormed_ReadsEveryField()
    {
        Assert.True(LambdaProxyResult.TryParse("""{"statusCode":201,"headers":{"X-A":"1"},"body":"hi","isBase64Encoded":false}""", out var result));

        Assert.Equal(201, result.StatusCode);
        Assert.Equal("1", result.Headers["x-a"]);
        Assert.Equal("hi", result.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"body":"no status"}""")]
    [InlineData("""{"statusCode":"200"}""")]
    [InlineData("""{"statusCode":200,"body":{"nested":true}}""")]
    [InlineData("""{"statusCode":200,"headers":{"a":{"b":1}}}""")]
    [InlineData("""{"statusCode":200,"isBase64Encoded":"yes"}""")]
    public void TryParse_Malformed_ReturnsFalse(string json)
    {
        Assert.False(LambdaProxyResult.TryParse(json, out _));
    }
}
