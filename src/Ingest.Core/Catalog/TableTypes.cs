namespace Ingest.Core;

/// <summary>Canonical table ids (see the field guide, §2).</summary>
public static class TableTypes
{
    public const string Unknown = "unknown";

    public const string RevenueExpenditureSummary = "revenue_expenditure_summary";
    public const string RevenueSummary = "revenue_summary";
    public const string ExpenditureSummary = "expenditure_summary";
    public const string FiscalGrantSummary = "fiscal_grant_summary";
    public const string GeneralPublicExpenditure = "general_public_expenditure";
    public const string GeneralPublicBasicExpenditure = "general_public_basic_expenditure";
    public const string ThreePublicCosts = "three_public_costs";
    public const string GovernmentFundExpenditure = "government_fund_expenditure";
    public const string StateCapitalExpenditure = "state_capital_expenditure";
    public const string ProjectExpenditure = "project_expenditure";
    public const string EconomicClassificationSummary = "economic_classification_summary";
    public const string GovernmentProcurement = "government_procurement";
    public const string PerformanceTargetsOverall = "performance_targets_overall";
    public const string PerformanceTargetsProject = "performance_targets_project";
    public const string InstitutionOperatingCosts = "institution_operating_costs";

    public const string FinalRevenueExpenditureSummary = "final_revenue_expenditure_summary";
    public const string FinalRevenue = "final_revenue";
    public const string FinalExpenditure = "final_expenditure";
    public const string FinalFiscalGrantSummary = "final_fiscal_grant_summary";
    public const string FinalGeneralPublicExpenditure = "final_general_public_expenditure";
    public const string FinalGeneralPublicBasicExpenditure = "final_general_public_basic_expenditure";
    public const string FinalThreePublicCosts = "final_three_public_costs";
    public const string FinalGovernmentFund = "final_government_fund";
    public const string FinalStateCapital = "final_state_capital";

    /// <summary>Every id a record may carry.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RevenueExpenditureSummary, RevenueSummary, ExpenditureSummary, FiscalGrantSummary,
        GeneralPublicExpenditure, GeneralPublicBasicExpenditure, ThreePublicCosts,
        GovernmentFundExpenditure, StateCapitalExpenditure, ProjectExpenditure,
        EconomicClassificationSummary, GovernmentProcurement, PerformanceTargetsOverall,
        PerformanceTargetsProject, InstitutionOperatingCosts,
        FinalRevenueExpenditureSummary, FinalRevenue, FinalExpenditure, FinalFiscalGrantSummary,
        FinalGeneralPublicExpenditure, FinalGeneralPublicBasicExpenditure, FinalThreePublicCosts,
        FinalGovernmentFund, FinalStateCapital, Unknown,
    ];

    /// <summary>The budget tables every department budget is expected to publish (T1–T9).</summary>
    public static IReadOnlyList<string> CoreBudgetTables { get; } =
    [
        RevenueExpenditureSummary, RevenueSummary, ExpenditureSummary, FiscalGrantSummary,
        GeneralPublicExpenditure, GeneralPublicBasicExpenditure, ThreePublicCosts,
        GovernmentFundExpenditure,
    ];

    /// <summary>Tables whose rows are listed by function code with total/basic/project columns.</summary>
    public static bool IsFunctionalExpenditure(string type) => type is ExpenditureSummary or GeneralPublicExpenditure
        or GovernmentFundExpenditure or StateCapitalExpenditure or FinalExpenditure or FinalGeneralPublicExpenditure
        or FinalGovernmentFund or FinalStateCapital;

    /// <summary>Tables with an income side and an expenditure side.</summary>
    public static bool IsTwoSided(string type) => type is RevenueExpenditureSummary or FiscalGrantSummary
        or FinalRevenueExpenditureSummary or FinalFiscalGrantSummary;
}
