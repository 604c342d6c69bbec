using Ingest.Core.Records;
using Ingest.Core.Validation;
using static Ingest.Core.Tests.Validation.RecordBuilder;

namespace Ingest.Core.Tests.Validation;

/// <summary>The identities on the seed document's figures (万元), and what a change to one figure does.</summary>
public sealed class ValidatorTests
{
    private const string W = "万元";

    private static DocumentRecord Validate(params TableRecord[] tables) => Validate([], tables);

    private static DocumentRecord Validate(List<NarrativeFact> facts, params TableRecord[] tables)
    {
        var record = new DocumentRecord { Id = new string('0', 64), Kind = "budget", Tables = [.. tables], Narrative = facts };
        new Validator(new ValidationOptions()).Validate(record);
        return record;
    }

    private static TableRecord SeedT1(string expenditureTotal = "335.71") => Table(TableTypes.RevenueExpenditureSummary, W,
        Line(W, "income", "income.general_public_budget", "一、一般公共预算", "amount", "335.71"),
        Line(W, "income", "income.fiscal_grant", "其中：财政拨款", "amount", "335.71"),
        Line(W, "income", "income.business_income", "五、事业收入", "amount", ""),
        Line(W, "income", Lines.IncomeCurrentYear, "本年收入合计", "amount", "335.71"),
        Line(W, "income", Lines.IncomePriorCarryover, "上年结转结余", "amount", ""),
        Line(W, "income", Lines.IncomeTotal, "收入总计", "amount", "335.71"),
        Lei("expenditure.201", "201", "一、一般公共服务", "100.00"),
        Lei("expenditure.206", "206", "六、科学技术", "102.61"),
        Lei("expenditure.208", "208", "八、社会保障和就业", "14.18"),
        Lei("expenditure.210", "210", "十、卫生健康", "4.49"),
        Lei("expenditure.215", "215", "十五、资源勘探信息等", "107.24"),
        Lei("expenditure.221", "221", "二十一、住房保障支出", "7.19"),
        Line(W, "expenditure", Lines.ExpenditureCurrentYear, "本年支出合计", "total", "335.71"),
        Line(W, "expenditure", Lines.ExpenditureCarryForward, "年终结转结余", "total", "0.00"),
        Line(W, "expenditure", Lines.ExpenditureTotal, "支出总计", "total", expenditureTotal));

    private static RowRecord Lei(string line, string code, string name, string printed)
    {
        var row = Line(W, "expenditure", line, name, "total", printed);
        row.FuncCode = code;
        return row;
    }

