using Ingest.Core;

namespace Ingest.Recognition.Tests;

public sealed class TableTyperTests
{
    [Theory]
    [InlineData("2022年部门收支预算表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("2026年部门财务收支预算总表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("收支预算总表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("部门财务收支总体情况表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("2022年部门收入预算表", TableTypes.RevenueSummary)]
    [InlineData("部门收入总表", TableTypes.RevenueSummary)]
    [InlineData("2026年部门支出预算总表", TableTypes.ExpenditureSummary)]
    [InlineData("2022年财政拨款收支预算表", TableTypes.FiscalGrantSummary)]
    [InlineData("财政拨款收支总表", TableTypes.FiscalGrantSummary)]
    [InlineData("2022年一般公共预算支出预算表", TableTypes.GeneralPublicExpenditure)]
    [InlineData("2026年部门一般公共预算支出功能分类预算表", TableTypes.GeneralPublicExpenditure)]
    [InlineData("财政拨款支出预算表（功能科目）", TableTypes.GeneralPublicExpenditure)]
    [InlineData("2022年一般公共预算基本支出预算表", TableTypes.GeneralPublicBasicExpenditure)]
    [InlineData("2026年部门一般公共预算基本支出部门预算经济分类预算表", TableTypes.GeneralPublicBasicExpenditure)]
    [InlineData("2022年一般公共预算“三公”经费预算表", TableTypes.ThreePublicCosts)]
    [InlineData("2026年部门\"三公\"经费和机关运行经费预算表", TableTypes.ThreePublicCosts)]
    [InlineData("公开11表：一般公共预算机关运行经费支出预算表", TableTypes.InstitutionOperatingCosts)]
    [InlineData("机关运行经费支出预算表", TableTypes.InstitutionOperatingCosts)]
    [InlineData("2022年政府性基金支出预算表", TableTypes.GovernmentFundExpenditure)]
    [InlineData("2022年国有资本经营支出预算表", TableTypes.StateCapitalExpenditure)]
    [InlineData("2022年支出经济分类汇总表", TableTypes.EconomicClassificationSummary)]
    [InlineData("项目支出预算表", TableTypes.ProjectExpenditure)]
    [InlineData("部门预算项目绩效目标表", TableTypes.PerformanceTargetsProject)]
    [InlineData("部门（单位）整体绩效目标表", TableTypes.PerformanceTargetsOverall)]
    [InlineData("政府采购预算表", TableTypes.GovernmentProcurement)]
    [InlineData("收入支出决算表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("收入决算表", TableTypes.FinalRevenue)]
    [InlineData("支出决算表", TableTypes.FinalExpenditure)]
    [InlineData("财政拨款收入支出决算表", TableTypes.FinalFiscalGrantSummary)]
    [InlineData("一般公共预算财政拨款支出决算表", TableTypes.FinalGeneralPublicExpenditure)]
    [InlineData("一般公共预算财政拨款基本支出决算表", TableTypes.FinalGeneralPublicBasicExpenditure)]
    [InlineData("一般公共预算财政拨款“三公”经费支出决算表", TableTypes.FinalThreePublicCosts)]
    public void Titles_name_their_table(string title, string type)
    {
        var typing = TableTyper.FromTitle(title);
        Assert.NotNull(typing);
        Assert.Equal(type, typing.Value.Type);
        Assert.Equal("title", typing.Value.By);
    }

    [Theory]
    [InlineData("部门名称：某局")]
    [InlineData("单位：万元")]
    [InlineData("第二部分")]
    public void Lines_that_are_not_titles_type_nothing(string line) => Assert.Null(TableTyper.FromTitle(line));

    [Fact]
    public void A_continuation_without_title_is_typed_by_its_header()
    {
        IReadOnlyList<IReadOnlyList<string>> header = [["“三公”经费合计"], ["因公出国(境)费"], ["公务用车购置及运行费", "小计"], ["公务接待费"]];
        var typing = TableTyper.FromHeader(header, [], final: false);
        Assert.Equal(TableTypes.ThreePublicCosts, typing!.Value.Type);
        Assert.Equal("header", typing.Value.By);
    }
}
