using System.Globalization;
using static FineTune.Core.ScenarioLimits;

namespace FineTune.Core;

/// <summary>
/// The rules of economics.md section 1 that one property's declaration cannot say: a value against another, a choice
/// between fields, the projected volume. Each refuses at the JSON path a person would fix.
/// </summary>
internal static class ScenarioRules
{
    public static ContractRules All { get; } = new ContractRules()
        .For<Scenario>(Scenario)
        .For<Workload>(Workload)
        .For<Revenue>(Revenue)
        .For<Approach>(Approach)
        .For<Monitoring>(Monitoring)
        .For<Routing>(Routing);

    private static void Scenario(ObjectView scenario)
    {
        IReadOnlyList<ObjectView?> approaches = scenario.Items(nameof(Core.Scenario.Approaches));
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < approaches.Count; i++)
        {
            if (approaches[i]?.Text(nameof(Core.Approach.Id)) is not { } id)
            {
                continue;
            }
            if (!first.TryAdd(id, i))
            {
                approaches[i]!.Refuse(nameof(Core.Approach.Id), $"repeats the id of approaches[{first[id]}] ('{id}'); ids must be unique.");
            }
        }
        if (scenario.Child(nameof(Core.Scenario.Monitoring))?.Text(nameof(Core.Monitoring.ApproachId)) is { } monitored
            && approaches.Count > 0 && !first.ContainsKey(monitored) && approaches.All(approach => approach?.Text(nameof(Core.Approach.Id)) is not null))
        {
            scenario.Child(nameof(Core.Scenario.Monitoring))!.Refuse(nameof(Core.Monitoring.ApproachId),
                $"names no approach of this scenario ('{monitored}').");
        }
        if (scenario.Text(nameof(Core.Scenario.BaselineId)) is { } baselineId && approaches.Count > 0 && !first.ContainsKey(baselineId)
            && approaches.All(approach => approach?.Text(nameof(Core.Approach.Id)) is not null))
        {
            scenario.Refuse(nameof(Core.Scenario.BaselineId), $"names no approach of this scenario ('{baselineId}').");
        }
    }

    private static void Workload(ObjectView workload)
    {
        if (workload.Number(nameof(Core.Workload.RequestsPerMonth)) is not decimal volume
            || (workload.Has(nameof(Core.Workload.HorizonMonths)) && workload.Number(nameof(Core.Workload.HorizonMonths)) is null)
            || (workload.Has(nameof(Core.Workload.MonthlyGrowthRate)) && workload.Number(nameof(Core.Workload.MonthlyGrowthRate)) is null))
        {
            return;
        }
        decimal factor = 1m + (workload.Number(nameof(Core.Workload.MonthlyGrowthRate)) ?? 0m);
        int months = (int)(workload.Number(nameof(Core.Workload.HorizonMonths)) ?? DefaultHorizonMonths);
        for (int m = 1; m < months; m++)
        {
            // Multiplies a value at most 1e15 by at most 2, so the check itself cannot overflow.
            volume *= factor;
            if (volume > MaxProjectedMonthlyRequests)
            {
                workload.Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"projects more than {MaxProjectedMonthlyRequests:0} requests in the last month (requestsPerMonth * (1 + monthlyGrowthRate)^(horizonMonths - 1)); lower the volume, the growth or the horizon."));
                return;
            }
        }
    }

    private static void Revenue(ObjectView revenue)
    {
        if (!revenue.Has(nameof(Core.Revenue.PerRequest))
            && !(revenue.Has(nameof(Core.Revenue.PerUserPerMonth)) && revenue.Has(nameof(Core.Revenue.RequestsPerUserPerMonth))))
        {
            revenue.Refuse("needs perRequest, or both perUserPerMonth and requestsPerUserPerMonth, to know what a request earns.");
            return;
        }
        if (!revenue.Has(nameof(Core.Revenue.PerRequest))
            && revenue.Number(nameof(Core.Revenue.PerUserPerMonth)) is decimal perUser
            && revenue.Number(nameof(Core.Revenue.RequestsPerUserPerMonth)) is decimal requests
            && perUser > MaxMoney * requests)
        {
            revenue.Refuse(nameof(Core.Revenue.RequestsPerUserPerMonth), string.Create(CultureInfo.InvariantCulture,
                $"makes a revenue per request (perUserPerMonth / requestsPerUserPerMonth) above {MaxMoney:0}."));
        }
    }

    private static void Monitoring(ObjectView monitoring)
    {
        if (monitoring.Text(nameof(Core.Monitoring.StartDate)) is { } text
            && DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var start && (start < MinStartDate || start > MaxStartDate))
        {
            monitoring.Refuse(nameof(Core.Monitoring.StartDate), string.Create(CultureInfo.InvariantCulture,
                $"must be from {MinStartDate:yyyy-MM-dd} to {MaxStartDate:yyyy-MM-dd}."));
        }
        if (monitoring.Has(nameof(Core.Monitoring.WarnAbove)) && monitoring.Number(nameof(Core.Monitoring.WarnAbove)) is null
            || monitoring.Has(nameof(Core.Monitoring.AlertAbove)) && monitoring.Number(nameof(Core.Monitoring.AlertAbove)) is null)
        {
            return;
        }
        decimal? warn = monitoring.Number(nameof(Core.Monitoring.WarnAbove)), alert = monitoring.Number(nameof(Core.Monitoring.AlertAbove));
        if ((warn ?? DefaultWarnAbove) > (alert ?? DefaultAlertAbove))
        {
            // Named at the value the caller wrote: a warning threshold above the alert one, or an alert below the default warning.
            if (warn is null)
            {
                monitoring.Refuse(nameof(Core.Monitoring.AlertAbove), string.Create(CultureInfo.InvariantCulture,
                    $"must be at least warnAbove ({DefaultWarnAbove}, its default)."));
            }
            else
            {
                monitoring.Refuse(nameof(Core.Monitoring.WarnAbove), string.Create(CultureInfo.InvariantCulture,
                    $"must be at most alertAbove ({alert ?? DefaultAlertAbove}{(alert is null ? ", its default" : "")})."));
            }
        }
    }

    private static void Approach(ObjectView approach)
    {
        if (approach.Number(nameof(Core.Approach.CachedInputTokens)) is decimal cached
            && approach.Number(nameof(Core.Approach.InputTokens)) is decimal input && cached > input)
        {
            approach.Refuse(nameof(Core.Approach.CachedInputTokens), string.Create(CultureInfo.InvariantCulture, $"cannot exceed inputTokens ({input})."));
        }
        ApproachKind? kind = approach.Enum<ApproachKind>(nameof(Core.Approach.Kind));
        bool trained = approach.Has(nameof(Core.Approach.Training));
        if (kind == ApproachKind.FineTune && !trained)
        {
            approach.Refuse(nameof(Core.Approach.Training), "is required for a fine-tune approach.");
        }
        else if (kind is not null and not ApproachKind.FineTune && trained)
        {
            approach.Refuse(nameof(Core.Approach.Training), "is only allowed on a fine-tune approach.");
        }
        RequirePricesOrModel(approach, nameof(Core.Approach.Pricing), nameof(Core.Approach.Model));
    }

    private static void Routing(ObjectView routing) =>
        RequirePricesOrModel(routing, nameof(Core.Routing.Pricing), nameof(Core.Routing.Model));

    /// <summary>
    /// Section 1's required prices, which a named model may give instead (section 8): without a model, the pricing and its
    /// input and output prices. A model that is present but not a valid id is refused by itself, so it spares the prices.
    /// </summary>
    private static void RequirePricesOrModel(ObjectView owner, string pricing, string model)
    {
        if (owner.Has(model))
        {
            return;
        }
        string orModel = $"is required, or name a model ({owner.NameOf(model)}) whose catalog prices fill it.";
        if (!owner.Has(pricing))
        {
            owner.Refuse(pricing, orModel);
            return;
        }
        if (owner.Child(pricing) is not { } prices)
        {
            return;
        }
        foreach (string rate in (string[])[nameof(Pricing.InputPerMillion), nameof(Pricing.OutputPerMillion)])
        {
            if (!prices.Has(rate))
            {
                prices.Refuse(rate, orModel);
            }
        }
    }
}
