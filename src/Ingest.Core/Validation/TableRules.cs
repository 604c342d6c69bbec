using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Validation;

/// <summary>Identities within one table (§4: 1–6, 8 within T6, 9).</summary>
internal static class TableRules
{
    public static void Run(RuleRun run)
    {
        // Recorded for every document: not_applicable unless a procurement table is found below.
        run.NotApplicable(RuleIds.ProcurementSum);
        foreach (var table in run.Record.Tables)
        {
            switch (table.Type)
            {
                case TableTypes.RevenueExpenditureSummary or TableTypes.FinalRevenueExpenditureSummary:
                    TwoSided(run, table, "T1");
                    break;
                case TableTypes.FiscalGrantSummary or TableTypes.FinalFiscalGrantSummary:
                    TwoSided(run, table, "T4");
                    T4Rows(run, table);
                    break;
                case TableTypes.RevenueSummary:
                    T2Rows(run, table);
                    break;
                case TableTypes.GeneralPublicBasicExpenditure or TableTypes.FinalGeneralPublicBasicExpenditure:
                    T6(run, table);
                    break;
                case TableTypes.ThreePublicCosts:
                    T7(run, table);
                    break;
                case TableTypes.GovernmentProcurement:
                    Procurement(run, table);
                    break;
                default:
                    if (TableTypes.IsFunctionalExpenditure(table.Type))
                    {
                        FinalCarryover(run, table);
                        FunctionalRows(run, table);
                        Rollup(run, table, r => r.FuncCode, [3, 5, 7]);
                    }

                    break;
            }
        }
    }

    /// <summary>The row of the first line id present, preferring one with a printed figure (a label group may repeat a line blank).</summary>
    private static RowRecord? Line(TableRecord t, params string[] lines) =>
        lines.Select(l => t.Rows.Find(r => r.Line == l && r.Values.Values.Any(v => v is not null)) ?? t.Rows.Find(r => r.Line == l))
            .FirstOrDefault(r => r is not null);

    private static Val? Amount(TableRecord t, RowRecord? row, string? preferred = null)
    {
        if (row is null)
        {
            return null;
        }

        foreach (var column in new[] { preferred, Columns.Amount, Columns.Total }.OfType<string>())
        {
            if (Amounts.Get(t, row, column) is { } v)
            {
                return v;
            }
        }

        // First value column of the row's side.
        var first = t.Columns.Find(c => c.Side == row.Side && row.Values.ContainsKey(c.Id));
        return first is null ? null : Amounts.Get(t, row, first.Id);
    }

