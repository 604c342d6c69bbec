using Ingest.Core.Records;

namespace Ingest.Core.Validation;

/// <summary>Ties between tables (§4: 3, 7, 8, 10).</summary>
internal static class CrossTableRules
{
    public static void Run(RuleRun run)
    {
        var t1 = run.First(TableTypes.RevenueExpenditureSummary);
        var t2 = run.First(TableTypes.RevenueSummary);
        var t4 = run.First(TableTypes.FiscalGrantSummary);
        var t5 = run.First(TableTypes.GeneralPublicExpenditure);
        var t6 = run.First(TableTypes.GeneralPublicBasicExpenditure);
        var t7 = run.First(TableTypes.ThreePublicCosts);
        var t8 = run.First(TableTypes.GovernmentFundExpenditure);
        var t9 = run.First(TableTypes.StateCapitalExpenditure);

        // T2 合计 = T1 本年收入合计.
        if (t1 is not null && t2 is not null)
        {
            var t1Current = t1.Rows.Find(r => r.Line == Lines.IncomeCurrentYear);
            var t2Total = t2.Rows.Find(r => r.Line == Lines.Total);
            var column = t2.Columns.Exists(c => c.Id == Columns.CurrentYearIncome) ? Columns.CurrentYearIncome : Columns.Total;
            if (t1Current is not null && t2Total is not null
                && First(t1, t1Current, Columns.Amount, Columns.Total) is { Blank: false } a && Amounts.Get(t2, t2Total, column) is { Blank: false } b)
            {
                run.Equal(RuleIds.T2VsT1, a.Yuan, b.Yuan, a.HalfUnitYuan + b.HalfUnitYuan, () => run.At(t2, t2Total, column),
                    "revenue table total vs current-year income of the summary table", "部门收入总表合计与收支总表本年收入合计");
            }
        }

        // T4 expenditure by fund vs T5 / T8 / T9 totals.
        if (t4 is not null)
        {
            var t4Row = t4.Rows.Find(r => r.Side == "expenditure" && r.Line == Lines.ExpenditureCurrentYear)
                ?? t4.Rows.Find(r => r.Side == "expenditure" && r.Line is "expenditure.total" or Lines.ExpenditureTotal);
            Tie(run, RuleIds.T4VsT5, t4, t4Row, Columns.GeneralPublicBudget, t5, "general public budget expenditure", "一般公共预算支出");
            Tie(run, RuleIds.T4VsT8, t4, t4Row, Columns.GovernmentFund, t8, "government fund expenditure", "政府性基金预算支出");
            Tie(run, RuleIds.T4VsT9, t4, t4Row, Columns.StateCapital, t9, "state capital expenditure", "国有资本经营预算支出");
        }

        // T4 类 rows = T5 类 rows (the general public budget column).
        if (t4 is not null && t5 is not null)
        {
            // A template may list one 类 under its old and its new name (（九）医疗卫生与计划生育支出 left blank beside
            // （十）卫生健康支出, both 210): the filled line is the 类's.
            var leiRows = t4.Rows.Where(r => r.Side == "expenditure" && r.FuncCode is { Length: 3 }).GroupBy(r => r.FuncCode)
                .Select(g => g.FirstOrDefault(r => !Amounts.IsBlankOrAbsent(t4, r, Columns.GeneralPublicBudget)) ?? g.First());
            foreach (var row in leiRows)
            {
                // Only the general public budget column: a total column also holds government fund money.
                var a = Amounts.Get(t4, row, Columns.GeneralPublicBudget);
                if (a is not { } av || LeiTotal(t5, row.FuncCode!) is not { Blank: false } b)
                {
                    continue;
                }

                run.Equal(RuleIds.T4VsT5Lei, b.Yuan, av.Yuan, av.HalfUnitYuan + b.HalfUnitYuan, () => run.At(t4, row, Columns.GeneralPublicBudget),
                    $"{RuleRun.Label(row)}: fiscal grant summary vs the general public budget table", $"{RuleRun.Label(row)}：财政拨款收支总表与一般公共预算支出表");
            }
        }

        // T5 basic = T6 total.
        if (t5 is not null && t6 is not null)
        {
            var t5Total = t5.Rows.Find(r => r.Line == Lines.Total);
            var t6Total = t6.Rows.Find(r => r.Line == Lines.Total);
            if (t5Total is not null && t6Total is not null && BasicOf(t5, t5Total) is { Blank: false } basic
                && Amounts.Get(t6, t6Total, Columns.Total) is { Blank: false } total)
            {
                run.Equal(RuleIds.T5VsT6, basic.Yuan, total.Yuan, basic.HalfUnitYuan + total.HalfUnitYuan, () => run.At(t6, t6Total, Columns.Total),
                    "basic-expenditure table total vs basic expenditure of the general public budget table", "一般公共预算基本支出表合计与一般公共预算支出表基本支出");
            }
        }

        // T6 items are at most the 三公 items (T7 also covers project money).
        if (t6 is not null && t7 is not null)
        {
            var t7Row = t7.Rows.Find(r => r.Values.Values.Any(v => v is not null));
            if (t7Row is not null)
            {
                foreach (var (code, column, zh) in new[]
                {
                    ("30217", Columns.Reception, "公务接待费"), ("30212", Columns.Abroad, "因公出国（境）费用"),
                    ("30231", Columns.VehicleOperation, "公务用车运行维护费"), ("31013", Columns.VehiclePurchase, "公务用车购置"),
                })
                {
                    var econRow = t6.Rows.Find(r => r.EconCode == code);
                    if (econRow is null || Amounts.Get(t6, econRow, Columns.Total) is not { Blank: false } part
                        || Amounts.Get(t7, t7Row, column) is not { } whole)
                    {
                        continue;
                    }

                    run.AtMost(RuleIds.T7VsT6, part, whole, () => run.At(t6, econRow, Columns.Total),
                        $"basic expenditure {code} exceeds the 三公 {column} figure", $"基本支出{code}{zh}超过“三公”经费表中的{zh}");
                }
            }
        }
    }

