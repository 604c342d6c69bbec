using Ingest.Core.Records;
using Ingest.Core.Validation;
using static Ingest.Core.Tests.Validation.RecordBuilder;

namespace Ingest.Core.Tests.Validation;

/// <summary>
/// §4.7 T1~T4.fiscal_grant and T3~T5.totals, §4.11 project~T5.project and procurement.total, §4.13 completion rates:
/// each with pass, an error beyond the rounding envelope, a rounding note inside it, not_applicable and insufficient_data.
/// </summary>
public sealed class FundingTiesTests
{
    private const string W = "万元";
    private const string Y = "元";

    private static DocumentRecord Validate(params TableRecord[] tables) => Validate([], tables);

    private static DocumentRecord Validate(List<NarrativeFact> facts, params TableRecord[] tables)
    {
        var record = new DocumentRecord { Id = new string('0', 64), Kind = "budget", Tables = [.. tables], Narrative = facts };
        new Validator(new ValidationOptions()).Validate(record);
        return record;
    }

    private static CheckOutcome Check(DocumentRecord record, string rule) => record.Checks.Single(c => c.Rule == rule);

    private static List<Finding> Of(DocumentRecord record, string rule) => record.Findings.Where(f => f.Rule == rule).ToList();

    private static RowRecord Total(params (string Column, string Printed)[] cells)
    {
        var row = Row(W, "合计", null, cells);
        row.Line = Lines.Total;
        return row;
    }

    // ------------------------------------------------------------------ T1 / T4

    /// <summary>A summary table like the Jiangsu ones: 一、财政拨款 with 1.一般公共预算 / 2.政府性基金预算 under it.</summary>
    private static TableRecord T1(string grant = "37,188.34", string gpb = "37,188.34", string fund = "", string other = "", string carry = "") =>
        Table(TableTypes.RevenueExpenditureSummary, W,
            Line(W, "income", "income.fiscal_grant", "一、财政拨款", "amount", grant),
            Line(W, "income", "income.general_public_budget", "1.一般公共预算", "amount", gpb),
            Line(W, "income", "income.government_fund", "2.政府性基金预算", "amount", fund),
            Line(W, "income", "income.other_income", "三、其他资金", "amount", other),
            Line(W, "income", Lines.IncomeCurrentYear, "当年收入小计", "amount", "37,188.34"),
            Line(W, "income", Lines.IncomePriorCarryover, "上年结转资金", "amount", carry),
            Line(W, "income", "income.total", "收入合计", "amount", "37,188.34"));

    /// <summary>A fiscal grant summary like the synthetic ones: 一、本年收入 first, then its parts and 二、上年结转.</summary>
    private static TableRecord T4(string current = "37,188.34", string unit = W) => Table(TableTypes.FiscalGrantSummary, unit,
        Line(unit, "income", Lines.IncomeCurrentYear, "一、本年收入", "amount", current),
        Line(unit, "income", "income.general_public_budget", "（一）一般公共预算拨款", "amount", current),
        Line(unit, "income", "income.government_fund", "（二）政府性基金预算拨款", "amount", ""),
        Line(unit, "income", Lines.IncomePriorCarryover, "二、上年结转", "amount", "0.00"),
        Line(unit, "income", Lines.IncomeTotal, "收入总计", "amount", current));