    private static void TwoSided(RuleRun run, TableRecord t, string prefix)
    {
        var incomeGrand = Line(t, Lines.IncomeTotal, "income.total");
        var spendGrand = Line(t, Lines.ExpenditureTotal, "expenditure.total");
        var balanceRule = prefix == "T1" ? RuleIds.T1Balance : RuleIds.T4Balance;
        var incomeGrandVal = Amount(t, incomeGrand);
        var spendGrandVal = Amount(t, spendGrand);
        if (incomeGrandVal is { Blank: false } a && spendGrandVal is { Blank: false } b)
        {
            run.Equal(balanceRule, a.Yuan, b.Yuan, a.HalfUnitYuan + b.HalfUnitYuan, () => run.At(t, spendGrand, Columns.Total),
                "income total vs expenditure total", "收入总计与支出总计");
        }
        else if (incomeGrand is null && spendGrand is null
            && Amount(t, Line(t, Lines.IncomeCurrentYear)) is { Blank: false } ci && Amount(t, Line(t, Lines.ExpenditureCurrentYear)) is { Blank: false } ce
            && !t.Rows.Exists(r => r.Line is { } cl && (cl.StartsWith(Lines.IncomePriorCarryover, StringComparison.Ordinal) || cl == Lines.ExpenditureCarryForward)))
        {
            // No 总计 lines printed at all (当年收入 = 当年支出小计 closes the table): the current-year totals must balance.
            run.Equal(balanceRule, ci.Yuan, ce.Yuan, ci.HalfUnitYuan + ce.HalfUnitYuan, () => run.At(t, Line(t, Lines.ExpenditureCurrentYear), Columns.Amount),
                "current-year income vs current-year expenditure (no totals printed)", "本年收入合计与本年支出合计（未列总计）");
        }
        else if (incomeGrand is null || spendGrand is null)
        {
            run.Insufficient(balanceRule);
        }

        if (prefix != "T1")
        {
            return;
        }

        // 本年收入合计 = Σ income lines (top-level lines when the table numbers them).
        var current = Line(t, Lines.IncomeCurrentYear);
        var incomeRows = t.Rows.Where(r => r.Side == "income").ToList();
        var sources = incomeRows.Where(r => r.Line is { } l && l.StartsWith("income.", StringComparison.Ordinal)
            && l is not (Lines.IncomeTotal or Lines.IncomeCurrentYear or "income.total" or Lines.IncomePriorCarryover or "income.fund_offset" or "income.non_fiscal_balance_used")
            && !l.StartsWith(Lines.IncomePriorCarryover + ".", StringComparison.Ordinal)).ToList();
        // Numbered lines count even when their label is new to us (三、其他资金): template drift adds sources.
        var numbered = incomeRows.Where(r => IsTopLevel(r.Name) && (r.Line is null || sources.Contains(r))).ToList();
        if (numbered.Count > 0)
        {
            sources = numbered;
        }
        else if (sources.Exists(r => r.Line == "income.general_public_budget"))
        {
            sources.RemoveAll(r => r.Line == "income.fiscal_grant");
        }

        // Templates without a 本年收入合计 line and without carry-over lines (Shanghai's 收支总表): the total is the current year.
        var incomeCarry = incomeRows.Exists(r => r.Line is { } cl && (cl is Lines.IncomePriorCarryover or "income.fund_offset" or "income.non_fiscal_balance_used"
            || cl.StartsWith(Lines.IncomePriorCarryover + ".", StringComparison.Ordinal)));
        if (current is null && !incomeCarry && incomeGrand is not null)
        {
            current = incomeGrand;
        }

        if (current is not null && Amount(t, current) is { Blank: false } cur && sources.Count > 0)
        {
            run.Sum(RuleIds.T1IncomeSum, cur, sources.Select(r => Amount(t, r) ?? Val.Zero).ToList(), () => run.At(t, current, Columns.Amount),
                ReferenceEquals(current, incomeGrand) ? "income total (no carry-over printed) vs the sum of income lines" : "current-year income vs the sum of income lines",
                ReferenceEquals(current, incomeGrand) ? "收入总计（无上年结转）与各项收入之和" : "本年收入合计与各项收入之和");
        }
        else
        {
            run.Insufficient(RuleIds.T1IncomeSum);
        }

        FiscalGrant(run, t, incomeRows);

        // 本年支出合计 = Σ 类 lines.
        var spendCurrent = Line(t, Lines.ExpenditureCurrentYear);
        var lei = t.Rows.Where(r => r.Side == "expenditure" && r.Line is { } l && l.Length == "expenditure.".Length + 3 && r.FuncCode is { Length: 3 }).ToList();
        var spendCarry = t.Rows.Exists(r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCarryForward or "expenditure.balance_distribution");
        if (spendCurrent is null && !spendCarry && spendGrand is not null)
        {
            spendCurrent = spendGrand;
        }
        if (spendCurrent is not null && Amount(t, spendCurrent) is { Blank: false } sc && lei.Count > 0)
        {
            run.Sum(RuleIds.T1ExpenditureSum, sc, lei.Select(r => Amount(t, r) ?? Val.Zero).ToList(), () => run.At(t, spendCurrent, Columns.Amount),
                ReferenceEquals(spendCurrent, spendGrand) ? "expenditure total (no carry-forward printed) vs the sum of function lines" : "current-year expenditure vs the sum of function lines",
                ReferenceEquals(spendCurrent, spendGrand) ? "支出总计（无结转结余）与各功能分类支出之和" : "本年支出合计与各功能分类支出之和");
        }
        else
        {
            run.Insufficient(RuleIds.T1ExpenditureSum);
        }

        // 收入总计 = 本年收入合计 + 上年结转结余 (+ 用事业基金弥补, 使用非财政拨款结余).
        if (incomeGrandVal is { Blank: false } ig && current is not null && !ReferenceEquals(current, incomeGrand) && Amount(t, current) is { Blank: false } c2)
        {
            var parts = new List<Val> { c2 };
            parts.AddRange(t.Rows.Where(r => r.Side == "income" && r.Line is Lines.IncomePriorCarryover or "income.fund_offset" or "income.non_fiscal_balance_used")
                .Select(r => Amount(t, r) ?? Val.Zero));
            run.Sum(RuleIds.T1IncomeGrand, ig, parts, () => run.At(t, incomeGrand, Columns.Amount),
                "income total vs current-year income plus carry-over", "收入总计与本年收入合计加上年结转");
        }

        if (spendGrandVal is { Blank: false } sg && spendCurrent is not null && !ReferenceEquals(spendCurrent, spendGrand) && Amount(t, spendCurrent) is { Blank: false } s2)
        {
            var parts = new List<Val> { s2 };
            parts.AddRange(t.Rows.Where(r => r.Side == "expenditure" && r.Line is Lines.ExpenditureCarryForward or "expenditure.balance_distribution").Select(r => Amount(t, r) ?? Val.Zero));
            run.Sum(RuleIds.T1ExpenditureGrand, sg, parts, () => run.At(t, spendGrand, Columns.Amount),
                "expenditure total vs current-year expenditure plus carry-forward", "支出总计与本年支出合计加年终结转结余");
        }
    }