    /// <summary>
    /// The 合计 of 类 <paramref name="lei"/> in the general public budget table: its 类 row, or, in a table that lists
    /// only 款 or 项 rows (no 类 row at all), the sum of the highest rows under the 类 (rows with no ancestor row printed),
    /// provided that the table's highest rows add up to its printed 合计, so that a row lost in reading cannot pass for
    /// a difference between the tables. Null when the 类 cannot be read from the table.
    /// </summary>
    internal static Val? LeiTotal(TableRecord t5, string lei)
    {
        if (t5.Rows.Find(r => r.FuncCode == lei) is { } leiRow)
        {
            return Amounts.Get(t5, leiRow, Columns.Total);
        }

        var coded = t5.Rows.Where(r => r.FuncCode is { Length: > 3 }).ToList();
        if (coded.Count == 0 || t5.Rows.Exists(r => r.FuncCode is { Length: 3 }))
        {
            return null;
        }

        var highest = coded.Where(r => !coded.Exists(p => p != r && p.FuncCode!.Length < r.FuncCode!.Length
            && r.FuncCode.StartsWith(p.FuncCode, StringComparison.Ordinal))).ToList();
        if (t5.Rows.Find(r => r.Line == Lines.Total) is not { } totalRow || Amounts.Get(t5, totalRow, Columns.Total) is not { Blank: false } total
            || Add(highest.Select(r => Amounts.Get(t5, r, Columns.Total) ?? Val.Zero)) is not { } all
            || Math.Abs(all.Yuan - total.Yuan) > all.HalfUnitYuan + total.HalfUnitYuan)
        {
            return null;
        }

        var under = highest.Where(r => r.FuncCode!.StartsWith(lei, StringComparison.Ordinal)).Select(r => Amounts.Get(t5, r, Columns.Total) ?? Val.Zero).ToList();
        return under.Count == 0 ? null : Add(under);
    }

    private static Val? Add(IEnumerable<Val> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : new Val(list.Sum(v => v.Yuan), list.Sum(v => v.HalfUnitYuan), list.TrueForAll(v => v.Blank));
    }

    internal static Val? BasicOf(TableRecord t, RowRecord row)
    {
        var basic = Amounts.Get(t, row, Columns.Basic);
        if (basic is { Blank: false })
        {
            return basic;
        }

        var parts = new[] { Columns.Personnel, Columns.PublicOperating }.Select(c => Amounts.Get(t, row, c)).OfType<Val>().ToList();
        if (parts.Count == 0)
        {
            parts = new[] { Columns.WagesBenefits, Columns.HouseholdSubsidies, Columns.GoodsServices, Columns.CapitalExpenditure }
                .Select(c => Amounts.Get(t, row, c)).OfType<Val>().ToList();
        }

        return parts.Count == 0 || parts.TrueForAll(p => p.Blank) ? basic : new Val(parts.Sum(p => p.Yuan), parts.Sum(p => p.HalfUnitYuan), false);
    }

    private static Val? First(TableRecord t, RowRecord row, params string[] columns) =>
        columns.Select(c => Amounts.Get(t, row, c)).FirstOrDefault(v => v is not null);

    private static void Tie(RuleRun run, string rule, TableRecord t4, RowRecord? t4Row, string column, TableRecord? other, string what, string whatZh)
    {
        if (t4Row is null || Amounts.Get(t4, t4Row, column) is not { } a)
        {
            run.NotApplicable(rule);
            return;
        }

        if (other is null)
        {
            return;
        }

        var total = other.Rows.Find(r => r.Line == Lines.Total);
        var b = total is null ? null : Amounts.Get(other, total, Columns.Total);
        if (b is null)
        {
            // An empty table printed with no total row: all blank means zero.
            if (other.Rows.TrueForAll(r => r.Values.Values.All(v => v is null or 0m)))
            {
                b = new Val(0m, 0m, true);
            }
            else
            {
                run.Insufficient(rule);
                return;
            }
        }

        run.Equal(rule, a.Yuan, b.Value.Yuan, a.HalfUnitYuan + b.Value.HalfUnitYuan, () => run.At(other, total, Columns.Total),
            $"{what}: fiscal grant summary vs its own table", $"{whatZh}：财政拨款收支总表与本表合计");
    }
}
