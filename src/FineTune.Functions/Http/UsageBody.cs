using System.Globalization;
using FineTune.Core;

namespace FineTune.Functions.Http;

/// <summary>What a usage body is checked against: the scenario's approaches, its monitoring start and today (UTC).</summary>
/// <param name="DefaultApproachId">The approach of a record that names none: the monitored one.</param>
public sealed record UsageContext(IReadOnlySet<string> ApproachIds, string DefaultApproachId, DateOnly StartDate, DateOnly Today);

/// <summary>
/// Reads the body of <c>POST /api/scenarios/{id}/usage</c> against its contract (<see cref="UsageBatch"/>), with the rules
/// that need the stored scenario and the day: every problem at once keyed by its JSON path (<c>records[3].date</c>).
/// </summary>
public static class UsageBody
{
    /// <summary>The body's object, for the API document.</summary>
    public static ContractObject Root { get; } = ContractObject.Of(RequestJsonContext.Default.UsageBatch);

    /// <summary>The records, each with its approach resolved, or the refusal naming every problem.</summary>
    public static RequestValue<IReadOnlyList<UsageRecord>> Parse(ReadOnlySpan<byte> body, UsageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ContractResult<UsageBatch> read = new Contract<UsageBatch>(RequestJsonContext.Default.UsageBatch, Rules(context)).Read(body);
        return read.Value is { } batch
            ? RequestValue<IReadOnlyList<UsageRecord>>.Accept(
                [.. batch.Records.Select(record => record with { ApproachId = record.ApproachId ?? context.DefaultApproachId })])
            : new RefusalResult(Problems.BadRequest(read.Errors, "The usage records are not valid; see errors."));
    }

    private static ContractRules Rules(UsageContext context) => new ContractRules()
        .For<UsageRecord>(record =>
        {
            if (record.Text(nameof(UsageRecord.Date)) is { } text)
            {
                DateOnly date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (date > context.Today)
                {
                    record.Refuse(nameof(UsageRecord.Date),
                        string.Create(CultureInfo.InvariantCulture, $"is in the future: today is {context.Today:yyyy-MM-dd} (UTC)."));
                }
                else if (date < context.StartDate)
                {
                    record.Refuse(nameof(UsageRecord.Date), string.Create(CultureInfo.InvariantCulture,
                        $"is before the monitoring start ({context.StartDate:yyyy-MM-dd}): plan month 0 begins then."));
                }
            }
            if (record.Text(nameof(UsageRecord.ApproachId)) is { } id && !context.ApproachIds.Contains(id))
            {
                record.Refuse(nameof(UsageRecord.ApproachId),
                    $"names no approach of this scenario ('{id}'); it has {string.Join(", ", context.ApproachIds.Order(StringComparer.Ordinal))}.");
            }
            if (record.Number(nameof(UsageRecord.CachedInputTokens)) is decimal cached
                && cached > (record.Number(nameof(UsageRecord.InputTokens)) ?? 0m))
            {
                record.Refuse(nameof(UsageRecord.CachedInputTokens), string.Create(CultureInfo.InvariantCulture,
                    $"cannot exceed inputTokens ({record.Number(nameof(UsageRecord.InputTokens)) ?? 0m})."));
            }
            if (record.Number(nameof(UsageRecord.Errors)) is decimal errors && record.Number(nameof(UsageRecord.Requests)) is decimal requests
                && errors > requests)
            {
                record.Refuse(nameof(UsageRecord.Errors), string.Create(CultureInfo.InvariantCulture, $"cannot exceed requests ({requests})."));
            }
        })
        .For<UsageBatch>(batch =>
        {
            var first = new Dictionary<(string Date, string Approach), int>();
            IReadOnlyList<ObjectView?> records = batch.Items(nameof(UsageBatch.Records));
            for (int i = 0; i < records.Count; i++)
            {
                if (records[i]?.Text(nameof(UsageRecord.Date)) is not { } date)
                {
                    continue;
                }
                string approach = records[i]!.Text(nameof(UsageRecord.ApproachId)) ?? context.DefaultApproachId;
                if (!first.TryAdd((date, approach), i))
                {
                    records[i]!.Refuse($"repeats the date and approach of records[{first[(date, approach)]}]; send one record per approach and day.");
                }
            }
        });
}