    /// <summary>
    /// §4.1: 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营, where T1 prints a 财政拨款 line of its own
    /// (一、财政拨款, not "其中：财政拨款" under 一般公共预算) with the fund lines under it.
    /// </summary>
    private static void FiscalGrant(RuleRun run, TableRecord t, List<RowRecord> incomeRows)
    {
        var current = incomeRows.OrderBy(r => r.Index).TakeWhile(r => r.Line is not (Lines.IncomeCurrentYear or Lines.IncomeTotal or "income.total" or Lines.IncomePriorCarryover)).ToList();
        var grants = current.Where(r => r.Line == "income.fiscal_grant").ToList();
        if (grants is not [var grant])
        {
            return;
        }

        var name = ChineseText.Compact(grant.Name);
        if (name.StartsWith("其中", StringComparison.Ordinal) || name.Contains("一般公共", StringComparison.Ordinal)
            || name.Contains("政府性基金", StringComparison.Ordinal) || name.Contains("国有资本", StringComparison.Ordinal))
        {
            return;
        }

        var parts = current.Where(r => r.Index > grant.Index && r.Line is "income.general_public_budget" or "income.government_fund" or "income.state_capital").ToList();
        if (parts.Count == 0 || Amount(t, grant) is not { Blank: false } total)
        {
            return;
        }

        run.Sum(RuleIds.T1FiscalGrant, total, parts.Select(r => Amount(t, r) ?? Val.Zero).ToList(), () => run.At(t, grant, Columns.Amount),
            "fiscal grant income vs general public budget + government fund + state capital", "财政拨款收入与一般公共预算、政府性基金、国有资本经营之和");
    }

    private static bool IsTopLevel(string name)
    {
        var t = ChineseText.Compact(name);
        var sep = t.IndexOf('、', StringComparison.Ordinal);
        return sep > 0 && sep <= 3 && t[..sep].All(ch => "一二三四五六七八九十".Contains(ch, StringComparison.Ordinal));
    }

