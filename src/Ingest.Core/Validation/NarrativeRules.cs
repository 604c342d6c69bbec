using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Validation;

/// <summary>Narrative vs tables (§4.12): stated amounts, shares and year-on-year changes.</summary>
internal static class NarrativeRules
{
    public static void Run(RuleRun run)
    {
        foreach (var fact in run.Record.Narrative)
        {
            switch (fact.Kind)
            {
                case "change":
                    Change(run, fact);
                    break;
                case "completion":
                    Completion(run, fact);
                    break;
                default:
                    Amount(run, fact);
                    if (fact.Kind == "share")
                    {
                        Share(run, fact);
                    }

                    break;
            }
        }

        Procurement(run);
    }

    /// <summary>
    /// §4.11 in the text: 政府采购…X万元，其中：货物…、工程…、服务… (one sentence) — the stated total = Σ the stated kinds.
    /// </summary>
    private static void Procurement(RuleRun run)
    {
        string[] kinds = ["procurement.goods", "procurement.works", "procurement.services"];
        foreach (var sentence in run.Record.Narrative.Where(f => f.Kind == "amount" && f.Amount is not null && f.Key.StartsWith("procurement.", StringComparison.Ordinal))
            .GroupBy(f => (f.File, f.Page, f.Quote)))
        {
            var facts = sentence.ToList();
            var total = facts.Find(f => f.Key == "procurement.total");
            var parts = facts.Where(f => kinds.Contains(f.Key)).ToList();
            // One figure per kind, stated after the total; otherwise the sentence speaks of something else.
            if (total is null || parts.Count == 0 || parts.GroupBy(f => f.Key).Any(g => g.Count() > 1) || facts.IndexOf(total) > facts.IndexOf(parts[0]))
            {
                continue;
            }

            // All three kinds must have been read: a kind the reader missed (拟购买服务支出…) is not a zero.
            if (parts.Count < kinds.Length)
            {
                run.Insufficient(RuleIds.ProcurementSum);
                continue;
            }

            var totalHalf = TextHalfUnit(total);
            run.Sum(RuleIds.ProcurementSum, new Val(total.Amount!.Value, totalHalf, false), parts.Select(f => new Val(f.Amount!.Value, TextHalfUnit(f), false)).ToList(),
                () => new Location { File = total.File, Page = total.Page, Quote = total.Quote },
                "stated procurement total vs the stated goods + works + services", "说明中的政府采购金额与货物、工程、服务采购金额之和");
        }
    }

    private static decimal TextHalfUnit(NarrativeFact fact)
    {
        AmountParser.TryParse(fact.Printed, out var p);
        return p.HalfUnit * MoneyUnit.Multiplier(fact.Unit ?? MoneyUnit.Yuan);
    }

    internal static decimal PercentHalfUnit(decimal percent)
    {
        var text = percent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : text.Length - dot - 1;
        return 0.5m * PrintedAmount.Pow10(-scale);
    }

    private static void Amount(RuleRun run, NarrativeFact fact)
    {
        if (fact.Amount is not { } stated)
        {
            return;
        }

        // The first tier that the document has is what the text speaks of (收入总计 is the 收入总计 line
        // when the summary table prints one); within a tier any figure that agrees will do.
        var candidates = GeneralPublicPart(run, fact)
            ?? Tiers(fact.Key).Select(tier => tier.SelectMany(k => Candidates(run, k)).ToList()).FirstOrDefault(c => c.Count > 0) ?? [];
        if (candidates.Count == 0)
        {
            return;
        }

        var rule = RuleIds.TextAmount + "." + fact.Key;
        var textHalf = TextHalfUnit(fact);
        // Pass when any candidate agrees at the coarser precision.
        (TableRecord Table, RowRecord Row, string Column, Val Value)? nearest = null;
        foreach (var c in candidates)
        {
            var envelope = textHalf + c.Value.HalfUnitYuan;
            if (Math.Abs(c.Value.Yuan - stated) <= envelope)
            {
                run.Passed(rule);
                return;
            }

            if (nearest is null || Math.Abs(c.Value.Yuan - stated) < Math.Abs(nearest.Value.Value.Yuan - stated))
            {
                nearest = c;
            }
        }

        var n = nearest!.Value;
        run.Equal(rule, n.Value.Yuan, stated, textHalf + n.Value.HalfUnitYuan, () => new Location
        {
            File = fact.File, Page = fact.Page, Table = n.Table.Type, Row = n.Row.Index, RowLabel = RuleRun.Label(n.Row), Column = n.Column, Quote = fact.Quote,
        }, $"narrative {fact.Key} vs table ({n.Table.Type}, page {n.Row.Page})", $"说明中的{fact.Key}与表格数（{n.Table.Type}第{n.Row.Page}页）");
    }

