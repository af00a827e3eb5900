using System.Diagnostics;

namespace FineTune.Recompute.Performance;

/// <summary>Samples the managed heap every 20 ms while a measurement runs; the working set's peak comes from the OS.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long peakManaged;
    private long peakHeap;

    private MemorySampler() => sampler = Task.Run(SampleAsync);

    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return new MemorySampler();
    }

    public Measurement Finish(string kind, int scenarios, double seconds, double readSeconds, double writeSeconds, double cpuSeconds)
    {
        stop.Cancel();
        sampler.Wait();
        using Process process = Process.GetCurrentProcess();
        process.Refresh();
        return new Measurement(kind, scenarios, seconds, readSeconds, writeSeconds, cpuSeconds, process.PeakWorkingSet64,
            Interlocked.Read(ref peakManaged), Interlocked.Read(ref peakHeap));
    }

    public void Dispose() => stop.Dispose();

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Max(ref peakManaged, GC.GetTotalMemory(forceFullCollection: false));
            Max(ref peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            try
            {
                await Task.Delay(20, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