    private static void T4Rows(RuleRun run, TableRecord t)
    {
        foreach (var row in t.Rows.Where(r => r.Side == "expenditure"))
        {
            if (Amounts.Get(t, row, Columns.Total) is not { Blank: false } total)
            {
                continue;
            }

            var parts = new[] { Columns.GeneralPublicBudget, Columns.GovernmentFund, Columns.StateCapital }
                .Select(c => Amounts.Get(t, row, c)).OfType<Val>().ToList();
            if (parts.Count < 2)
            {
                continue;
            }

            run.Sum(RuleIds.T4RowSum, total, parts, () => run.At(t, row, Columns.Total),
                $"{RuleRun.Label(row)}: total vs general public budget + government fund + state capital",
                $"{RuleRun.Label(row)}：合计与一般公共预算、政府性基金、国有资本经营之和");
        }
    }

    private static void T2Rows(RuleRun run, TableRecord t)
    {
        string[] sources =
        [
            Columns.GeneralPublicBudget, Columns.GovernmentFund, Columns.StateCapital, Columns.SpecialAccount,
            Columns.BusinessIncome, Columns.OperatingIncome, Columns.SuperiorSubsidy, Columns.AffiliateRemittance,
            Columns.OtherIncome, Columns.UnitFunds,
        ];
        // 财政拨款 is a source of its own where no 一般公共预算 column is printed; otherwise it is "of which" under it.
        if (!t.Columns.Exists(c => c.Id == Columns.GeneralPublicBudget))
        {
            sources = [.. sources, Columns.FiscalGrant];
        }

        var hasCurrent = t.Columns.Exists(c => c.Id == Columns.CurrentYearIncome);
        foreach (var row in t.Rows)
        {
            var totalColumn = hasCurrent ? Columns.CurrentYearIncome : Columns.Total;
            if (Amounts.Get(t, row, totalColumn) is not { Blank: false } total)
            {
                continue;
            }

            var parts = sources.Select(c => Amounts.Get(t, row, c)).OfType<Val>().ToList();
            if (!hasCurrent && Amounts.Get(t, row, Columns.PriorCarryover) is { } carry)
            {
                parts.Add(carry);
            }

            if (parts.Count < 2 || parts.TrueForAll(p => p.Blank))
            {
                continue;
            }

            run.Sum(RuleIds.T2RowSum, total, parts, () => run.At(t, row, totalColumn),
                $"{RuleRun.Label(row)}: total vs the sum of income sources", $"{RuleRun.Label(row)}：合计与各项收入来源之和");
        }
    }

    /// <summary>§4.13: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余, per row of a 决算 fund table.</summary>
    private static void FinalCarryover(RuleRun run, TableRecord t)
    {
        if (!t.Columns.Exists(c => c.Id == Columns.BeginningBalance) || !t.Columns.Exists(c => c.Id == Columns.EndingBalance))
        {
            return;
        }

        foreach (var row in t.Rows)
        {
            var begin = Amounts.Get(t, row, Columns.BeginningBalance);
            var income = Amounts.Get(t, row, Columns.CurrentIncome);
            var spent = Amounts.Get(t, row, Columns.Total) ?? Amounts.Get(t, row, Columns.CurrentExpenditure);
            var end = Amounts.Get(t, row, Columns.EndingBalance);
            if (begin is null || income is null || spent is null || end is null
                || (begin.Value.Blank && income.Value.Blank && spent.Value.Blank && end.Value.Blank))
            {
                continue;
            }

            var s = spent.Value;
            run.Sum(RuleIds.FinalCarryover, end.Value, [begin.Value, income.Value, new Val(-s.Yuan, s.HalfUnitYuan, s.Blank)], () => run.At(t, row, Columns.EndingBalance),
                $"{RuleRun.Label(row)}: year-end balance vs opening balance + income − expenditure",
                $"{RuleRun.Label(row)}：年末结转和结余与年初结转和结余加本年收入减本年支出");
        }
    }