    [Fact]
    public void T1_fiscal_grant_equals_T4_income()
    {
        var record = Validate(T1(), T4());
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T1VsT4).Outcome);
        Assert.Equal(1, Check(record, RuleIds.T1VsT4).Instances);
        Assert.Empty(Of(record, RuleIds.T1VsT4));
    }

    [Fact]
    public void T1_fiscal_grant_is_the_sum_of_its_fund_lines_in_another_unit()
    {
        // T4 printed in 元: 371,883,400 = 37,188.34 万元.
        var record = Validate(T1(gpb: "37,000.00", fund: "188.34"), T4("371,883,400", Y));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T1VsT4).Outcome);
    }

    [Fact]
    public void T4_income_that_differs_from_T1_fiscal_grant_is_an_error()
    {
        var record = Validate(T1(), T4("37,198.34"));
        Assert.Equal(CheckResult.Fail, Check(record, RuleIds.T1VsT4).Outcome);
        var finding = Assert.Single(Of(record, RuleIds.T1VsT4));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(371_883_400m, finding.Expected);
        Assert.Equal(371_983_400m, finding.Printed);
        Assert.Equal(100_000m, finding.Difference);
        Assert.Equal(TableTypes.FiscalGrantSummary, finding.Locations[0].Table);
        Assert.Equal("一、本年收入", finding.Locations[0].RowLabel);
    }

    [Fact]
    public void T4_income_inside_the_rounding_envelope_is_a_rounding_note()
    {
        // Two T1 parts of 0.005 万元 each plus 0.5 元 of T4: ±100.5 元; 37,188.34 万元 vs 371,883,450 元 differs by 50 元.
        var record = Validate(T1(gpb: "37,000.00", fund: "188.34"), T4("371,883,450", Y));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T1VsT4).Outcome);
        var finding = Assert.Single(Of(record, RuleIds.T1VsT4));
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal(50m, finding.Difference);
        Assert.Equal(100.5m, finding.Tolerance);
    }

    [Fact]
    public void T1_vs_T4_is_not_applicable_without_T4()
    {
        var record = Validate(T1());
        Assert.Equal(CheckResult.NotApplicable, Check(record, RuleIds.T1VsT4).Outcome);
        Assert.Equal(0, Check(record, RuleIds.T1VsT4).Instances);
    }

    [Fact]
    public void T1_vs_T4_lacks_data_when_T1_prints_no_fiscal_line()
    {
        var t1 = Table(TableTypes.RevenueExpenditureSummary, W,
            Line(W, "income", "income.business_income", "一、事业收入", "amount", "10.00"),
            Line(W, "income", Lines.IncomeCurrentYear, "本年收入合计", "amount", "10.00"));
        var record = Validate(t1, T4());
        Assert.Equal(CheckResult.InsufficientData, Check(record, RuleIds.T1VsT4).Outcome);
    }

    [Fact]
    public void Final_T4_income_is_the_current_year_total_not_the_grand_total_with_carry_over()
    {
        // 决算: 本年收入合计 2,940.05 after the parts; 总计 2,961.68 includes 年初结转 21.63.
        var t1 = Table(TableTypes.FinalRevenueExpenditureSummary, W,
            Line(W, "income", "income.general_public_budget", "一、一般公共预算财政拨款收入", "amount", "2,940.05"),
            Line(W, "income", "income.other_income", "八、其他收入", "amount", "6.20"),
            Line(W, "income", Lines.IncomeCurrentYear, "本年收入合计", "amount", "2,946.25"));
        var t4 = Table(TableTypes.FinalFiscalGrantSummary, W,
            Line(W, "income", "income.general_public_budget", "一、一般公共预算财政拨款", "amount", "2,940.05"),
            Line(W, "income", Lines.IncomeCurrentYear, "本年收入合计", "amount", "2,940.05"),
            Line(W, "income", Lines.IncomePriorCarryover, "年初财政拨款结转和结余", "amount", "21.63"),
            Line(W, "income", "income.general_public_budget", "一、一般公共预算财政拨款", "amount", "21.63"),
            Line(W, "income", Lines.IncomeTotal, "总计", "amount", "2,961.68"));
        var record = Validate(t1, t4);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T1VsT4).Outcome);
        Assert.Empty(Of(record, RuleIds.T1VsT4));
    }

    [Fact]
    public void T1_fiscal_grant_line_is_the_sum_of_the_fund_lines_under_it()
    {
        var record = Validate(T1(gpb: "37,000.00", fund: "188.34"));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T1FiscalGrant).Outcome);
        Assert.Equal(1, Check(record, RuleIds.T1FiscalGrant).Instances);
        Assert.Empty(Of(record, RuleIds.T1FiscalGrant));

        var rounded = Validate(T1(grant: "37,188.35", gpb: "37,000.00", fund: "188.34"));
        var note = Assert.Single(Of(rounded, RuleIds.T1FiscalGrant));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(100m, note.Difference);

        var wrong = Validate(T1(grant: "37,198.34", gpb: "37,000.00", fund: "188.34"));
        var error = Assert.Single(Of(wrong, RuleIds.T1FiscalGrant));
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(371_883_400m, error.Expected);
        Assert.Equal(371_983_400m, error.Printed);
        Assert.Equal("一、财政拨款", error.Locations[0].RowLabel);
    }

    [Fact]
    public void T1_of_which_fiscal_grant_under_general_public_budget_is_no_total()
    {
        var t1 = Table(TableTypes.RevenueExpenditureSummary, W,
            Line(W, "income", "income.general_public_budget", "一、一般公共预算", "amount", "335.71"),
            Line(W, "income", "income.fiscal_grant", "其中：财政拨款", "amount", "300.00"),
            Line(W, "income", "income.government_fund", "二、政府性基金预算拨款收入", "amount", "35.71"));
        Assert.DoesNotContain(Validate(t1).Checks, c => c.Rule == RuleIds.T1FiscalGrant);
    }

    // ------------------------------------------------------------------ T3 / T5

    private static TableRecord T3(string total = "335.71", string basic = "128.47", string project = "207.24") =>
        Table(TableTypes.ExpenditureSummary, W, Total(("total", total), ("basic", basic), ("project", project)));

    private static TableRecord T5(string total = "335.71", string basic = "128.47", string project = "207.24") =>
        Table(TableTypes.GeneralPublicExpenditure, W, Total(("total", total), ("basic", basic), ("project", project)));

    private static TableRecord SeedT1(string other = "", string fund = "", string carry = "") => Table(TableTypes.RevenueExpenditureSummary, W,
        Line(W, "income", "income.general_public_budget", "一、一般公共预算", "amount", "335.71"),
        Line(W, "income", "income.government_fund", "二、政府性基金预算拨款收入", "amount", fund),
        Line(W, "income", "income.business_income", "五、事业收入", "amount", other),
        Line(W, "income", Lines.IncomeCurrentYear, "本年收入合计", "amount", "335.71"),
        Line(W, "income", Lines.IncomePriorCarryover, "上年结转结余", "amount", carry));

    [Fact]
    public void T3_equals_T5_when_all_money_is_fiscal()
    {
        var record = Validate(SeedT1(), T3(), T5());
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T3VsT5).Outcome);
        Assert.Equal(3, Check(record, RuleIds.T3VsT5).Instances);
        Assert.Empty(Of(record, RuleIds.T3VsT5));
    }

    [Fact]
    public void T3_project_that_differs_from_T5_is_an_error()
    {
        var record = Validate(SeedT1(), T3(project: "217.24", total: "345.71"), T5());
        Assert.Equal(CheckResult.Fail, Check(record, RuleIds.T3VsT5).Outcome);
        Assert.Equal(2, Check(record, RuleIds.T3VsT5).Failures);
        var project = Of(record, RuleIds.T3VsT5).Single(f => f.Locations[0].Column == "project");
        Assert.Equal(FindingSeverity.Error, project.Severity);
        Assert.Equal(2_072_400m, project.Expected);
        Assert.Equal(2_172_400m, project.Printed);
        Assert.Equal(TableTypes.ExpenditureSummary, project.Locations[0].Table);
    }

    [Fact]
    public void T3_against_T5_in_another_unit_within_the_envelope_is_a_rounding_note()
    {
        // T5 in 元: 3,357,100.4 vs 335.71 万元: 0.4 元 apart, envelope 50 + 0.05 元.
        var t5 = Table(TableTypes.GeneralPublicExpenditure, Y, Total(("total", "3,357,100.4")));
        t5.Rows[0].Values["total"] = 3_357_100.4m;
        var record = Validate(SeedT1(), T3(), t5);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T3VsT5).Outcome);
        var note = Assert.Single(Of(record, RuleIds.T3VsT5));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(-0.4m, note.Difference);
    }

    [Fact]
    public void T3_vs_T5_is_not_applicable_when_the_document_shows_non_fiscal_income()
    {
        var record = Validate(SeedT1(other: "14.39"), T3(total: "350.10"), T5());
        Assert.Equal(CheckResult.NotApplicable, Check(record, RuleIds.T3VsT5).Outcome);
        Assert.Empty(Of(record, RuleIds.T3VsT5));
    }

    [Fact]
    public void T3_vs_T5_is_not_applicable_when_money_is_carried_over()
    {
        var record = Validate(SeedT1(carry: "20.00"), T3(total: "355.71"), T5());
        Assert.Equal(CheckResult.NotApplicable, Check(record, RuleIds.T3VsT5).Outcome);
    }

    [Fact]
    public void T3_includes_government_fund_money_shown_in_T8()
    {
        var t8 = Table(TableTypes.GovernmentFundExpenditure, W, Total(("total", "50.00"), ("basic", ""), ("project", "50.00")));
        var record = Validate(SeedT1(fund: "50.00"), T3(total: "385.71", project: "257.24"), T5(), t8);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.T3VsT5).Outcome);
        Assert.Equal(3, Check(record, RuleIds.T3VsT5).Instances);
    }

    [Fact]
    public void T3_vs_T5_lacks_data_without_T1_or_T2_or_when_fund_money_has_no_table()
    {
        Assert.Equal(CheckResult.InsufficientData, Check(Validate(T3(), T5()), RuleIds.T3VsT5).Outcome);
        Assert.Equal(CheckResult.InsufficientData, Check(Validate(SeedT1(fund: "50.00"), T3(), T5()), RuleIds.T3VsT5).Outcome);
    }

    [Fact]
    public void Funding_is_read_from_T2_when_there_is_no_T1()
    {
        var t2 = Table(TableTypes.RevenueSummary, W, Total(("total", "335.71"), ("general_public_budget", "335.71"), ("special_account", "")));
        Assert.Equal(CheckResult.Pass, Check(Validate(t2, T3(), T5()), RuleIds.T3VsT5).Outcome);
        var mixed = Table(TableTypes.RevenueSummary, W, Total(("total", "345.71"), ("general_public_budget", "335.71"), ("special_account", "10.00")));
        Assert.Equal(CheckResult.NotApplicable, Check(Validate(mixed, T3(), T5()), RuleIds.T3VsT5).Outcome);
    }

    // ------------------------------------------------------------------ project table

    /// <summary>项目支出预算表 of the seed: split by source (本年拨款, 财政拨款结转结余, 财政专户, 单位资金).</summary>
    private static TableRecord Projects(string total = "207.24", string gpb = "207.24", string unitFunds = "", string carried = "") =>
        Table(TableTypes.ProjectExpenditure, W,
            Total(("total", total), ("general_public_budget", gpb), ("prior_carryover.general_public_budget", carried), ("unit_funds", unitFunds)),
            Row(W, "招商引资", null, ("total", "100.00"), ("general_public_budget", "100.00"), ("prior_carryover.general_public_budget", ""), ("unit_funds", "")),
            Row(W, "工信科技金融工作经费", null, ("total", "107.24"), ("general_public_budget", "107.24"), ("prior_carryover.general_public_budget", ""), ("unit_funds", "")));

    [Fact]
    public void Project_table_total_equals_T3_and_its_general_public_budget_column_T5()
    {
        var record = Validate(SeedT1(), T3(), T5(), Projects());
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProjectVsT5).Outcome);
        Assert.Equal(2, Check(record, RuleIds.ProjectVsT5).Instances);
        Assert.Empty(Of(record, RuleIds.ProjectVsT5));
    }

    [Fact]
    public void Project_table_with_unit_money_is_compared_by_column()
    {
        // 10 万元 of 单位资金: the total matches T3 (all money), the 一般公共预算 column T5.
        var record = Validate(SeedT1(other: "10.00"), T3(total: "345.71", project: "217.24"), T5(), Projects(total: "217.24", unitFunds: "10.00"));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProjectVsT5).Outcome);
        Assert.Equal(2, Check(record, RuleIds.ProjectVsT5).Instances);
    }

    [Fact]
    public void Project_table_that_differs_from_T5_is_an_error()
    {
        var record = Validate(SeedT1(), T3(), T5(), Projects(total: "217.24", gpb: "217.24"));
        Assert.Equal(CheckResult.Fail, Check(record, RuleIds.ProjectVsT5).Outcome);
        var errors = Of(record, RuleIds.ProjectVsT5);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(FindingSeverity.Error, e.Severity));
        Assert.All(errors, e => Assert.Equal(100_000m, e.Difference));
        Assert.All(errors, e => Assert.Equal(TableTypes.ProjectExpenditure, e.Locations[0].Table));
        Assert.Contains(errors, e => e.Locations[0].Column == "general_public_budget");
    }

    [Fact]
    public void Project_table_in_yuan_within_the_envelope_is_a_rounding_note()
    {
        var projects = Table(TableTypes.ProjectExpenditure, Y, Total(("total", "2,072,400.3")));
        projects.Rows[0].Values["total"] = 2_072_400.3m;
        var record = Validate(SeedT1(), T3(), T5(), projects);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProjectVsT5).Outcome);
        var note = Assert.Single(Of(record, RuleIds.ProjectVsT5));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(0.3m, note.Difference);
    }

    [Fact]
    public void Project_table_without_a_split_is_not_applicable_when_money_is_not_all_fiscal()
    {
        var projects = Table(TableTypes.ProjectExpenditure, W, Total(("total", "217.24")));
        var record = Validate(SeedT1(other: "10.00"), T3(total: "345.71", project: "217.24"), T5(), projects);
        Assert.Equal(CheckResult.NotApplicable, Check(record, RuleIds.ProjectVsT5).Outcome);
        Assert.Equal(CheckResult.NotApplicable, Check(Validate(SeedT1(), T3(), T5()), RuleIds.ProjectVsT5).Outcome);
    }

    [Fact]
    public void Project_table_carrying_over_money_is_not_compared_with_T5()
    {
        var record = Validate(SeedT1(), T3(total: "345.71", project: "217.24"), T5(), Projects(total: "217.24", carried: "10.00"));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProjectVsT5).Outcome);
        Assert.Equal(1, Check(record, RuleIds.ProjectVsT5).Instances);
    }

    [Fact]
    public void Project_table_without_a_total_row_lacks_data()
    {
        var projects = Table(TableTypes.ProjectExpenditure, W, Row(W, "招商引资", null, ("total", "100.00"), ("general_public_budget", "100.00")));
        var record = Validate(SeedT1(), T3(), T5(), projects);
        Assert.Equal(CheckResult.InsufficientData, Check(record, RuleIds.ProjectVsT5).Outcome);
        Assert.Empty(Of(record, RuleIds.ProjectVsT5));
    }

    // ------------------------------------------------------------------ procurement

    /// <summary>政府采购支出预算表 as Jiangsu prints it: 合计, then numbered 货物 / 工程 / 服务 rows with their items.</summary>
    private static TableRecord ProcurementRows(string total = "5,227.59", string works = "530.00") => Table(TableTypes.GovernmentProcurement, W,
        Total(("total", total)),
        Row(W, "一、货物", null, ("total", "1,637.72")),
        Row(W, "信息网络建设费", null, ("total", "966.50")),
        Row(W, "设备购置费", null, ("total", "671.22")),
        Row(W, "二、工程", null, ("total", works)),
        Row(W, "修缮工程", null, ("total", works)),
        Row(W, "三、服务", null, ("total", "3,059.87")),
        Row(W, "运行维护服务", null, ("total", "3,059.87")));

    [Fact]
    public void Procurement_total_equals_goods_works_services_rows()
    {
        var record = Validate(ProcurementRows());
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProcurementSum).Outcome);
        Assert.Equal(1, Check(record, RuleIds.ProcurementSum).Instances);
        Assert.Empty(Of(record, RuleIds.ProcurementSum));
    }

    [Fact]
    public void Procurement_total_beyond_the_envelope_is_an_error()
    {
        var record = Validate(ProcurementRows(works: "540.00"));
        var error = Assert.Single(Of(record, RuleIds.ProcurementSum));
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(52_375_900m, error.Expected);
        Assert.Equal(52_275_900m, error.Printed);
        Assert.Equal(150m, error.Tolerance);
        Assert.Equal(CheckResult.Fail, Check(record, RuleIds.ProcurementSum).Outcome);
    }

    [Fact]
    public void Procurement_columns_within_the_envelope_give_a_rounding_note()
    {
        // Three items of 0.005 万元: ±150 元; 0.01 万元 = 100 元 apart.
        var t = Table(TableTypes.GovernmentProcurement, W,
            Total(("total", "100.00"), ("goods", "33.33"), ("works", "33.33"), ("services", "33.33")),
            Row(W, "办公设备", null, ("total", "10.00"), ("goods", "10.00"), ("works", ""), ("services", "")));
        var record = Validate(t);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProcurementSum).Outcome);
        Assert.Equal(2, Check(record, RuleIds.ProcurementSum).Instances);
        var note = Assert.Single(Of(record, RuleIds.ProcurementSum));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(100m, note.Difference);
    }

    [Fact]
    public void Procurement_rule_is_not_applicable_without_a_procurement_table_and_lacks_data_without_categories()
    {
        Assert.Equal(CheckResult.NotApplicable, Check(Validate(T3()), RuleIds.ProcurementSum).Outcome);
        var flat = Table(TableTypes.GovernmentProcurement, W, Total(("total", "100.00")), Row(W, "办公设备", null, ("total", "100.00")));
        Assert.Equal(CheckResult.InsufficientData, Check(Validate(flat), RuleIds.ProcurementSum).Outcome);
    }

    [Theory]
    [InlineData("0.00", CheckResult.Pass)]
    [InlineData("5.00", CheckResult.Fail)]
    public void Parts_of_the_general_public_budget_stated_in_the_text_are_checked_against_its_table(string project, CheckResult outcome)
    {
        // syn_370: 支出合计553.09万元 (T3: project 97.74); 一般公共预算支出455.35万元，其中：基本支出455.35万元；项目支出0.00万元 (T5: project blank).
        var t3 = Table(TableTypes.ExpenditureSummary, W, Total(("total", "553.09"), ("basic", "455.35"), ("project", "97.74")));
        var t5 = Table(TableTypes.GeneralPublicExpenditure, W, Total(("total", "455.35"), ("basic", "455.35"), ("project", "")));
        var facts = new List<NarrativeFact>
        {
            new() { Key = "project_expenditure", Kind = "share", Amount = decimal.Parse(project, System.Globalization.CultureInfo.InvariantCulture) * 10_000m, Printed = project, Unit = W,
                BaseKey = "general_public_expenditure", BaseAmount = 4_553_500m, Percent = 0m, Quote = "其中：基本支出455.35万元，占100.00%；项目支出" + project + "万元", Page = 4 },
        };
        var record = Validate(facts, t3, t5);
        Assert.Equal(outcome, Check(record, RuleIds.TextAmount + ".project_expenditure").Outcome);
        if (outcome == CheckResult.Fail)
        {
            var finding = Assert.Single(record.Findings, f => f.Rule == RuleIds.TextAmount + ".project_expenditure");
            Assert.Equal(TableTypes.GeneralPublicExpenditure, finding.Locations[0].Table);
            Assert.Equal(50_000m, finding.Difference);
        }
    }

    private static List<NarrativeFact> StatedProcurement(string total, params (string Key, string Printed)[] parts)
    {
        const string quote = "2019年政府采购预算60.88万元，其中：政府采购货物预算5.18万元、政府采购工程预算0.00万元、政府采购服务预算55.70万元。";
        NarrativeFact Fact(string key, string printed) => new()
        {
            Key = key, Kind = "amount", Amount = decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture) * 10_000m,
            Printed = printed, Unit = W, Quote = quote, Page = 5,
        };
        return [Fact("procurement.total", total), .. parts.Select(p => Fact(p.Key, p.Printed))];
    }

    [Fact]
    public void Stated_procurement_total_equals_the_stated_kinds()
    {
        var record = Validate(StatedProcurement("60.88", ("procurement.goods", "5.18"), ("procurement.works", "0.00"), ("procurement.services", "55.70")));
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.ProcurementSum).Outcome);
        Assert.Equal(1, Check(record, RuleIds.ProcurementSum).Instances);
        Assert.Empty(Of(record, RuleIds.ProcurementSum));
    }

    [Fact]
    public void Stated_procurement_total_within_and_beyond_the_envelope()
    {
        // Three kinds at 0.005 万元: ±150 元.
        var note = Assert.Single(Of(Validate(StatedProcurement("74.01", ("procurement.goods", "18.50"), ("procurement.works", "55.52"), ("procurement.services", "0.00"))), RuleIds.ProcurementSum));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(-100m, note.Difference);
        var record = Validate(StatedProcurement("74.21", ("procurement.goods", "18.50"), ("procurement.works", "55.52"), ("procurement.services", "0.00")));
        var error = Assert.Single(Of(record, RuleIds.ProcurementSum));
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(740_200m, error.Expected);
        Assert.Equal(742_100m, error.Printed);
        Assert.Equal(5, error.Locations[0].Page);
        Assert.NotNull(error.Locations[0].Quote);
    }

    [Fact]
    public void Stated_procurement_total_without_its_kinds_is_not_compared()
    {
        var record = Validate(StatedProcurement("246.47"));
        Assert.Equal(CheckResult.NotApplicable, Check(record, RuleIds.ProcurementSum).Outcome);
    }

    [Fact]
    public void Stated_procurement_total_with_a_kind_not_read_lacks_data()
    {
        // js renda 2019: 总额2416.43万元，其中：拟采购货物支出233.1万元、拟购买服务支出2183.33万元 (服务 not read as a kind).
        var record = Validate(StatedProcurement("2416.43", ("procurement.goods", "233.1")));
        Assert.Equal(CheckResult.InsufficientData, Check(record, RuleIds.ProcurementSum).Outcome);
        Assert.Empty(Of(record, RuleIds.ProcurementSum));
    }

    // ------------------------------------------------------------------ completion rates

    private static NarrativeFact Completion(string printedFinal, decimal final, decimal budget, decimal percent) => new()
    {
        Key = "fiscal_grant_expenditure.completion",
        Kind = "completion",
        Amount = final,
        Printed = printedFinal,
        Unit = W,
        BaseAmount = budget,
        Percent = percent,
        Quote = "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。",
        Page = 21,
    };

    [Fact]
    public void Stated_completion_rate_recomputes_at_its_printed_precision()
    {
        var record = Validate([Completion("2940.05", 29_400_500m, 29_939_200m, 98.20m), Completion("0.00", 0m, 9_500m, 0m)]);
        var check = Check(record, RuleIds.CompletionRate);
        Assert.Equal(CheckResult.Pass, check.Outcome);
        Assert.Equal(2, check.Instances);
        Assert.Empty(Of(record, RuleIds.CompletionRate));
    }

    [Fact]
    public void Wrong_completion_rate_is_an_error()
    {
        var record = Validate([Completion("2940.05", 29_400_500m, 29_939_200m, 98.02m)]);
        var error = Assert.Single(Of(record, RuleIds.CompletionRate));
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(98.2007m, error.Expected);
        Assert.Equal(98.02m, error.Printed);
        Assert.Equal(21, error.Locations[0].Page);
        Assert.Equal(CheckResult.Fail, Check(record, RuleIds.CompletionRate).Outcome);
    }

    [Fact]
    public void Completion_rate_off_by_the_rounding_of_its_amounts_is_a_rounding_note()
    {
        // 0.03 / 0.04 万元 = 75%, but 0.025–0.035 over 0.035–0.045 allows 55.6%–100%: 80% is inside.
        var record = Validate([Completion("0.03", 300m, 400m, 80m)]);
        var note = Assert.Single(Of(record, RuleIds.CompletionRate));
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Equal(5m, note.Difference);
        Assert.Equal(CheckResult.Pass, Check(record, RuleIds.CompletionRate).Outcome);
    }

    [Fact]
    public void Completion_rate_against_a_zero_budget_lacks_data_and_is_otherwise_not_applicable()
    {
        Assert.Equal(CheckResult.InsufficientData, Check(Validate([Completion("0.00", 0m, 0m, 0m)]), RuleIds.CompletionRate).Outcome);
        Assert.Equal(CheckResult.NotApplicable, Check(Validate(T3()), RuleIds.CompletionRate).Outcome);
    }

    [Fact]
    public void Completion_rate_column_of_a_table_is_checked_row_by_row()
    {
        var t = Table(TableTypes.FinalThreePublicCosts, W,
            Row(W, "公务接待费", null, ("budget_amount", "0.95"), ("final_amount", "0.76"), ("completion_rate", "80.00%")),
            Row(W, "因公出国（境）费", null, ("budget_amount", "2.00"), ("final_amount", "1.00"), ("completion_rate", "60%")),
            Row(W, "公务用车购置", null, ("budget_amount", ""), ("final_amount", ""), ("completion_rate", "")));
        var record = Validate(t);
        var check = Check(record, RuleIds.CompletionRate);
        Assert.Equal(CheckResult.Fail, check.Outcome);
        Assert.Equal(2, check.Instances);
        var error = Assert.Single(Of(record, RuleIds.CompletionRate));
        Assert.Equal(50m, error.Expected);
        Assert.Equal(60m, error.Printed);
        Assert.Equal("因公出国（境）费", error.Locations[0].RowLabel);
        Assert.Equal("completion_rate", error.Locations[0].Column);
    }
}
