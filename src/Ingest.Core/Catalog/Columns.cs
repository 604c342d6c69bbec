namespace Ingest.Core;

/// <summary>Canonical column ids (see the field guide, §2). A column with no canonical meaning keeps <c>col{N}</c>.</summary>
public static class Columns
{
    // Generic
    public const string Amount = "amount";
    public const string Total = "total";

    // Expenditure structure (T3, T5, T8, T9)
    public const string Basic = "basic";
    public const string Personnel = "personnel";
    public const string PublicOperating = "public_operating";
    public const string Project = "project";
    public const string WagesBenefits = "wages_benefits";
    public const string HouseholdSubsidies = "household_subsidies";
    public const string GoodsServices = "goods_services";
    public const string CapitalExpenditure = "capital_expenditure";
    public const string ProjectOperating = "project_operating";
    public const string ProjectSpecific = "project_specific";
    public const string PaymentToSuperior = "payment_to_superior";
    public const string OperatingExpenditure = "operating_expenditure";
    public const string SubsidyToAffiliates = "subsidy_to_affiliates";
    public const string CarryForward = "carry_forward";

    // Revenue sources (T2, T4)
    public const string GeneralPublicBudget = "general_public_budget";
    public const string FiscalGrant = "fiscal_grant";
    public const string GovernmentFund = "government_fund";
    public const string StateCapital = "state_capital";
    public const string SpecialAccount = "special_account";
    public const string BusinessIncome = "business_income";
    public const string OperatingIncome = "operating_income";
    public const string SuperiorSubsidy = "superior_subsidy";
    public const string AffiliateRemittance = "affiliate_remittance";
    public const string OtherIncome = "other_income";
    public const string UnitFunds = "unit_funds";
    public const string PriorCarryover = "prior_carryover";
    public const string CurrentYearIncome = "current_year_income";

    // 三公 (T7)
    public const string Abroad = "abroad";
    public const string VehicleTotal = "vehicle_total";
    public const string VehiclePurchase = "vehicle_purchase";
    public const string VehicleOperation = "vehicle_operation";
    public const string Reception = "reception";
    public const string InstitutionOperating = "institution_operating";
    public const string Meeting = "meeting";
    public const string Training = "training";

    // Final accounts
    public const string BeginningBalance = "beginning_balance";
    public const string CurrentIncome = "current_income";
    public const string CurrentExpenditure = "current_expenditure";
    public const string EndingBalance = "ending_balance";
    public const string BudgetAmount = "budget_amount";
    public const string FinalAmount = "final_amount";
    /// <summary>完成率 (%) beside 预算数 and 决算数; read from the printed text (a percentage, not money).</summary>
    public const string CompletionRate = "completion_rate";

    // Procurement
    public const string Goods = "goods";
    public const string Works = "works";
    public const string Services = "services";

    /// <summary>Column id for a column with no canonical meaning.</summary>
    public static string Unmapped(int index) => $"col{index}";
}

/// <summary>Canonical line ids for rows without a code (summary tables).</summary>
public static class Lines
{
    public const string Total = "total";                         // 合计 / 总计 of a coded table
    public const string IncomeTotal = "income.grand_total";      // 收入总计
    public const string IncomeCurrentYear = "income.current_year_total"; // 本年收入合计
    public const string ExpenditureTotal = "expenditure.grand_total";   // 支出总计
    public const string ExpenditureCurrentYear = "expenditure.current_year_total"; // 本年支出合计
    public const string IncomePriorCarryover = "income.prior_carryover";  // 上年结转(结余)
    public const string ExpenditureCarryForward = "expenditure.carry_forward"; // 年终结转结余
}