    /// <summary>
    /// 一般公共预算支出…，其中：基本支出…；项目支出…: parts of the general public budget are the 一般公共预算支出表's
    /// 合计 row, not the department's 支出总表 (which also holds other money); a blank cell there is the stated 0.
    /// Null when the fact is not such a part or the document has no such table.
    /// </summary>
    private static List<(TableRecord Table, RowRecord Row, string Column, Val Value)>? GeneralPublicPart(RuleRun run, NarrativeFact fact)
    {
        if (fact.BaseKey is not ("general_public_expenditure" or "general_public_budget"))
        {
            return null;
        }

        var column = fact.Key switch
        {
            "basic_expenditure" => Columns.Basic,
            "project_expenditure" => Columns.Project,
            "personnel" => Columns.Personnel,
            "public_operating" => Columns.PublicOperating,
            _ => null,
        };
        if (column is null)
        {
            return null;
        }

        var found = (from t in run.Record.Tables
                     where t.Type == TableTypes.GeneralPublicExpenditure && t.Columns.Exists(c => c.Id == column)
                     from r in t.Rows
                     where r.Line == Lines.Total
                     select (t, r, column, Amounts.Get(t, r, column) is { Blank: false } v ? v : Val.Zero)).ToList();
        return found.Count > 0 ? found : null;
    }

    private static void Share(RuleRun run, NarrativeFact fact)
    {
        if (fact.Percent is not { } percent || fact.Amount is not { } amount || fact.BaseAmount is not { } baseAmount || baseAmount == 0m)
        {
            return;
        }

        var half = TextHalfUnit(fact);
        var computed = amount / baseAmount * 100m;
        var envelope = PercentHalfUnit(percent) + (100m * ((half / Math.Abs(baseAmount)) + (Math.Abs(amount) * half / (baseAmount * baseAmount))));
        run.Equal(RuleIds.TextPercent, Math.Round(computed, 4), percent, envelope, () => new Location { File = fact.File, Page = fact.Page, Quote = fact.Quote },
            $"stated share of {fact.Key} in {fact.BaseKey} ({percent}%) vs recomputed {Math.Round(computed, 2)}%",
            $"{fact.Key}占比：说明为{percent}%，按金额计算为{Math.Round(computed, 2)}%", "%");
    }

    /// <summary>§4.13: a stated completion rate (完成年初预算的98.20%) = 决算 / 预算 × 100 at the printed precision.</summary>
    private static void Completion(RuleRun run, NarrativeFact fact)
    {
        if (fact.Percent is not { } percent || fact.Amount is not { } final || fact.BaseAmount is not { } budget)
        {
            return;
        }

        if (budget == 0m)
        {
            run.Insufficient(RuleIds.CompletionRate);
            return;
        }

        // Both amounts are taken to be printed at the precision of the 决算 figure.
        CompletionRates.Check(run, final, budget, TextHalfUnit(fact), TextHalfUnit(fact), percent, PercentHalfUnit(percent),
            () => new Location { File = fact.File, Page = fact.Page, Quote = fact.Quote }, fact.Key);
    }

