using Ingest.Core;
using Ingest.Core.Layout;

namespace Ingest.Recognition.Tests;

public sealed class TableNormalizerTests
{
    private static LogicalTable Grid(string?[][] rows, int page = 5)
    {
        var cells = new List<TableCell>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } text)
                {
                    cells.Add(new TableCell(r, c, 1, 1, text, default));
                }
            }
        }

        var fragment = new TableFragment { Page = page, RowCount = rows.Length, ColCount = rows[0].Length, Cells = cells, Title = "一般公共预算支出表" };
        return new LogicalTable
        {
            Fragments = [fragment], RowCount = rows.Length, ColCount = rows[0].Length, Cells = cells,
            RowPages = Enumerable.Repeat(page, rows.Length).ToList(),
        };
    }

    [Fact]
    public void Split_codes_are_joined_and_inherit_their_parents()
    {
        var table = Grid([
            ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "", "", "合计", "1,234.50", "1,000.00", "234.50"],
            ["201", "", "", "一般公共服务支出", "1,234.50", "1,000.00", "234.50"],
            ["", "03", "", "政府办公厅（室）及相关机构事务", "1,234.50", "1,000.00", "234.50"],
            ["", "", "01", "行政运行", "1,000.00", "1,000.00", "0.00"],
            ["", "", "2", "一般行政管理事务", "234.50", "", "234.50"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.GeneralPublicExpenditure, "万元", "单位：万元", 0, CodeCatalog.Default);
        Assert.Equal([null, "201", "20103", "2010301", "2010302"], record.Rows.Select(r => r.FuncCode));
        Assert.Equal(Lines.Total, record.Rows[0].Line);
        var admin = record.Rows[3];
        Assert.Equal("行政运行", admin.Name);
        Assert.Equal(10_000_000.00m, admin.Values[Columns.Total]);
        Assert.Equal("1,000.00", admin.Printed[Columns.Total]);
        Assert.Equal(5, admin.Page);
        Assert.Equal(4, admin.Index);
        var general = record.Rows[4];
        Assert.True(general.Values.ContainsKey(Columns.Basic));
        Assert.Null(general.Values[Columns.Basic]);
        Assert.Equal(0m, admin.Values[Columns.Project]);
    }

    [Fact]
    public void Joined_codes_inside_names_are_split_off()
    {
        var table = Grid([
            ["科目名称", "合计"],
            ["合计", "12.00"],
            ["2010301 行政运行", "12.00"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.GeneralPublicExpenditure, "元", null, 0, CodeCatalog.Default);
        Assert.Equal("2010301", record.Rows[1].FuncCode);
        Assert.Equal("行政运行", record.Rows[1].Name);
    }

    [Theory]
    [InlineData("301 2", "30102")]
    [InlineData("30102", "30102")]
    [InlineData("302 17", "30217")]
    [InlineData("301", "301")]
    [InlineData("3010", null)]
    public void Economic_codes_recover_lost_leading_zeros(string printed, string? code) =>
        Assert.Equal(code, TableNormalizer.EconCode(printed));

    [Fact]
    public void Side_by_side_panels_become_rows_of_their_own()
    {
        var table = Grid([
            ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "2,082.85", "302", "商品和服务支出", "171.07"],
            ["30101", "基本工资", "262.33", "30201", "办公费", "21.21"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.FinalGeneralPublicBasicExpenditure, "万元", null, 0, CodeCatalog.Default);
        Assert.Equal(["301", "302", "30101", "30201"], record.Rows.Select(r => r.EconCode));
        Assert.Equal(212_100m, record.Rows[3].Values.Values.Single());
        Assert.Equal("办公费", record.Rows[3].Name);
    }

    [Theory]
    [InlineData("一、财政拨款收入", "income.fiscal_grant")]
    [InlineData("其中：财政拨款", "income.fiscal_grant")]
    [InlineData("一、一般公共预算财政拨款", "income.general_public_budget")]
    [InlineData("二、政府性基金预算财政拨款", "income.government_fund")]
    [InlineData("三、国有资本经营预算财政拨款", "income.state_capital")]
    public void Fund_lines_named_as_fiscal_grants_are_their_fund_not_the_grant(string label, string line)
    {
        string? section = null;
        Assert.Equal(line, TableNormalizer.IncomeLine(label, ref section));
    }

    [Fact]
    public void Long_name_running_into_an_empty_amount_cell_gives_the_figure_back()
    {
        // Borderless 一般公共预算支出表 (generated syn_042): the name reaches the figure, both land in the name cell.
        var table = Grid([
            ["科目编码", "科目名称", "合计", "基本支出"],
            ["20805", "行政事业单位养老支出", "59.10", "59.10"],
            ["2080505", "机关事业单位基本养老保险缴费支出59.10", "", "59.10"],
            ["2080506", "机关事业单位职业年金缴费支出12.50", "3.00", "3.00"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.GeneralPublicExpenditure, "万元", null, 0, CodeCatalog.Default);
        var pension = Assert.Single(record.Rows, r => r.FuncCode == "2080505");
        Assert.Equal("机关事业单位基本养老保险缴费支出", pension.Name);
        Assert.Equal(591_000m, pension.Values["total"]);
        Assert.Equal("59.10", pension.Printed["total"]);
        // The amount cell is filled: the figure was part of the name after all, nothing is moved.
        var annuity = Assert.Single(record.Rows, r => r.FuncCode == "2080506");
        Assert.Equal("机关事业单位职业年金缴费支出12.50", annuity.Name);
        Assert.Equal(30_000m, annuity.Values["total"]);
    }

    [Fact]
    public void Two_sided_summary_rows_get_line_ids()
    {
        var table = Grid([
            ["收入", null, "支出", null],
            ["项目", "金额", "项目", "金额"],
            ["一、一般公共预算", "335.71", "一、一般公共服务", "100.00"],
            ["其中：财政拨款", "335.71", "六、科学技术", "235.71"],
            ["本年收入合计", "335.71", "本年支出合计", "335.71"],
            ["上年结转结余", "", "年终结转结余", "0.00"],
            ["收入总计", "335.71", "支出总计", "335.71"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.RevenueExpenditureSummary, "万元", null, 0, CodeCatalog.Default);
        var lines = record.Rows.Select(r => (r.Side, r.Line)).ToList();
        Assert.Contains(("income", "income.general_public_budget"), lines);
        Assert.Contains(("income", "income.fiscal_grant"), lines);
        Assert.Contains(("income", Lines.IncomeTotal), lines);
        Assert.Contains(("expenditure", "expenditure.206"), lines);
        Assert.Contains(("expenditure", Lines.ExpenditureCarryForward), lines);
        Assert.Equal("206", record.Rows.Single(r => r.Line == "expenditure.206").FuncCode);
        Assert.Equal(3_357_100m, record.Rows.Single(r => r.Line == Lines.ExpenditureTotal).Values.Values.Single());
    }

    /// <summary>Seed 项目支出预算表 (p20): rows named after 类型 instead of 项目名称, no total line, unit row 024 named 024, 结转 columns col7–col9.</summary>
    [Fact]
    public void Project_table_rows_are_named_by_project_name_with_unit_rows_and_an_unlabeled_total()
    {
        var table = Grid([
            ["类型", "项目名称", "项目单位", "合计", "本年拨款", "本年拨款", "财政拨款结转结余", "财政拨款结转结余", "单位资金"],
            ["类型", "项目名称", "项目单位", "合计", "一般公共预算", "政府性基金预算", "一般公共预算", "政府性基金预算", "单位资金"],
            ["", "", "", "109.60", "109.60", "", "", "", ""],
            ["", "024", "某某办公室", "109.60", "109.60", "", "", "", ""],
            ["其他运转类", "招商引资", "某某办公室", "100.00", "100.00", "", "", "", ""],
            ["特定目标类", "运转经费", "某某办公室", "9.60", "9.60", "", "", "", ""],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.ProjectExpenditure, "万元", "单位：万元", 0, CodeCatalog.Default);
        Assert.Equal(["category", "name", "text", "total", "general_public_budget", "government_fund",
            "prior_carryover.general_public_budget", "prior_carryover.government_fund", "unit_funds"], record.Columns.Select(c => c.Id));
        Assert.Equal(Lines.Total, record.Rows[0].Line);
        Assert.Equal(1_096_000m, record.Rows[0].Values[Columns.Total]);
        var unit = record.Rows[1];
        Assert.Equal("024", unit.UnitCode);
        Assert.Equal("某某办公室", unit.Name);
        Assert.Null(unit.Line);
        Assert.Equal(["招商引资", "运转经费"], record.Rows.Skip(2).Select(r => r.Name));
        Assert.Equal(["其他运转类", "特定目标类"], record.Rows.Skip(2).Select(r => r.Printed["category"]));
        Assert.Null(record.Rows[2].Line);
        Assert.Equal(96_000m, record.Rows[3].Values["general_public_budget"]);
    }

    [Fact]
    public void Unlabeled_first_row_that_is_not_the_sum_is_no_total()
    {
        var table = Grid([
            ["项目名称", "合计"],
            ["", "5.00"],
            ["招商引资", "100.00"],
            ["运转经费", "9.60"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.ProjectExpenditure, "万元", null, 0, CodeCatalog.Default);
        Assert.Null(record.Rows[0].Line);
    }

    /// <summary>sh-putuo_caizhengju_2024_final_dept p18: 预算数 | 决算数 printed under each 三公 item; only the first pair was mapped.</summary>
    [Fact]
    public void Final_three_public_table_with_budget_and_final_under_each_item_becomes_budget_and_final_rows()
    {
        var table = Grid([
            ["“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费"],
            ["合计", "合计", "因公出国（境）费", "因公出国（境）费", "公务接待费", "公务接待费"],
            ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
            ["0.95", "0.80", "", "", "0.95", "0.80"],
        ]);
        var record = TableNormalizer.Normalize(table, TableTypes.FinalThreePublicCosts, "万元", null, 0, CodeCatalog.Default);
        Assert.Equal([Columns.Total, Columns.Abroad, Columns.Reception], record.Columns.Select(c => c.Id));
        Assert.Equal([Columns.BudgetAmount, Columns.FinalAmount], record.Rows.Select(r => r.Line));
        Assert.Equal(9_500m, record.Rows[0].Values[Columns.Total]);
        Assert.Equal(9_500m, record.Rows[0].Values[Columns.Reception]);
        Assert.Null(record.Rows[0].Values[Columns.Abroad]);
        Assert.Equal(8_000m, record.Rows[1].Values[Columns.Total]);
        Assert.Equal(8_000m, record.Rows[1].Values[Columns.Reception]);
        Assert.Equal("决算数", record.Rows[1].Name);
    }

    /// <summary>Jiangsu 收支预算总表: 当年支出小计 drawn across 功能分类 and 支出用途 gave an extra empty expenditure.current_year_total row.</summary>
    [Fact]
    public void Two_sided_label_merged_across_expenditure_groups_is_one_row()
    {
        TableCell Cell(int r, int c, string text, int colSpan = 1) => new(r, c, 1, colSpan, text, default);
        List<TableCell> cells =
        [
            Cell(0, 0, "收入", 2), Cell(0, 2, "支出", 4),
            Cell(1, 0, "项目名称"), Cell(1, 1, "金额"), Cell(1, 2, "功能科目名称"), Cell(1, 3, "金额"), Cell(1, 4, "项目名称"), Cell(1, 5, "金额"),
            Cell(2, 0, "一、财政拨款"), Cell(2, 1, "10.00"), Cell(2, 2, "一、一般公共服务支出"), Cell(2, 3, "10.00"), Cell(2, 4, "一、基本支出"), Cell(2, 5, "10.00"),
            Cell(3, 0, "当年收入小计"), Cell(3, 1, "10.00"), Cell(3, 2, "当年支出小计", 3), Cell(3, 5, "10.00"),
        ];
        var fragment = new TableFragment { Page = 1, RowCount = 4, ColCount = 6, Cells = cells, Title = "收支预算总表" };
        var table = new LogicalTable { Fragments = [fragment], RowCount = 4, ColCount = 6, Cells = cells, RowPages = [1, 1, 1, 1] };
        var record = TableNormalizer.Normalize(table, TableTypes.RevenueExpenditureSummary, "万元", null, 0, CodeCatalog.Default);
        var current = Assert.Single(record.Rows, r => r.Line == Lines.ExpenditureCurrentYear);
        Assert.Equal(100_000m, current.Values[Columns.Amount]);
        Assert.Single(record.Rows, r => r.Line == Lines.IncomeCurrentYear);
        Assert.Equal(2, record.Rows.Count(r => r.Side == "expenditure" && r.Index == 2));
    }

    /// <summary>sh-putuo_wanli-jiedao_2023 p28: the header 2023年“三公”经费预算数 was read as code 2023 + name, so the header rows became body rows.</summary>
    [Fact]
    public void Header_starting_with_a_year_is_no_code_row()
    {
        var table = Grid([
            ["2023年“三公”经费预算数", "2023年“三公”经费预算数", "2023年“三公”经费预算数", "2023年“三公”经费预算数", "2023年机关运行经费预算数"],
            ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "2023年机关运行经费预算数"],
            ["合计", "因公出国(境)费", "公务接待费", "运行费", "2023年机关运行经费预算数"],
            ["22.91", "0", "1.35", "21.56", "786.09"],
        ]);
        Assert.Equal(3, TableNormalizer.CountHeaderRows(TableGrid.Of(table), 0));
        var record = TableNormalizer.Normalize(table, TableTypes.ThreePublicCosts, "万元", null, 0, CodeCatalog.Default);
        Assert.Equal([Columns.Total, Columns.Abroad, Columns.Reception, Columns.VehicleOperation, Columns.InstitutionOperating], record.Columns.Select(c => c.Id));
        var row = Assert.Single(record.Rows);
        Assert.Equal(Lines.Total, row.Line);
        Assert.Equal(229_100m, row.Values[Columns.Total]);
        Assert.Equal(7_860_900m, row.Values[Columns.InstitutionOperating]);
    }
}