    private static void FunctionalRows(RuleRun run, TableRecord t)
    {
        var prefix = RuleIds.ShortName(t.Type) + ".";
        foreach (var row in t.Rows)
        {
            var total = Amounts.Get(t, row, Columns.Total);
            var basic = Amounts.Get(t, row, Columns.Basic);
            var project = Amounts.Get(t, row, Columns.Project);
            var personnel = Amounts.Get(t, row, Columns.Personnel);
            var publicOp = Amounts.Get(t, row, Columns.PublicOperating);
            var wages = Amounts.Get(t, row, Columns.WagesBenefits);
            var household = Amounts.Get(t, row, Columns.HouseholdSubsidies);
            var goods = Amounts.Get(t, row, Columns.GoodsServices);
            var capital = Amounts.Get(t, row, Columns.CapitalExpenditure);
            var projOp = Amounts.Get(t, row, Columns.ProjectOperating);
            var projSpec = Amounts.Get(t, row, Columns.ProjectSpecific);

            // A blank subtotal whose parts are filled is a disclosure-quality warning; the identity uses the parts.
            var basicParts = personnel is not null || publicOp is not null
                ? new[] { personnel, publicOp }.OfType<Val>().ToList()
                : new[] { wages, household, goods, capital }.OfType<Val>().ToList();
            if (basic is { Blank: true } && basicParts.Exists(p => !p.Blank && p.Yuan != 0m))
            {
                run.Warn(RuleIds.BlankSubtotal, $"{RuleRun.Label(row)}: basic-expenditure subtotal left blank while its parts are filled",
                    $"{RuleRun.Label(row)}：基本支出小计为空，但其明细有数", run.At(t, row, Columns.Basic));
                basic = new Val(basicParts.Sum(p => p.Yuan), basicParts.Sum(p => p.HalfUnitYuan), false);
            }

            if (total is { Blank: false } tv && (basic is not null || project is not null))
            {
                var parts = new[] { basic, project }.OfType<Val>().ToList();
                parts.AddRange(new[] { Columns.PaymentToSuperior, Columns.OperatingExpenditure, Columns.SubsidyToAffiliates, "reserve", Columns.CarryForward }
                    .Select(c => Amounts.Get(t, row, c)).OfType<Val>());
                if (!parts.TrueForAll(p => p.Blank) || tv.Yuan == 0m)
                {
                    run.Sum(prefix + RuleIds.RowTotal, tv, parts, () => run.At(t, row, Columns.Total),
                        $"{RuleRun.Label(row)}: total vs basic + project", $"{RuleRun.Label(row)}：合计与基本支出、项目支出之和");
                }
            }

            if (basic is { Blank: false } bv && basicParts.Count >= 2 && !basicParts.TrueForAll(p => p.Blank))
            {
                run.Sum(prefix + RuleIds.RowBasic, bv, basicParts, () => run.At(t, row, Columns.Basic),
                    $"{RuleRun.Label(row)}: basic vs personnel + public operating", $"{RuleRun.Label(row)}：基本支出与人员经费、公用经费之和");
            }

            if (personnel is { Blank: false } pv && wages is not null && household is not null)
            {
                run.Sum(prefix + RuleIds.RowPersonnel, pv, [wages.Value, household.Value], () => run.At(t, row, Columns.Personnel),
                    $"{RuleRun.Label(row)}: personnel vs wages + household subsidies", $"{RuleRun.Label(row)}：人员经费与工资福利支出、对个人和家庭的补助之和");
            }

            if (publicOp is { Blank: false } ov && goods is not null && capital is not null)
            {
                run.Sum(prefix + RuleIds.RowPublicOperating, ov, [goods.Value, capital.Value], () => run.At(t, row, Columns.PublicOperating),
                    $"{RuleRun.Label(row)}: public operating vs goods and services + capital", $"{RuleRun.Label(row)}：公用经费与商品和服务支出、资本性支出之和");
            }

            if (project is { Blank: false } prv && projOp is not null && projSpec is not null && !(projOp.Value.Blank && projSpec.Value.Blank))
            {
                run.Sum(prefix + RuleIds.RowProject, prv, [projOp.Value, projSpec.Value], () => run.At(t, row, Columns.Project),
                    $"{RuleRun.Label(row)}: project vs operating + specific", $"{RuleRun.Label(row)}：项目支出与其他运转类、特定目标类之和");
            }
        }
    }

