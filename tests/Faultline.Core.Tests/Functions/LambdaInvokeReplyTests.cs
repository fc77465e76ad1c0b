using Faultline.Core.Functions;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class LambdaInvokeReplyTests
{
    [Fact]
    public void Interpret_ProxyResult_Succeeds()
    {
        var outcome = LambdaInvokeReply.Interpret(200, false, """{"statusCode": 201, "headers": {"X-A": "b"}, "body": "made"}""", ProxyPayloadFormat.V1);

        Assert.Equal(FunctionOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(201, outcome.Result!.StatusCode);
        Assert.Equal("made", outcome.Result.Body);
    }

    [Theory]
    [InlineData(200, false, """{"errorType":"Error","errorMessage":"failure","trace":[]}""", "Error: failure")]
    [InlineData(200, true, """{"errorMessage":"handled"}""", "handled")]
    [InlineData(200, false, "Task timed out after 3.00 seconds", "Task timed out after 3.00 seconds")]
    [InlineData(200, false, "", "the function's runtime answered nothing (did it exit?)")]
    [InlineData(502, false, "crashed", "the function's runtime answered HTTP 502: crashed")]
    public void Interpret_ErrorReplies_AreFunctionErrors(int status, bool header, string body, string expected)
    {
        var outcome = LambdaInvokeReply.Interpret(status, header, body, ProxyPayloadFormat.V1);

        Assert.Equal(FunctionOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal(expected, outcome.Error);
    }

    [Fact]
    public void Interpret_V1OutputThatIsNoProxyResult_KeepsRawPayload()
    {
        var outcome = LambdaInvokeReply.Interpret(200, false, """{"hello": "world"}""", ProxyPayloadFormat.V1);

        Assert.Null(outcome.Result);
        Assert.Equal("""{"hello": "world"}""", outcome.RawPayload);
    }

    [Fact]
    public void Interpret_V2JsonWithoutStatusCode_Is200Json()
    {
        var outcome = LambdaInvokeReply.Interpret(200, false, """{"hello": "world"}""", ProxyPayloadFormat.V2);

        Assert.Equal(200, outcome.Result!.StatusCode);
        Assert.Equal("application/json", outcome.Result.Headers["Content-Type"]);
        Assert.Equal("""{"hello": "world"}""", outcome.Result.Body);
    }
}
