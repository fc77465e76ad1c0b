namespace Faultline.TestUtils;

/// <summary>Awaits a condition with a deadline, polling it — for real-socket tests, where nothing can be advanced by hand.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value that satisfies <paramref name="accept"/>, or fails the test at the deadline.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<CancellationToken, Task<T>> probe, Func<T, bool> accept, TimeSpan deadline, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = default(T);
        var lastError = (Exception?)null;
        try
        {
            do
            {
                try
                {
                    last = await probe(timeout.Token).ConfigureAwait(false);
                    lastError = null;
                    if (accept(last))
                    {
                        return last;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !timeout.IsCancellationRequested)
                {
                    lastError = ex;
                }
            }
            while (await timer.WaitForNextTickAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for {what}; last value: {last?.ToString() ?? "none"}{(lastError is null ? string.Empty : $"; last error: {lastError.Message}")}");
    }

    /// <summary>Polls a synchronous condition until it holds, or fails the test at the deadline.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan deadline, string what, CancellationToken cancellationToken) =>
        ReturnsAsync(_ => Task.FromResult(condition()), ok => ok, deadline, what, cancellationToken);
}
