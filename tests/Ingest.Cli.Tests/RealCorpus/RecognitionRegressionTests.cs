using Ingest.Cli.Pipeline;
using Ingest.Cli.Tests.Golden;
using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests.RealCorpus;

/// <summary>Recognition bugs seen on real files (issue #5), each pinned on the file where it was seen.</summary>
public sealed class RecognitionRegressionTests
{
    private static DocumentRecord Process(string pdf) => CorpusPipeline.Real(pdf);

    /// <summary>p18 prints 预算数 | 决算数 under each 三公 item; only the first pair used to be mapped (budget_amount, final_amount, col2..col11).</summary>
    [Fact]
    public void Final_three_public_budget_and_final_under_each_item_are_mapped()
    {
        var table = Process("sh-putuo_caizhengju_2024_final_dept.pdf").Tables.Single(t => t.Type == TableTypes.FinalThreePublicCosts);
        Assert.Equal([Columns.Total, Columns.Abroad, Columns.VehicleTotal, Columns.VehiclePurchase, Columns.VehicleOperation, Columns.Reception],
            table.Columns.Select(c => c.Id));
        Assert.Equal([Columns.BudgetAmount, Columns.FinalAmount], table.Rows.Select(r => r.Line));
        var budget = table.Rows[0];
        Assert.Equal(9_500m, budget.Values[Columns.Total]);
        Assert.Equal(9_500m, budget.Values[Columns.Reception]);
        Assert.Null(budget.Values[Columns.Abroad]);
        Assert.Null(budget.Values[Columns.VehicleTotal]);
        var final = table.Rows[1];
        Assert.All(table.Columns, c => Assert.Null(final.Values[c.Id]));
    }

    /// <summary>p20 公开11表：一般公共预算机关运行经费支出预算表 was typed general_public_expenditure (the 一般公共预算 rule came first), its 合 | 计 row unnamed.</summary>
    [Fact]
    public void Institution_operating_costs_table_named_after_its_fund_is_typed_by_what_it_lists()
    {
        var record = Process("js_jianchayuan_2018_budget_dept.pdf");
        var table = Assert.Single(record.Tables, t => t.Type == TableTypes.InstitutionOperatingCosts);
        Assert.Equal([20], table.Pages);
        Assert.DoesNotContain(record.Tables, t => t.Type == TableTypes.GeneralPublicExpenditure && t.Pages.Contains(20));
        Assert.Equal([Columns.Total], table.Columns.Where(c => c.Id.Length > 0 && !c.Id.Contains("code", StringComparison.Ordinal) && c.Id != "name").Select(c => c.Id));
        var total = table.Rows[0];
        Assert.Equal(Lines.Total, total.Line);
        Assert.Equal("合计", total.Name);
        Assert.Equal(27_225_700m, total.Values[Columns.Total]);
        Assert.Equal("30201", table.Rows.Single(r => r.Name == "办公费").EconCode);
        Assert.Equal(total.Values[Columns.Total], table.Rows.Where(r => r.EconCode is { Length: 5 }).Sum(r => r.Values[Columns.Total]));
    }

    /// <summary>p1 收支预算总表 draws 当年支出小计 / 结转下年资金 / 支出合计 across the 功能分类 and 支出用途 groups: each came out twice, once empty.</summary>
    [Fact]
    public void Jiangsu_revenue_expenditure_summary_has_one_current_year_expenditure_row()
    {
        var table = Process("js_zhengxie-bgt_2018_budget_dept_tables.pdf").Tables.Single(t => t.Type == TableTypes.RevenueExpenditureSummary);
        var current = Assert.Single(table.Rows, r => r.Line == Lines.ExpenditureCurrentYear);
        Assert.Equal(101_504_800m, current.Values[Columns.Amount]);
        Assert.Equal(101_504_800m, Assert.Single(table.Rows, r => r.Line == "expenditure.total").Values[Columns.Amount]);
        Assert.Single(table.Rows, r => r.Line == Lines.ExpenditureCarryForward);
    }

    /// <summary>p28 T7 header 2023年“三公”经费预算数 was taken for a code row: the header rows became body rows (budget_amount, two 合计) and the figures a row named 22.91 in col1..col6.</summary>
    [Fact]
    public void Three_public_header_starting_with_the_year_stays_header()
    {
        var table = Process("sh-putuo_wanli-jiedao_2023_budget_dept.pdf").Tables.Single(t => t.Type == TableTypes.ThreePublicCosts);
        var row = Assert.Single(table.Rows);
        Assert.Equal(Lines.Total, row.Line);
        Assert.Equal(229_100m, row.Values[Columns.Total]);
        Assert.Equal(0m, row.Values[Columns.Abroad]);
        Assert.Equal(13_500m, row.Values[Columns.Reception]);
        Assert.Equal(215_600m, row.Values[Columns.VehicleTotal]);
        Assert.Equal(0m, row.Values[Columns.VehiclePurchase]);
        Assert.Equal(215_600m, row.Values[Columns.VehicleOperation]);
        Assert.Equal(7_860_900m, row.Values[Columns.InstitutionOperating]);
    }
}