    /// <summary>Parent/child roll-ups by code prefix, and 合计 = Σ top-level rows, for every value column.</summary>
    internal static void Rollup(RuleRun run, TableRecord t, Func<RowRecord, string?> codeOf, int[] lengths)
    {
        // Side-by-side panels (人员经费 | 公用经费) each roll up to their own 合计.
        var panels = t.Rows.Where(r => r.Side?.StartsWith("panel", StringComparison.Ordinal) == true).GroupBy(r => r.Side).ToList();
        if (panels.Count > 1)
        {
            foreach (var panel in panels)
            {
                Rollup(run, t, panel.ToList(), codeOf, lengths);
            }

            return;
        }

        Rollup(run, t, t.Rows, codeOf, lengths);
    }

    private static void Rollup(RuleRun run, TableRecord t, List<RowRecord> rows, Func<RowRecord, string?> codeOf, int[] lengths)
    {
        var rule = RuleIds.ShortName(t.Type) + "." + RuleIds.Rollup;
        var coded = rows.Where(r => codeOf(r) is { } c && lengths.Contains(c.Length)).ToList();
        if (coded.Count == 0)
        {
            return;
        }

        // A rate column (完成率) does not add up over rows.
        var valueColumns = t.Columns.Where(c => c.Id != Columns.CompletionRate && rows.Exists(r => r.Values.ContainsKey(c.Id))).Select(c => c.Id).Distinct().ToList();
        foreach (var parent in coded)
        {
            var code = codeOf(parent)!;
            var nextLength = lengths.FirstOrDefault(l => l > code.Length);
            if (nextLength == 0)
            {
                continue;
            }

            var children = coded.Where(r => codeOf(r)!.Length == nextLength && codeOf(r)!.StartsWith(code, StringComparison.Ordinal)).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            foreach (var column in valueColumns)
            {
                if (Amounts.Get(t, parent, column) is not { Blank: false } pv)
                {
                    continue;
                }

                var parts = children.Select(c => Derived(t, c, column) ?? Val.Zero).ToList();
                run.Sum(rule, pv, parts, () => run.At(t, parent, column),
                    $"{RuleRun.Label(parent)} [{column}]: vs the sum of its {children.Count} sub-items", $"{RuleRun.Label(parent)}[{column}]：与其{children.Count}个下级科目之和");
            }
        }

        var totalRow = rows.Find(r => r.Line == Lines.Total);
        if (totalRow is null)
        {
            return;
        }

        var top = coded.Min(r => codeOf(r)!.Length);
        var tops = coded.Where(r => codeOf(r)!.Length == top).ToList();
        foreach (var column in valueColumns)
        {
            if (Amounts.Get(t, totalRow, column) is not { Blank: false } tv)
            {
                continue;
            }

            var parts = tops.Select(c => Derived(t, c, column) ?? Val.Zero).ToList();
            run.Sum(rule, tv, parts, () => run.At(t, totalRow, column),
                $"total [{column}] vs the sum of the top-level rows", $"合计[{column}]与各{(top == 3 ? "类" : "科目")}之和");
        }
    }

