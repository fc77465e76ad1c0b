namespace Faultline.Core.Time;

/// <summary>
/// Waits on lab time that complete inline on the thread that ends them (the task's completion, the timer, the
/// cancellation), never by queueing to the thread pool. The simulated engine runs everything on one thread in
/// virtual time and relies on this; the live engine does not mind (its callers continue with
/// <c>ConfigureAwait(false)</c> wherever they resume).
/// </summary>
public static class LabTasks
{
    /// <summary>
    /// <paramref name="task"/>'s result, or <see cref="TimeoutException"/> after <paramref name="timeout"/> of lab time, or
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled first. The task itself runs on.
    /// </summary>
    public static Task<T> WithTimeout<T>(Task<T> task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (task.IsCompleted)
        {
            return task;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var race = new Race<T>();
        race.Timer = timeout == Timeout.InfiniteTimeSpan
            ? null
            : timeProvider.CreateTimer(static s => ((Race<T>)s!).TimedOut(), race, timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, Timeout.InfiniteTimeSpan);
        race.Registration = cancellationToken.UnsafeRegister(static (s, token) => ((Race<T>)s!).Cancelled(token), race);
        task.ContinueWith(static (t, s) => ((Race<T>)s!).Completed(t), race, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return race.Task;
    }

    /// <summary>Like <see cref="WithTimeout{T}"/> with no timeout: <paramref name="task"/>'s result unless <paramref name="cancellationToken"/> is cancelled first.</summary>
    public static Task<T> WithCancellation<T>(Task<T> task, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        WithTimeout(task, Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);

    /// <summary>
    /// Completes after <paramref name="delay"/> of lab time, or as cancelled when <paramref name="cancellationToken"/>
    /// is; <see cref="Timeout.InfiniteTimeSpan"/> waits for the cancellation only. Unlike <c>Task.Delay</c>, whose
    /// cancellation may resume the awaiting code on the thread pool, both ends complete inline.
    /// </summary>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var race = new Race<bool>();
        race.Timer = delay == Timeout.InfiniteTimeSpan
            ? null
            : timeProvider.CreateTimer(static s => ((Race<bool>)s!).Elapsed(), race, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        race.Registration = cancellationToken.UnsafeRegister(static (s, token) => ((Race<bool>)s!).Cancelled(token), race);
        return race.Task;
    }

    private sealed class Race<T> : TaskCompletionSource<T>
    {
        public ITimer? Timer { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Completed(Task<T> task)
        {
            if (TrySetFrom(task))
            {
                Cleanup();
            }
        }

        public void Elapsed()
        {
            if (TrySetResult(default!))
            {
                Cleanup();
            }
        }

        public void TimedOut()
        {
            if (TrySetException(new TimeoutException()))
            {
                Cleanup();
            }
        }

        public void Cancelled(CancellationToken token)
        {
            if (TrySetCanceled(token))
            {
                Cleanup();
            }
        }

        private bool TrySetFrom(Task<T> task) => task.Status switch
        {
            TaskStatus.RanToCompletion => TrySetResult(task.Result),
            TaskStatus.Canceled => TrySetCanceled(),
            _ => TrySetException(task.Exception!.InnerExceptions),
        };

        private void Cleanup()
        {
            Timer?.Dispose();
            Registration.Dispose();
        }
    }
}
