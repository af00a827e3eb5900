using Microsoft.Extensions.Logging;

namespace FineTune.Functions.Prices;

/// <summary>The price refresh's log lines.</summary>
internal static partial class PriceRefreshLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Price refresh {RunId} started: {Url}")]
    public static partial void Started(ILogger logger, string runId, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Price refresh read page {Page}: {PageItems} items, {Items} so far")]
    public static partial void PageRead(ILogger logger, int page, int pageItems, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Price refresh page {Page} try {Attempt} failed ({Reason}); trying again in {DelaySeconds} s")]
    public static partial void Retrying(ILogger logger, int page, int attempt, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Price refresh {RunId} does nothing: {Status}")]
    public static partial void Skipped(ILogger logger, string runId, PriceRefreshStatus status);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Price refresh {RunId} completed: {Pages} pages, {Items} items, {Skipped} skipped, {Mapped} mapped, {Unmapped} unmapped; "
            + "{Changed} entries changed, {Unchanged} unchanged; catalog version {PriceVersion}; {DurationMilliseconds} ms")]
    public static partial void Completed(ILogger logger, string runId, int pages, int items, int skipped, int mapped, int unmapped,
        int changed, int unchanged, long priceVersion, long durationMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Price refresh {RunId}: {Unmapped} meters not mapped, among them {Meters}")]
    public static partial void Unmapped(ILogger logger, string runId, int unmapped, string meters);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Price refresh {RunId} read no item: check Prices__Region and the API's service name (Foundry Models)")]
    public static partial void NothingRead(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Price refresh {RunId} failed after {Pages} pages, the catalog untouched: {Error}")]
    public static partial void Failed(ILogger logger, string runId, int pages, string error);
}