    private static void Change(RuleRun run, NarrativeFact fact)
    {
        var location = new Location { File = fact.File, Page = fact.Page, Quote = fact.Quote };
        if (fact.Direction is { } dir && dir.Contains('/', StringComparison.Ordinal))
        {
            run.Contradiction(RuleIds.TextDirection, $"the change of {fact.Key} is described both as {dir.Replace("/", " and ", StringComparison.Ordinal)}",
                "同一变动的增减方向表述矛盾（如“减少……增长……”）", location);
            return;
        }

        if (fact.Percent is not { } percent || fact.Amount is not { } change || fact.CurrentAmount is not { } current || fact.Direction is null or "flat")
        {
            return;
        }

        var signed = fact.Direction == "decrease" ? -change : change;
        var previous = current - signed;
        if (previous <= 0m)
        {
            return;
        }

        var half = TextHalfUnit(fact);
        var computed = change / previous * 100m;
        var envelope = PercentHalfUnit(percent) + (100m * ((half / previous) + (change * 2m * half / (previous * previous))));
        run.Equal(RuleIds.TextChange, Math.Round(computed, 4), percent, envelope, () => location,
            $"stated change rate of {fact.Key} ({percent}%) vs recomputed {Math.Round(computed, 2)}% from {RuleRun.Fmt(change)} 元 on {RuleRun.Fmt(previous)} 元",
            $"{fact.Key}变动率：说明为{percent}%，按变动额和上年数计算为{Math.Round(computed, 2)}%", "%");
    }

    /// <summary>Where a narrative key is looked up, most specific first.</summary>
    private static string[][] Tiers(string key) => key switch
    {
        "revenue_total" => [["T1.income.grand"], ["T1.income.current"]],
        "expenditure_total" => [["T1.expenditure.grand"], ["T1.expenditure.current"]],
        "revenue_current" => [["T1.income.current"], ["T1.income.grand"]],
        "expenditure_current" => [["T1.expenditure.current"], ["T1.expenditure.grand"]],
        "personnel" => [["T6.personnel"], ["personnel"]],
        "public_operating" => [["T6.public_operating"], ["public_operating"]],
        _ => [[key]],
    };