    /// <summary>
    /// A cell's value, or, when it was printed blank, the sum of its printed parts in the same row
    /// (a blank 基本支出 小计 beside filled 工资福利/商品和服务 cells is their sum, reported as a warning elsewhere).
    /// </summary>
    private static Val? Derived(TableRecord t, RowRecord row, string column)
    {
        var value = Amounts.Get(t, row, column);
        if (value is not { Blank: true })
        {
            return value;
        }

        string[][] decompositions = column switch
        {
            Columns.Basic => [[Columns.Personnel, Columns.PublicOperating], [Columns.WagesBenefits, Columns.HouseholdSubsidies, Columns.GoodsServices, Columns.CapitalExpenditure]],
            Columns.Personnel => [[Columns.WagesBenefits, Columns.HouseholdSubsidies]],
            Columns.PublicOperating => [[Columns.GoodsServices, Columns.CapitalExpenditure]],
            Columns.Project => [[Columns.ProjectOperating, Columns.ProjectSpecific]],
            _ => [],
        };
        foreach (var parts in decompositions)
        {
            var values = parts.Select(p => Amounts.Get(t, row, p)).OfType<Val>().ToList();
            if (values.Count > 0 && values.Exists(v => !v.Blank))
            {
                return new Val(values.Sum(v => v.Yuan), values.Sum(v => v.HalfUnitYuan), false);
            }
        }

        return value;
    }

    private static void T6(RuleRun run, TableRecord t)
    {
        foreach (var row in t.Rows)
        {
            var total = Amounts.Get(t, row, Columns.Total);
            var personnel = Amounts.Get(t, row, Columns.Personnel);
            var publicOp = Amounts.Get(t, row, Columns.PublicOperating);
            if (total is { Blank: false } tv && personnel is not null && publicOp is not null)
            {
                run.Sum(RuleIds.T6RowSum, tv, [personnel.Value, publicOp.Value], () => run.At(t, row, Columns.Total),
                    $"{RuleRun.Label(row)}: total vs personnel + public operating", $"{RuleRun.Label(row)}：合计与人员经费、公用经费之和");
            }
        }

        Rollup(run, t, r => r.EconCode, [3, 5]);

        // Personnel = Σ 301 + 303 rows; public operating = Σ 302 + 310 (+309/399) rows, over 款 rows (or 类 rows when no 款).
        var totalRow = t.Rows.Find(r => r.Line == Lines.Total);
        if (totalRow is null)
        {
            return;
        }

        var econ = t.Rows.Where(r => r.EconCode is { Length: 5 }).ToList();
        if (econ.Count == 0)
        {
            econ = t.Rows.Where(r => r.EconCode is { Length: 3 }).ToList();
        }

        if (econ.Count == 0)
        {
            return;
        }

        string[] personnelClasses = ["301", "303"];
        string[] publicClasses = ["302", "310", "309", "399", "307"];
        var column = t.Columns.Exists(c => c.Id == Columns.Total) ? Columns.Total : null;
        if (column is null)
        {
            return;
        }

        if (Amounts.Get(t, totalRow, Columns.Personnel) is { Blank: false } pt)
        {
            var parts = econ.Where(r => personnelClasses.Contains(r.EconCode![..3])).Select(r => Amounts.Get(t, r, column) ?? Val.Zero).ToList();
            run.Sum(RuleIds.T6PersonnelCodes, pt, parts, () => run.At(t, totalRow, Columns.Personnel),
                "personnel total vs the sum of 301 and 303 rows", "人员经费合计与301、303类科目之和");
        }

        if (Amounts.Get(t, totalRow, Columns.PublicOperating) is { Blank: false } ot)
        {
            var parts = econ.Where(r => publicClasses.Contains(r.EconCode![..3])).Select(r => Amounts.Get(t, r, column) ?? Val.Zero).ToList();
            run.Sum(RuleIds.T6PublicOperatingCodes, ot, parts, () => run.At(t, totalRow, Columns.PublicOperating),
                "public operating total vs the sum of 302, 310 (309, 399) rows", "公用经费合计与302、310等类科目之和");
        }
    }

