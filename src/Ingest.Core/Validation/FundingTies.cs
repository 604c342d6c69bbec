using Ingest.Core.Records;

namespace Ingest.Core.Validation;

/// <summary>
/// Ties that depend on where the money comes from (§4.7, §4.11): T1's fiscal grant = T4's income;
/// T3 total/basic/project = T5's when all money is fiscal; the project table's total = the project
/// column of T3 (all money) or T5 (general public budget money).
/// </summary>
internal static class FundingTies
{
    public static void Run(RuleRun run)
    {
        var t1 = run.First(TableTypes.RevenueExpenditureSummary) ?? run.First(TableTypes.FinalRevenueExpenditureSummary);
        var funding = Funding.Of(run, t1);
        T1VsT4(run, t1);
        T3VsT5(run, funding);
        ProjectVsT5(run, funding);
    }

    /// <summary>The value of a summary-table line: its amount (or total) column, else the first value column of its side.</summary>
    private static Val? LineValue(TableRecord t, RowRecord row)
    {
        foreach (var column in new[] { Columns.Amount, Columns.Total })
        {
            if (Amounts.Get(t, row, column) is { } v)
            {
                return v;
            }
        }

        var first = t.Columns.Find(c => c.Side == row.Side && row.Values.ContainsKey(c.Id));
        return first is null ? null : Amounts.Get(t, row, first.Id);
    }

    private static bool IsCarryover(string? line) =>
        line is not null && (line == Lines.IncomePriorCarryover || line.StartsWith(Lines.IncomePriorCarryover + ".", StringComparison.Ordinal));