    private static IEnumerable<(TableRecord Table, RowRecord Row, string Column, Val Value)> Candidates(RuleRun run, string key)
    {
        IEnumerable<(TableRecord, RowRecord, string, Val)> Cell(string type, Func<RowRecord, bool> row, params string[] columns)
        {
            foreach (var t in run.All(type))
            {
                foreach (var r in t.Rows.Where(row))
                {
                    foreach (var c in columns)
                    {
                        if (Amounts.Get(t, r, c) is { Blank: false } v)
                        {
                            yield return (t, r, c, v);
                            break;
                        }
                    }
                }
            }
        }

        bool Total(RowRecord r) => r.Line == Lines.Total;
        return key switch
        {
            "T1.income.grand" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.IncomeTotal or "income.total", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FinalRevenueExpenditureSummary, r => r.Line is Lines.IncomeTotal, Columns.Amount, Columns.Total)),
            "T1.income.current" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.IncomeCurrentYear, Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FinalRevenueExpenditureSummary, r => r.Line is Lines.IncomeCurrentYear, Columns.Amount, Columns.Total)),
            "T1.expenditure.grand" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.ExpenditureTotal or "expenditure.total", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FinalRevenueExpenditureSummary, r => r.Line is Lines.ExpenditureTotal, Columns.Amount, Columns.Total)),
            "T1.expenditure.current" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.ExpenditureCurrentYear, Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FinalRevenueExpenditureSummary, r => r.Line is Lines.ExpenditureCurrentYear, Columns.Amount, Columns.Total)),
            "T6.personnel" => Cell(TableTypes.GeneralPublicBasicExpenditure, Total, Columns.Personnel),
            "T6.public_operating" => Cell(TableTypes.GeneralPublicBasicExpenditure, Total, Columns.PublicOperating),
            "revenue_total" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.IncomeTotal or Lines.IncomeCurrentYear, Columns.Amount, Columns.Total),
            "expenditure_total" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.ExpenditureTotal or Lines.ExpenditureCurrentYear, Columns.Amount, Columns.Total),
            "revenue_current" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.IncomeCurrentYear or Lines.IncomeTotal, Columns.Amount, Columns.Total),
            "expenditure_current" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line is Lines.ExpenditureCurrentYear or Lines.ExpenditureTotal, Columns.Amount, Columns.Total),
            "basic_expenditure" => Cell(TableTypes.ExpenditureSummary, Total, Columns.Basic)
                .Concat(Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.Basic))
                .Concat(Cell(TableTypes.GeneralPublicBasicExpenditure, Total, Columns.Total)),
            "project_expenditure" => Cell(TableTypes.ExpenditureSummary, Total, Columns.Project)
                .Concat(Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.Project)),
            "personnel" => Cell(TableTypes.ExpenditureSummary, Total, Columns.Personnel)
                .Concat(Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.Personnel)),
            "public_operating" => Cell(TableTypes.ExpenditureSummary, Total, Columns.PublicOperating)
                .Concat(Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.PublicOperating)),
            "general_public_expenditure" => Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.Total)
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCurrentYear or "expenditure.total", Columns.GeneralPublicBudget)),
            "general_public_budget" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.general_public_budget", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Line == "income.general_public_budget", Columns.Amount, Columns.Total))
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCurrentYear or "expenditure.total", Columns.GeneralPublicBudget))
                .Concat(Cell(TableTypes.GeneralPublicExpenditure, Total, Columns.Total)),
            "government_fund" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.government_fund", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCurrentYear or "expenditure.total", Columns.GovernmentFund))
                .Concat(Cell(TableTypes.GovernmentFundExpenditure, Total, Columns.Total)),
            "state_capital" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.state_capital", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCurrentYear or "expenditure.total", Columns.StateCapital))
                .Concat(Cell(TableTypes.StateCapitalExpenditure, Total, Columns.Total)),
            "fiscal_grant" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.fiscal_grant", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FiscalGrantSummary, r => r.Line is Lines.IncomeCurrentYear or "income.total" or Lines.IncomeTotal or "income.fiscal_grant", Columns.Amount, Columns.Total))
                .Concat(Cell(TableTypes.RevenueSummary, Total, Columns.FiscalGrant)),
            "fiscal_grant_total" => Cell(TableTypes.FiscalGrantSummary, r => r.Line is Lines.IncomeTotal or Lines.ExpenditureTotal or "income.total" or "expenditure.total", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.FinalFiscalGrantSummary, r => r.Line is Lines.IncomeTotal or Lines.ExpenditureTotal or "income.total" or "expenditure.total", Columns.Amount, Columns.Total)),
            "fiscal_grant_expenditure" => Cell(TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCurrentYear or "expenditure.total" or Lines.ExpenditureTotal, Columns.Total, Columns.Amount),
            "special_account" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.special_account", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.RevenueSummary, Total, Columns.SpecialAccount)),
            "other_income" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.other_income", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.RevenueSummary, Total, Columns.OtherIncome)),
            "business_income" => Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == "income.business_income", Columns.Amount, Columns.Total)
                .Concat(Cell(TableTypes.RevenueSummary, Total, Columns.BusinessIncome)),
            "three_public.total" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.Total),
            "three_public.abroad" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.Abroad),
            "three_public.reception" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.Reception),
            "three_public.vehicle_total" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.VehicleTotal),
            "three_public.vehicle_purchase" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.VehiclePurchase),
            "three_public.vehicle_operation" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.VehicleOperation),
            "institution_operating" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.InstitutionOperating),
            "meeting" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.Meeting),
            "training" => Cell(TableTypes.ThreePublicCosts, _ => true, Columns.Training),
            _ when key.StartsWith("expenditure.", StringComparison.Ordinal) && key.Length == "expenditure.".Length + 3 =>
                Cell(TableTypes.GeneralPublicExpenditure, r => r.FuncCode == key["expenditure.".Length..], Columns.Total)
                    .Concat(Cell(TableTypes.ExpenditureSummary, r => r.FuncCode == key["expenditure.".Length..], Columns.Total))
                    .Concat(Cell(TableTypes.RevenueExpenditureSummary, r => r.Line == key, Columns.Total, Columns.Amount))
                    .Concat(Cell(TableTypes.FinalGeneralPublicExpenditure, r => r.FuncCode == key["expenditure.".Length..], Columns.Total))
                    .Concat(Cell(TableTypes.FinalExpenditure, r => r.FuncCode == key["expenditure.".Length..], Columns.Total)),
            _ => [],
        };
    }
}
