namespace Faultline.Core.Functions;

/// <summary>
/// A function's code: a built-in handler or a forwarder to the user's service. An exception is a
/// function error; cancellation means the invocation was abandoned (timeout or caller gone).
/// </summary>
public delegate Task<LambdaProxyResult> FunctionHandler(FunctionInvocation invocation, CancellationToken cancellationToken);