    /// <summary>Income lines of the current year: those printed before 本年收入合计, 上年结转 or 收入总计.</summary>
    private static List<RowRecord> CurrentYearIncome(TableRecord t)
    {
        var rows = new List<RowRecord>();
        foreach (var row in t.Rows.Where(r => r.Side == "income").OrderBy(r => r.Index))
        {
            if (row.Line is Lines.IncomeCurrentYear or Lines.IncomeTotal or "income.total" || IsCarryover(row.Line))
            {
                break;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static readonly string[] FiscalParts = ["income.general_public_budget", "income.government_fund", "income.state_capital"];

    /// <summary>§4.7: T1 财政拨款 (the current-year fiscal income lines) = T4 本年收入.</summary>
    private static void T1VsT4(RuleRun run, TableRecord? t1)
    {
        var t4 = run.First(TableTypes.FiscalGrantSummary) ?? run.First(TableTypes.FinalFiscalGrantSummary);
        if (t1 is null || t4 is null)
        {
            run.NotApplicable(RuleIds.T1VsT4);
            return;
        }

        // T1: 一般公共预算 + 政府性基金 + 国有资本经营 where printed (the 财政拨款 line may be a total of them, or an
        // "其中" under 一般公共预算); else the 财政拨款 line alone.
        var current = CurrentYearIncome(t1);
        var parts = current.Where(r => FiscalParts.Contains(r.Line)).Select(r => LineValue(t1, r)).OfType<Val>().ToList();
        if (parts.Count == 0 && current.Where(r => r.Line == "income.fiscal_grant").ToList() is [var grantRow] && LineValue(t1, grantRow) is { } grant)
        {
            parts.Add(grant);
        }

        var t4Row = T4CurrentIncome(t4, out var t4Value);
        if (parts.Count == 0 || t4Value is null)
        {
            run.Insufficient(RuleIds.T1VsT4);
            return;
        }

        var a = t4Value.Value;
        run.Equal(RuleIds.T1VsT4, parts.Sum(p => p.Yuan), a.Yuan, parts.Sum(p => p.HalfUnitYuan) + a.HalfUnitYuan, () => run.At(t4, t4Row, Columns.Amount),
            "current-year income of the fiscal grant summary vs fiscal grant income of the summary table",
            "财政拨款收支总表本年收入与收支总表财政拨款收入");
    }

    /// <summary>T4's current-year income: 本年收入(合计); else 收入合计/总计 when nothing is carried over; else Σ the fund lines before the carry-over.</summary>
    private static RowRecord? T4CurrentIncome(TableRecord t4, out Val? value)
    {
        var income = t4.Rows.Where(r => r.Side == "income").OrderBy(r => r.Index).ToList();
        var current = income.Find(r => r.Line == Lines.IncomeCurrentYear && LineValue(t4, r) is { Blank: false });
        if (current is not null)
        {
            value = LineValue(t4, current);
            return current;
        }

        var carried = income.Exists(r => IsCarryover(r.Line) && LineValue(t4, r) is { Blank: false } v && v.Yuan != 0m);
        var total = income.Find(r => r.Line is "income.total" or Lines.IncomeTotal && LineValue(t4, r) is { Blank: false });
        if (!carried && total is not null)
        {
            value = LineValue(t4, total);
            return total;
        }

        var parts = CurrentYearIncome(t4).Where(r => FiscalParts.Contains(r.Line)).Select(r => LineValue(t4, r)).OfType<Val>().ToList();
        value = parts.Count == 0 || parts.TrueForAll(p => p.Blank) ? null : new Val(parts.Sum(p => p.Yuan), parts.Sum(p => p.HalfUnitYuan), false);
        return income.Find(r => FiscalParts.Contains(r.Line));
    }

    private static TableRecord? WithTotal(RuleRun run, params string[] types) =>
        types.SelectMany(run.All).FirstOrDefault(t => t.Rows.Exists(r => r.Line == Lines.Total && Amounts.Get(t, r, Columns.Total) is { Blank: false }));

    private static Val? Column(TableRecord t, RowRecord row, string column) => column == Columns.Basic ? CrossTableRules.BasicOf(t, row) : Amounts.Get(t, row, column);

    /// <summary>§4.7: T3 total/basic/project = T5's (+ T8's, T9's for fund money) when all money is fiscal.</summary>
    private static void T3VsT5(RuleRun run, Funding? funding)
    {
        var rule = RuleIds.T3VsT5;
        var t3 = run.First(TableTypes.ExpenditureSummary) ?? run.First(TableTypes.FinalExpenditure);
        var t5 = run.First(TableTypes.GeneralPublicExpenditure) ?? run.First(TableTypes.FinalGeneralPublicExpenditure);
        if (t3 is null || t5 is null)
        {
            run.NotApplicable(rule);
            return;
        }

        if (funding is null)
        {
            run.Insufficient(rule);
            return;
        }

        if (funding.NonFiscal || funding.Carryover)
        {
            // T3 also spends money that T5 does not show.
            run.NotApplicable(rule);
            return;
        }

        // Fund money (政府性基金, 国有资本经营) is fiscal too but shown in T8/T9: add their totals.
        var fiscal = new List<TableRecord?> { WithTotal(run, TableTypes.GeneralPublicExpenditure, TableTypes.FinalGeneralPublicExpenditure) };
        if (funding.GovernmentFund)
        {
            fiscal.Add(WithTotal(run, TableTypes.GovernmentFundExpenditure, TableTypes.FinalGovernmentFund));
        }

        if (funding.StateCapital)
        {
            fiscal.Add(WithTotal(run, TableTypes.StateCapitalExpenditure, TableTypes.FinalStateCapital));
        }

        var t3Total = t3.Rows.Find(r => r.Line == Lines.Total);
        if (t3Total is null || fiscal.Exists(t => t is null))
        {
            run.Insufficient(rule);
            return;
        }

        var t5s = fiscal.OfType<TableRecord>().ToList();

        var compared = false;
        foreach (var (column, zh) in new[] { (Columns.Total, "合计"), (Columns.Basic, "基本支出"), (Columns.Project, "项目支出") })
        {
            var printed = Column(t3, t3Total, column);
            var sources = t5s.Select(t => Column(t, t.Rows.First(r => r.Line == Lines.Total), column)).ToList();
            if (printed is null || sources.Exists(s => s is null) || printed.Value.Blank && sources.TrueForAll(s => s!.Value.Blank))
            {
                continue;
            }

            compared = true;
            var parts = sources.Select(s => s!.Value).ToList();
            var p = printed.Value;
            run.Equal(rule, parts.Sum(s => s.Yuan), p.Yuan, parts.Sum(s => s.HalfUnitYuan) + p.HalfUnitYuan, () => run.At(t3, t3Total, column),
                $"expenditure summary {column} vs the fiscal expenditure tables (all money is fiscal)",
                $"支出总表{zh}与财政拨款支出表{zh}（全部为财政拨款）");
        }

        if (!compared)
        {
            run.Insufficient(rule);
        }
    }

    /// <summary>Columns of a project table that split its money by source.</summary>
    private static readonly string[] SourceColumns =
    [
        Columns.GeneralPublicBudget, Columns.FiscalGrant, Columns.GovernmentFund, Columns.StateCapital, Columns.SpecialAccount,
        Columns.UnitFunds, Columns.BusinessIncome, Columns.OperatingIncome, Columns.OtherIncome, Columns.PriorCarryover,
    ];

    /// <summary>
    /// §4.11: the project table's total = T3's project total (all money) and its 一般公共预算 column = T5's project
    /// total. A table without a split by source is compared only when all money is general-public-budget money.
    /// </summary>
    private static void ProjectVsT5(RuleRun run, Funding? funding)
    {
        var rule = RuleIds.ProjectVsT5;
        var pt = run.First(TableTypes.ProjectExpenditure);
        if (pt is null)
        {
            run.NotApplicable(rule);
            return;
        }

        var total = pt.Rows.Find(r => r.Line == Lines.Total);
        if (total is null || Amounts.Get(pt, total, Columns.Total) is not { Blank: false } all)
        {
            run.Insufficient(rule);
            return;
        }

        var t3 = WithTotal(run, TableTypes.ExpenditureSummary);
        var t5 = WithTotal(run, TableTypes.GeneralPublicExpenditure);
        var pairs = new List<(Val Value, string Column, TableRecord Other)>();
        var split = pt.Columns.Exists(c => SourceColumns.Contains(c.Id) || c.Id.StartsWith(Columns.PriorCarryover + ".", StringComparison.Ordinal));
        if (split)
        {
            if (t3 is not null)
            {
                pairs.Add((all, Columns.Total, t3));
            }

            // 一般公共预算 money of the year only: carried-over money makes the T5 side ambiguous.
            var carried = total.Values.Any(kv => kv.Key.StartsWith(Columns.PriorCarryover, StringComparison.Ordinal) && kv.Value is { } v && v != 0m);
            if (t5 is not null && !carried && Amounts.Get(pt, total, Columns.GeneralPublicBudget) is { } gpb)
            {
                pairs.Add((gpb, Columns.GeneralPublicBudget, t5));
            }
        }
        else if (funding is { NonFiscal: false, Carryover: false, GovernmentFund: false, StateCapital: false } && (t3 ?? t5) is { } other)
        {
            pairs.Add((all, Columns.Total, other));
        }

        if (pairs.Count == 0)
        {
            if (funding is null && !split && (t3 ?? t5) is not null)
            {
                run.Insufficient(rule);
            }
            else
            {
                run.NotApplicable(rule);
            }

            return;
        }

        foreach (var (value, column, other) in pairs)
        {
            var otherTotal = other.Rows.First(r => r.Line == Lines.Total);
            if (Amounts.Get(other, otherTotal, Columns.Project) is not { } project)
            {
                run.Insufficient(rule);
                continue;
            }

            var name = RuleIds.ShortName(other.Type);
            run.Equal(rule, project.Yuan, value.Yuan, project.HalfUnitYuan + value.HalfUnitYuan, () => run.At(pt, total, column),
                $"project table total [{column}] vs the project expenditure of {name}", $"项目支出表合计[{column}]与{name}项目支出");
        }
    }
}

/// <summary>Which kinds of money a document shows, read from T1's income lines (or T2's total row).</summary>
internal sealed record Funding(bool NonFiscal, bool GovernmentFund, bool StateCapital, bool Carryover)
{
    private static readonly string[] Ignored = [Lines.IncomeCurrentYear, Lines.IncomeTotal, "income.total", "income.general_public_budget", "income.fiscal_grant"];

    /// <returns>null when neither T1 nor T2 tells.</returns>
    public static Funding? Of(RuleRun run, TableRecord? t1)
    {
        var cells = new List<(string? Id, Val Value)>();
        if (t1 is not null)
        {
            foreach (var row in t1.Rows.Where(r => r.Side == "income"))
            {
                var value = new[] { Columns.Amount, Columns.Total }.Select(c => Amounts.Get(t1, row, c)).FirstOrDefault(v => v is not null)
                    ?? t1.Columns.Where(c => c.Side == "income" && row.Values.ContainsKey(c.Id)).Select(c => Amounts.Get(t1, row, c.Id)).FirstOrDefault();
                if (value is { } v)
                {
                    cells.Add((row.Line, v));
                }
            }
        }
        else if ((run.First(TableTypes.RevenueSummary) ?? run.First(TableTypes.FinalRevenue)) is { } t2
            && t2.Rows.Find(r => r.Line == Lines.Total) is { } total)
        {
            foreach (var column in t2.Columns.Select(c => c.Id).Distinct())
            {
                if (column is Columns.Total or Columns.CurrentYearIncome || column.StartsWith("col", StringComparison.Ordinal) || column == "label")
                {
                    continue;
                }

                if (Amounts.Get(t2, total, column) is { } v)
                {
                    cells.Add(("income." + column, v));
                }
            }
        }

        if (cells.Count == 0)
        {
            return null;
        }

        bool Shows(Func<string?, bool> line) => cells.Exists(c => line(c.Id) && !c.Value.Blank && c.Value.Yuan != 0m);
        var carry = Shows(l => l is not null && l.StartsWith(Lines.IncomePriorCarryover, StringComparison.Ordinal));
        return new Funding(
            NonFiscal: Shows(l => l is null || !(Ignored.Contains(l) || l is "income.government_fund" or "income.state_capital"
                || l.StartsWith(Lines.IncomePriorCarryover, StringComparison.Ordinal))),
            GovernmentFund: Shows(l => l == "income.government_fund"),
            StateCapital: Shows(l => l == "income.state_capital"),
            Carryover: carry);
    }
}