    /// <summary>
    /// §4.11: 政府采购 total = goods + works + services: across the columns where the table prints them side by side,
    /// else down the rows (合计 vs the numbered 货物 / 工程 / 服务 rows).
    /// </summary>
    private static void Procurement(RuleRun run, TableRecord t)
    {
        var rule = RuleIds.ProcurementSum;
        string[] kinds = [Columns.Goods, Columns.Works, Columns.Services];
        if (t.Columns.Exists(c => kinds.Contains(c.Id)))
        {
            foreach (var row in t.Rows)
            {
                var parts = kinds.Select(k => Amounts.Get(t, row, k)).OfType<Val>().ToList();
                if (Amounts.Get(t, row, Columns.Total) is not { Blank: false } total || parts.Count == 0)
                {
                    continue;
                }

                run.Sum(rule, total, parts, () => run.At(t, row, Columns.Total),
                    $"{RuleRun.Label(row)}: procurement total vs goods + works + services", $"{RuleRun.Label(row)}：政府采购合计与货物、工程、服务之和");
            }

            // No row with a total and its parts: nothing was compared.
            run.Insufficient(rule);
            return;
        }

        var totalRow = t.Rows.Find(r => r.Line == Lines.Total);
        var column = totalRow is null ? null : new[] { Columns.Total, Columns.Amount }.FirstOrDefault(c => Amounts.Get(t, totalRow, c) is { Blank: false });
        var categories = t.Rows.Where(r => IsTopLevel(r.Name) && ProcurementKind(r.Name)).ToList();
        if (totalRow is null || column is null || categories.Count == 0)
        {
            run.Insufficient(rule);
            return;
        }

        run.Sum(rule, Amounts.Get(t, totalRow, column)!.Value, categories.Select(r => Amounts.Get(t, r, column) ?? Val.Zero).ToList(), () => run.At(t, totalRow, column),
            $"procurement total vs the sum of its {categories.Count} goods/works/services rows", $"政府采购合计与货物、工程、服务{categories.Count}项之和");
    }

    private static bool ProcurementKind(string name)
    {
        var t = ChineseText.Compact(name);
        return t.Contains("货物", StringComparison.Ordinal) || t.Contains("工程", StringComparison.Ordinal) || t.Contains("服务", StringComparison.Ordinal);
    }

    private static void T7(RuleRun run, TableRecord t)
    {
        foreach (var row in t.Rows)
        {
            var total = Amounts.Get(t, row, Columns.Total);
            var abroad = Amounts.Get(t, row, Columns.Abroad);
            var vehicle = Amounts.Get(t, row, Columns.VehicleTotal);
            var purchase = Amounts.Get(t, row, Columns.VehiclePurchase);
            var operation = Amounts.Get(t, row, Columns.VehicleOperation);
            var reception = Amounts.Get(t, row, Columns.Reception);
            if (vehicle is null && purchase is not null && operation is not null)
            {
                vehicle = new Val(purchase.Value.Yuan + operation.Value.Yuan, purchase.Value.HalfUnitYuan + operation.Value.HalfUnitYuan, purchase.Value.Blank && operation.Value.Blank);
            }
            else if (vehicle is { Blank: false } vv && purchase is not null && operation is not null)
            {
                run.Sum(RuleIds.T7Vehicle, vv, [purchase.Value, operation.Value], () => run.At(t, row, Columns.VehicleTotal),
                    "official vehicles: total vs purchase + operation", "公务用车购置及运行费与购置费、运行费之和");
            }

            var meeting = Amounts.Get(t, row, Columns.Meeting);
            var training = Amounts.Get(t, row, Columns.Training);
            if (Amounts.Get(t, row, "grand_total") is { Blank: false } gv && total is not null && (meeting is not null || training is not null))
            {
                run.Sum(RuleIds.T7GrandTotal, gv, new[] { total, meeting, training }.OfType<Val>().ToList(), () => run.At(t, row, "grand_total"),
                    "total vs 三公 + meeting + training", "合计与“三公”经费、会议费、培训费之和");
            }

            if (total is { Blank: false } tv && abroad is not null && vehicle is not null && reception is not null)
            {
                run.Sum(RuleIds.T7Total, tv, [abroad.Value, vehicle.Value, reception.Value], () => run.At(t, row, Columns.Total),
                    "三公 total vs abroad + vehicles + reception", "“三公”经费合计与因公出国（境）费、公务用车购置及运行费、公务接待费之和");
            }
        }
    }
}