    // 部门支出预算表 of the seed: 基本支出 小计 printed blank while its parts are filled.
    private static TableRecord SeedT3(string administrationTotal = "102.61") => Table(TableTypes.ExpenditureSummary, W,
        WithLine(Row(W, "合计", null, ("total", "335.71"), ("basic", "128.47"), ("wages_benefits", "107.76"), ("household_subsidies", "5.65"), ("goods_services", "14.94"), ("capital_expenditure", "0.12"), ("project", "207.24"), ("project_operating", "207.24"), ("project_specific", ""))),
        Row(W, "招商引资", "2011308", ("total", "100.00"), ("basic", ""), ("wages_benefits", ""), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", "100.00"), ("project_operating", "100.00"), ("project_specific", "")),
        Row(W, "行政运行", "2060101", ("total", administrationTotal), ("basic", ""), ("wages_benefits", "87.77"), ("household_subsidies", ""), ("goods_services", "14.72"), ("capital_expenditure", "0.12"), ("project", ""), ("project_operating", ""), ("project_specific", "")),
        Row(W, "行政单位离退休", "2080501", ("total", "5.65"), ("basic", ""), ("wages_benefits", ""), ("household_subsidies", "5.65"), ("goods_services", ""), ("capital_expenditure", ""), ("project", ""), ("project_operating", ""), ("project_specific", "")),
        Row(W, "事业单位离退休", "2080502", ("total", "0.22"), ("basic", ""), ("wages_benefits", ""), ("household_subsidies", ""), ("goods_services", "0.22"), ("capital_expenditure", ""), ("project", ""), ("project_operating", ""), ("project_specific", "")),
        Row(W, "机关事业单位基本养老保险缴费支出", "2080505", ("total", "8.31"), ("basic", ""), ("wages_benefits", "8.31"), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", ""), ("project_operating", ""), ("project_specific", "")),
        Row(W, "行政单位医疗", "2101101", ("total", "4.49"), ("basic", ""), ("wages_benefits", "4.49"), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", ""), ("project_operating", ""), ("project_specific", "")),
        Row(W, "行政运行", "2150501", ("total", "9.60"), ("basic", ""), ("wages_benefits", ""), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", "9.60"), ("project_operating", "9.60"), ("project_specific", "")),
        Row(W, "一般行政管理事务", "2150502", ("total", "97.64"), ("basic", ""), ("wages_benefits", ""), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", "97.64"), ("project_operating", "97.64"), ("project_specific", "")),
        Row(W, "住房公积金", "2210201", ("total", "7.19"), ("basic", ""), ("wages_benefits", "7.19"), ("household_subsidies", ""), ("goods_services", ""), ("capital_expenditure", ""), ("project", ""), ("project_operating", ""), ("project_specific", "")));

    private static RowRecord WithLine(RowRecord row)
    {
        row.Line = Lines.Total;
        return row;
    }

    private static TableRecord SeedT7(string total = "1.40") => Table(TableTypes.ThreePublicCosts, W,
        WithLine(Row(W, "", null, ("total", total), ("abroad", ""), ("vehicle_total", ""), ("vehicle_purchase", ""), ("vehicle_operation", ""), ("reception", "1.40"))));

    [Fact]
    public void Seed_summary_table_is_consistent()
    {
        var record = Validate(SeedT1());
        Assert.DoesNotContain(record.Findings, f => f.Severity != FindingSeverity.Info);
        Assert.Equal(CheckResult.Pass, record.Checks.Single(c => c.Rule == RuleIds.T1Balance).Outcome);
        Assert.Equal(CheckResult.Pass, record.Checks.Single(c => c.Rule == RuleIds.T1ExpenditureSum).Outcome);
        Assert.Equal(CheckResult.Pass, record.Checks.Single(c => c.Rule == RuleIds.T1IncomeSum).Outcome);
    }

    // Shanghai's 部门收支总表 (sifaju 2026, 元): no 本年收入合计 / 本年支出合计 and no carry-over lines, only the totals.
    private static TableRecord ShanghaiT1(string otherIncome = "0.00", string publicSafety = "87,267,272.44") => Table(TableTypes.RevenueExpenditureSummary, "元",
        Line("元", "income", "income.fiscal_grant", "一、财政拨款收入", "amount", "96,282,213.44"),
        Line("元", "income", "income.general_public_budget", "1.一般公共预算", "amount", "96,282,213.44"),
        Line("元", "income", "income.government_fund", "2.政府性基金预算", "amount", "0.00"),
        Line("元", "income", "income.business_income", "二、事业收入", "amount", "0.00"),
        Line("元", "income", "income.other_income", "四、其他收入", "amount", otherIncome),
        Line("元", "income", Lines.IncomeTotal, "收入总计", "amount", "96,282,213.44"),
        LeiYuan("expenditure.204", "204", "一、公共安全支出", publicSafety),
        LeiYuan("expenditure.208", "208", "二、社会保障和就业支出", "3,343,704.00"),
        LeiYuan("expenditure.210", "210", "三、卫生健康支出", "1,149,678.00"),
        LeiYuan("expenditure.221", "221", "四、住房保障支出", "4,521,559.00"),
        Line("元", "expenditure", Lines.ExpenditureTotal, "支出总计", "total", "96,282,213.44"));

    private static RowRecord LeiYuan(string line, string code, string name, string printed)
    {
        var row = Line("元", "expenditure", line, name, "total", printed);
        row.FuncCode = code;
        return row;
    }

    [Fact]
    public void Summary_table_without_current_year_lines_checks_its_lines_against_the_totals()
    {
        var clean = Validate(ShanghaiT1());
        Assert.Equal(CheckResult.Pass, clean.Checks.Single(c => c.Rule == RuleIds.T1IncomeSum).Outcome);
        Assert.Equal(CheckResult.Pass, clean.Checks.Single(c => c.Rule == RuleIds.T1ExpenditureSum).Outcome);
        Assert.DoesNotContain(clean.Checks, c => c.Rule is RuleIds.T1IncomeGrand or RuleIds.T1ExpenditureGrand);

        var wrong = Validate(ShanghaiT1(otherIncome: "1,000.00", publicSafety: "87,267,372.44"));
        var income = Assert.Single(wrong.Findings, f => f.Rule == RuleIds.T1IncomeSum);
        Assert.Equal(FindingSeverity.Error, income.Severity);
        Assert.Equal(96_283_213.44m, income.Expected);
        Assert.Equal(96_282_213.44m, income.Printed);
        Assert.Equal("收入总计", income.Locations[0].RowLabel);
        var spend = Assert.Single(wrong.Findings, f => f.Rule == RuleIds.T1ExpenditureSum);
        Assert.Equal(-100m, spend.Difference);
    }

    [Theory]
    [InlineData("13,649.07", CheckResult.Pass)]
    [InlineData("13,649.70", CheckResult.Fail)]
    public void Summary_table_without_total_lines_balances_its_current_year_totals(string spent, CheckResult outcome)
    {
        // renda 2017 收支预算总表: no 收入总计/支出总计, the table closes with 当年收入 and 当年支出小计.
        var record = Validate(Table(TableTypes.RevenueExpenditureSummary, W,
            Line(W, "income", "income.fiscal_grant", "一、财政拨款", "amount", "13,649.07"),
            Line(W, "income", Lines.IncomeCurrentYear, "当年收入", "amount", "13,649.07"),
            Lei("expenditure.201", "201", "一、一般公共服务支出", "10,528.33"),
            Lei("expenditure.208", "208", "八、社会保障和就业支出", "1,608.51"),
            Lei("expenditure.221", "221", "十八、住房保障支出", "1,512.23"),
            Line(W, "expenditure", Lines.ExpenditureCurrentYear, "当年支出小计", "total", spent)));
        Assert.Equal(outcome, record.Checks.Single(c => c.Rule == RuleIds.T1Balance).Outcome);
        Assert.Equal(outcome, record.Checks.Single(c => c.Rule == RuleIds.T1ExpenditureSum).Outcome);
        Assert.Equal(CheckResult.Pass, record.Checks.Single(c => c.Rule == RuleIds.T1IncomeSum).Outcome);
    }

    [Fact]
    public void Unbalanced_summary_table_is_an_error_with_expected_and_printed_amounts()
    {
        var record = Validate(SeedT1(expenditureTotal: "336.71"));
        var finding = Assert.Single(record.Findings, f => f.Rule == RuleIds.T1Balance);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3_357_100m, finding.Expected);
        Assert.Equal(3_367_100m, finding.Printed);
        Assert.Equal(10_000m, finding.Difference);
        Assert.Equal(TableTypes.RevenueExpenditureSummary, finding.Locations[0].Table);
        Assert.Equal("支出总计", finding.Locations[0].RowLabel);
        Assert.Contains("收入总计", finding.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_blank_basic_subtotals_are_warnings_not_errors()
    {
        var record = Validate(SeedT3());
        Assert.DoesNotContain(record.Findings, f => f.Severity == FindingSeverity.Error);
        var warnings = record.Findings.Where(f => f.Rule == RuleIds.BlankSubtotal).ToList();
        Assert.Equal(6, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(FindingSeverity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.Locations[0].RowLabel == "2060101 行政运行" && w.Locations[0].Column == "basic");
        Assert.Equal(CheckResult.Pass, record.Checks.Single(c => c.Rule == "T3." + RuleIds.RowTotal).Outcome);
    }

    [Fact]
    public void A_row_whose_parts_do_not_add_up_is_an_error()
    {
        var record = Validate(SeedT3(administrationTotal: "112.61"));
        // The row's own identity fails, and so does the roll-up of 合计 over the rows (by the same 10.00).
        var finding = Assert.Single(record.Findings, f => f.Severity == FindingSeverity.Error && f.Rule == "T3." + RuleIds.RowTotal);
        Assert.Equal(1_026_100m, finding.Expected);
        Assert.Equal(1_126_100m, finding.Printed);
        Assert.Equal("2060101 行政运行", finding.Locations[0].RowLabel);
        var rollup = Assert.Single(record.Findings, f => f.Severity == FindingSeverity.Error && f.Rule == "T3." + RuleIds.Rollup);
        Assert.Equal(3_457_100m, rollup.Expected);
        Assert.Equal(3_357_100m, rollup.Printed);
    }

    [Fact]
    public void Three_public_costs_identity()
    {
        Assert.DoesNotContain(Validate(SeedT7()).Findings, f => f.Severity == FindingSeverity.Error);
        var finding = Assert.Single(Validate(SeedT7(total: "1.50")).Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(RuleIds.T7Total, finding.Rule);
        Assert.Equal(14_000m, finding.Expected);
        Assert.Equal(15_000m, finding.Printed);
    }

    [Theory]
    [InlineData("1.00", FindingSeverity.Info)]   // 0.33 × 3 = 0.99: inside the envelope of 3 half-units (±0.015)
    [InlineData("0.98", FindingSeverity.Info)]
    [InlineData("1.01", FindingSeverity.Error)]  // 0.02 off: beyond ±0.015
    [InlineData("0.96", FindingSeverity.Error)]
    public void Rounding_differences_inside_the_envelope_are_notes(string printedTotal, FindingSeverity expected)
    {
        var table = Table(TableTypes.ThreePublicCosts, W,
            WithLine(Row(W, "", null, ("total", printedTotal), ("abroad", "0.33"), ("vehicle_total", "0.33"), ("reception", "0.33"))));
        var finding = Assert.Single(Validate(table).Findings, f => f.Rule == RuleIds.T7Total);
        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void Narrative_amounts_compare_at_the_coarser_precision()
    {
        var facts = new List<NarrativeFact>
        {
            new() { Key = "revenue_total", Amount = 3_357_100m, Printed = "335.71", Unit = "万元", Quote = "收入总计335.71万元" },
            new() { Key = "expenditure_total", Amount = 3_357_000m, Printed = "335.7", Unit = "万元", Quote = "支出总计335.7万元" },
            new() { Key = "revenue_current", Amount = 3_367_100m, Printed = "336.71", Unit = "万元", Quote = "收入合计336.71万元", Page = 3 },
        };
        var record = Validate(facts, SeedT1());
        var finding = Assert.Single(record.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(RuleIds.TextAmount + ".revenue_current", finding.Rule);
        Assert.Equal(3_357_100m, finding.Expected);
        Assert.Equal(3_367_100m, finding.Printed);
        Assert.Equal(3, finding.Locations[0].Page);
        Assert.Equal("收入合计336.71万元", finding.Locations[0].Quote);
    }

    [Theory]
    [InlineData("38.27", false)]
    [InlineData("38.3", false)]
    [InlineData("38.37", true)]
    public void Stated_shares_are_recomputed(string percent, bool error)
    {
        var facts = new List<NarrativeFact>
        {
            new()
            {
                Key = "basic_expenditure", Kind = "share", Amount = 1_284_700m, Printed = "128.47", Unit = "万元",
                Percent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), BaseKey = "expenditure_current", BaseAmount = 3_357_100m, Quote = "基本支出128.47万元，占" + percent + "%",
            },
        };
        var record = Validate(facts);
        Assert.Equal(error, record.Findings.Exists(f => f.Rule == RuleIds.TextPercent && f.Severity == FindingSeverity.Error));
    }

    [Fact]
    public void Stated_change_rates_and_direction_words_are_checked()
    {
        NarrativeFact Change(string percent, string direction) => new()
        {
            Key = "revenue_total.change", Kind = "change", Amount = 5_686_300m, Printed = "568.63", Unit = "万元",
            Percent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), Direction = direction, CurrentAmount = 3_357_100m,
            Quote = "收入减少568.63万元，下降" + percent + "%",
        };

        Assert.DoesNotContain(Validate([Change("62.88", "decrease")]).Findings, f => f.Severity != FindingSeverity.Info);
        Assert.Single(Validate([Change("17.62", "decrease")]).Findings, f => f.Rule == RuleIds.TextChange && f.Severity == FindingSeverity.Error);
        Assert.Single(Validate([Change("62.88", "decrease/increase")]).Findings, f => f.Rule == RuleIds.TextDirection && f.Severity == FindingSeverity.Error);
    }

    [Theory]
    [InlineData("30.00", false)]
    [InlineData("31.00", true)]
    public void Final_account_fund_balances_carry_over(string ending, bool error)
    {
        var table = Table(TableTypes.FinalGovernmentFund, W,
            Row(W, "城乡社区支出", "212", ("beginning_balance", "10.00"), ("current_income", "50.00"), ("total", "30.00"), ("ending_balance", ending)));
        var record = Validate(table);
        Assert.Equal(error, record.Findings.Exists(f => f.Rule == RuleIds.FinalCarryover && f.Severity == FindingSeverity.Error));
        Assert.Equal(error ? CheckResult.Fail : CheckResult.Pass, record.Checks.Single(c => c.Rule == RuleIds.FinalCarryover).Outcome);
    }

    [Fact]
    public void Every_evaluated_rule_has_an_outcome()
    {
        var record = Validate(SeedT1(), SeedT7());
        Assert.Contains(record.Checks, c => c.Rule == RuleIds.T7Total && c.Outcome == CheckResult.Pass && c.Instances == 1);
        Assert.All(record.Checks, c => Assert.True(c.Failures <= c.Instances));
    }
}
