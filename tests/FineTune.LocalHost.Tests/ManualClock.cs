using System.Threading.Channels;

namespace FineTune.LocalHost.Tests;

/// <summary>
/// A clock the test sets by hand, whose timers fire only when the test fires them: at their due time, or early, as a
/// real timer can against the wall clock. Each timer the code under test starts is handed to the test in turn.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Channel<ManualTimer> started = Channel.CreateUnbounded<ManualTimer>();
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public DateTimeOffset Now
    {
        get { lock (gate) { return now; } }
        set { lock (gate) { now = value; } }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        started.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>The next timer started, waiting for it up to 10 s.</summary>
    public async Task<ManualTimer> NextTimerAsync() =>
        await started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}

/// <summary>A timer of <see cref="ManualClock"/>.</summary>
public sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
{
    /// <summary>How long after its start the timer asked to fire.</summary>
    public TimeSpan DueTime { get; private set; } = dueTime;

    public void Fire() => callback(state);

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        return true;
    }

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
