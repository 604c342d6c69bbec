namespace Ingest.Core;

/// <summary>
/// Stable ids of the consistency rules (field guide §4). Row-level identities of the functional
/// expenditure tables are prefixed with the table's short name: T3, T5, T8, T9 (e.g. <c>T5.row.total=basic+project</c>).
/// </summary>
public static class RuleIds
{
    // T1 revenue_expenditure_summary
    public const string T1Balance = "T1.income_total=expenditure_total";
    public const string T1IncomeSum = "T1.income_current=sum(lines)";
    public const string T1ExpenditureSum = "T1.expenditure_current=sum(lines)";
    public const string T1IncomeGrand = "T1.income_total=current+carryover";
    public const string T1ExpenditureGrand = "T1.expenditure_total=current+carry_forward";
    public const string T1FiscalGrant = "T1.fiscal_grant=gpb+fund+capital";

    // T2 revenue_summary
    public const string T2RowSum = "T2.row.total=sum(sources)";
    public const string T2VsT1 = "T2~T1.income_current";

    // Functional expenditure tables (prefix with T3/T5/T8/T9)
    public const string RowTotal = "row.total=basic+project";
    public const string RowBasic = "row.basic=personnel+public_operating";
    public const string RowPersonnel = "row.personnel=wages+household";
    public const string RowPublicOperating = "row.public_operating=goods+capital";
    public const string RowProject = "row.project=operating+specific";
    public const string Rollup = "rollup";          // 类 = Σ 款 = Σ 项; 合计 = Σ 类

    // T4 fiscal_grant_summary
    public const string T4Balance = "T4.income_total=expenditure_total";
    public const string T4RowSum = "T4.row.total=gpb+fund+capital";
    public const string T4VsT5 = "T4~T5.general_public";
    public const string T4VsT8 = "T4~T8.government_fund";
    public const string T4VsT9 = "T4~T9.state_capital";
    public const string T4VsT5Lei = "T4~T5.lei_rows";
    public const string T1VsT4 = "T1~T4.fiscal_grant";
    public const string T3VsT5 = "T3~T5.totals";

    // T6 general_public_basic_expenditure
    public const string T5VsT6 = "T5~T6.basic";
    public const string T6RowSum = "T6.row.total=personnel+public_operating";
    public const string T6PersonnelCodes = "T6.personnel=sum(301,303)";
    public const string T6PublicOperatingCodes = "T6.public_operating=sum(302,310,309,399)";

    // T7 three_public_costs
    public const string T7Total = "T7.total=abroad+vehicle+reception";
    public const string T7Vehicle = "T7.vehicle=purchase+operation";
    public const string T7VsT6 = "T7~T6.one_sided";
    public const string T7GrandTotal = "T7.grand_total=three_public+meeting+training";

    // Other tables
    public const string ProjectVsT5 = "project~T5.project";
    public const string ProcurementSum = "procurement.total=goods+works+services";
    public const string EmptyTableNote = "empty_table.note";

    // Final accounts
    public const string FinalCarryover = "final.carryover";
    public const string CompletionRate = "final.completion_rate";   // 完成率 = 决算数 / 预算数 × 100

    // Narrative
    public const string TextAmount = "text~table";      // suffixed with .{fact key}, e.g. text~table.revenue_total
    public const string TextPercent = "text.percent";
    public const string TextChange = "text.change";
    public const string TextDirection = "text.direction";

    // Disclosure quality
    public const string BlankSubtotal = "quality.blank_subtotal";
    public const string MissingTable = "quality.missing_table";
    public const string Placeholder = "quality.placeholder";
    public const string UnknownCode = "quality.unknown_code";

    /// <summary>Short table names used as rule prefixes.</summary>
    public static string ShortName(string tableType) => tableType switch
    {
        TableTypes.RevenueExpenditureSummary => "T1",
        TableTypes.RevenueSummary => "T2",
        TableTypes.ExpenditureSummary => "T3",
        TableTypes.FiscalGrantSummary => "T4",
        TableTypes.GeneralPublicExpenditure => "T5",
        TableTypes.GeneralPublicBasicExpenditure => "T6",
        TableTypes.ThreePublicCosts => "T7",
        TableTypes.GovernmentFundExpenditure => "T8",
        TableTypes.StateCapitalExpenditure => "T9",
        _ => tableType,
    };
}
