using Ingest.Core.Layout;
using Ingest.Pdf;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

public sealed class RealFileTests
{
    private static ExtractedFile Extract(string name, params int[] pages)
    {
        var extractor = new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);
        return extractor.Extract(RepoPaths.RealFile(name), pages.Length == 0 ? null : pages.ToHashSet());
    }

    [Fact]
    public void Sifaju_revenue_expenditure_summary_is_found_with_title_unit_and_cells()
    {
        var file = Extract("sh-putuo_sifaju_2026_budget_dept.pdf", 10);
        Assert.True(file.Readable);
        Assert.Equal(23, file.PageCount);
        Assert.Equal(64, file.Sha256.Length);

        var page = Assert.Single(file.Pages);
        Assert.Equal(842, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        var table = Assert.Single(page.Tables);
        Assert.Equal("lattice", table.Method);
        Assert.Equal("2026年部门财务收支预算总表", table.Title);
        Assert.Equal("单位：元", table.UnitText);
        Assert.Contains("编制部门：上海市普陀区司法局", table.Captions);
        Assert.Equal(16, table.RowCount);
        Assert.Equal(4, table.ColCount);
        Assert.Equal(2, table.HeaderRows);

        var grid = TableGrid.Of(table);
        var top = grid[0, 0]!;
        Assert.Equal("本年收入", top.Text);
        Assert.Equal(2, top.ColSpan);
        Assert.Equal("本年支出", grid.Text(0, 2));
        Assert.Equal("预算数", grid.Text(1, 1));
        Assert.Equal("一、财政拨款收入", grid.Text(2, 0));
        Assert.Equal("96,282,213.44", grid.Text(2, 1));
        Assert.Equal("二、社会保障和就业支出", grid.Text(3, 2));
        Assert.Equal("3,343,704.00", grid.Text(3, 3));
        Assert.Equal("三、事业单位经营收入", grid.Text(7, 0));
        Assert.Equal("", grid.Text(12, 1));
        Assert.Equal("收入总计", grid.Text(15, 0));
        Assert.Equal("96,282,213.44", grid.Text(15, 3));

        // Text above the table is not inside it; lines are upright and in reading order.
        Assert.Contains(page.TextOutsideTables, l => l.Text == "2026年部门财务收支预算总表");
        Assert.DoesNotContain(page.TextOutsideTables, l => l.Text.Contains("96,282,213.44", StringComparison.Ordinal));
        Assert.True(page.Lines.Count > 10);
        Assert.Equal(page.Lines.OrderBy(l => l.Box.Top).First().Text, page.Lines[0].Text);
    }

    [Fact]
    public void Wanli_long_tables_are_joined_across_pages_without_repeated_headers()
    {
        var file = Extract("sh-putuo_wanli-jiedao_2023_budget_dept.pdf", Enumerable.Range(10, 19).ToArray());
        Assert.True(file.Readable);

        var income = Assert.Single(file.Tables, t => t.Title == "2023年部门收入预算总表");
        Assert.Equal(new[] { 11, 12, 13, 14 }, income.Pages);
        Assert.Equal(9, income.ColCount);
        Assert.Equal(3, income.HeaderRows);
        Assert.Equal(income.RowCount, income.RowPages.Count);
        Assert.Equal(11, income.RowPages[0]);
        Assert.Equal(14, income.RowPages[^1]);
        Assert.Equal(income.Fragments.Sum(f => f.RowCount), income.RowCount);
        var grid = TableGrid.Of(income);
        Assert.Equal("201", grid.Text(3, 0));
        Assert.Equal("一般公共服务支出", grid.Text(3, 3));
        Assert.Equal("2,976,800", grid.Text(3, 4));
        // The continuation pages carry no title of their own.
        Assert.All(income.Fragments.Skip(1), f => Assert.Null(f.Title));

        // The function-classification table repeats its 3 header rows on every page: they are dropped when joining.
        var function = Assert.Single(file.Tables, t => t.Title == "2023年部门一般公共预算支出功能分类预算表");
        Assert.Equal(new[] { 20, 21, 22, 23 }, function.Pages);
        Assert.Equal(function.Fragments.Sum(f => f.RowCount) - (3 * 3), function.RowCount);
        var fgrid = TableGrid.Of(function);
        for (var r = 3; r < function.RowCount; r++)
        {
            Assert.NotEqual("功能分类科目名称", fgrid.Text(r, 3));
        }

        // A table that starts on a new page with its own title is not joined to the one before.
        Assert.Single(file.Tables, t => t.Title == "2023年部门支出预算总表" && t.Pages[0] == 15);
        Assert.Single(file.Tables, t => t.Title == "2023年部门“三公”经费和机关运行经费预算表" && t.UnitText == "单位:万元");
    }

    /// <summary>
    /// wanli-jiedao 2025: the 部门支出预算总表 ends with its 合计 row alone at the top of p18, ruled without the inner
    /// lines of the code columns (a 4-column grid): it continues the table of p14–17, its label spanning the 4 code/name
    /// columns and its figures in the table's own columns (pdftotext -layout -f 18: 合计 189,767,551 101,341,746 88,425,805).
    /// </summary>
    [Fact]
    public void Wanli_2025_lone_total_row_continues_the_expenditure_summary()
    {
        var file = Extract("sh-putuo_wanli-jiedao_2025_budget_dept.pdf", 14, 15, 16, 17, 18, 19);
        var table = Assert.Single(file.Tables, t => t.Title == "2025年部门支出预算总表");
        Assert.Equal(new[] { 14, 15, 16, 17, 18 }, table.Pages);
        Assert.Equal(7, table.ColCount);
        Assert.Equal(18, table.RowPages[^1]);
        var grid = TableGrid.Of(table);
        var last = table.RowCount - 1;
        Assert.Equal("合计", grid.Text(last, 0));
        Assert.Equal(4, grid[last, 0]!.ColSpan);
        Assert.Equal("189,767,551", grid.Text(last, 4));
        Assert.Equal("101,341,746", grid.Text(last, 5));
        Assert.Equal("88,425,805", grid.Text(last, 6));
        Assert.Equal("221", grid.Text(last - 1, 0));
        Assert.Equal("2,177,200", grid.Text(last - 1, 4));
        Assert.DoesNotContain(file.Tables, t => t.Pages[0] == 18);
    }

    [Fact]
    public void Empty_template_table_is_kept_with_its_note()
    {
        var file = Extract("sh-putuo_wanli-jiedao_2023_budget_dept.pdf", 24);
        var table = Assert.Single(Assert.Single(file.Pages).Tables);
        Assert.Equal("2023年部门政府性基金预算支出功能分类预算表", table.Title);
        Assert.Equal(3, table.HeaderRows);
        Assert.Equal(7, table.ColCount);
        Assert.Contains(table.Notes, n => n.StartsWith("注：本部门2023年无政府性基金预算", StringComparison.Ordinal));
    }

    [Fact]
    public void Rotated_pages_come_out_upright()
    {
        var file = Extract("js_renda-bgt_2019_budget_dept_tables.pdf", 2);
        var page = Assert.Single(file.Pages);
        Assert.Equal(90, page.Rotation);
        Assert.True(page.Width > page.Height, "a /Rotate 90 page is shown landscape");
        var table = Assert.Single(page.Tables);
        Assert.Equal("收入预算总表", table.Title);
        Assert.Equal("单位：万元", table.UnitText);
        Assert.Contains("公开表二", table.Captions);
        Assert.Equal(15, table.RowCount);
        Assert.Equal(3, table.ColCount);
        var grid = TableGrid.Of(table);
        Assert.Equal("项目名称", grid.Text(0, 0));
        Assert.Equal("金额", grid.Text(0, 2));
        Assert.Equal("18,330.37", grid.Text(1, 2));
        var general = grid[2, 0]!;
        Assert.Equal("一般公共预算资金", general.Text);
        Assert.Equal(3, general.RowSpan);
        Assert.Equal("公共财政拨款(补助)资金", grid.Text(3, 1));
        Assert.Equal("其中：动用上年结转和结余资金", grid.Text(14, 1));

        // Title above the table, reading order top to bottom.
        var titleLine = page.Lines.First(l => l.Text == "收入预算总表");
        Assert.True(titleLine.Box.Bottom < table.Bounds.Top);
    }
}
