using Faultline.Core.Functions;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class BuiltInHandlersTests
{
    [Theory]
    [InlineData("hello", "Hello from region eu-west-1")]
    [InlineData("health", "Region eu-west-1 is healthy")]
    public void Answer_BuiltIn_IsTheSeedBodyAsPlainText(string handler, string body)
    {
        var answer = BuiltInHandlers.Answer(handler, "eu-west-1");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(body, answer.Body);
        Assert.Equal(LambdaProxyResult.TextContentType, answer.Headers["Content-Type"]);
    }

    [Fact]
    public void Answer_UnknownHandler_NamesTheBuiltIns()
    {
        var error = Assert.Throws<ArgumentException>(() => BuiltInHandlers.Answer("echo", "eu-west-1"));

        Assert.StartsWith("'echo' is not a built-in handler; built-in handlers: health, hello", error.Message, StringComparison.Ordinal);
    }
}
