namespace FineTune.Functions.Recompute;

/// <summary>How the benchmark recompute paces itself; the defaults suit Table Storage.</summary>
public sealed record RecomputeOptions
{
    /// <summary>Scenarios per page of the scan, 1..1000 (the service's page limit).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Write transactions (of up to 100 comparisons of one workspace) in flight at once; the checkpoint moves after as many complete.</summary>
    public int ConcurrentWrites { get; init; } = 8;

    /// <summary>Threads that analyse the scenarios of a page.</summary>
    public int AnalysisParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a run holds its record without renewing it; after that another run may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a run renews its lease and saves its counts while scanning.</summary>
    public TimeSpan LeaseRenewal { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A progress line every this many scenarios...</summary>
    public int LogEveryScenarios { get; init; } = 1000;

    /// <summary>...or after this long, whichever comes first.</summary>
    public TimeSpan LogEvery { get; init; } = TimeSpan.FromSeconds(5);
}
