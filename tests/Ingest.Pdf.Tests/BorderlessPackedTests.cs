using Ingest.Core.Layout;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

/// <summary>Regression tests for borderless, packed final-account tables (synthetic corpus, /Rotate 90 pages).</summary>
public sealed class BorderlessPackedTests
{
    private static ExtractedFile Extract(string name, params int[] pages)
    {
        var extractor = new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);
        return extractor.Extract(Path.Combine(RepoPaths.Corpus, name), pages.Length == 0 ? null : pages.ToHashSet());
    }

    private static int RowOf(TableGrid grid, int col, string text) =>
        Enumerable.Range(0, grid.RowCount).Single(r => grid.Text(r, col) == text);

    [Fact]
    public void Blank_inner_column_rows_at_the_page_bottom_stay_in_the_table()
    {
        // The two-sided 收入支出决算总表 is cut at the page bottom after two expenditure lines whose amounts are blank:
        // single-run rows in the right-hand label column, not notes.
        var page = Assert.Single(Extract("syn_007_2025_final_dept.pdf", 7).Pages);
        var table = Assert.Single(page.Tables);
        Assert.Equal(4, table.ColCount);
        var grid = TableGrid.Of(table);
        Assert.Equal("二十五、债务还本支出", grid.Text(table.RowCount - 1, 2));
        Assert.Equal("二十四、转移性支出", grid.Text(table.RowCount - 2, 2));
        Assert.Equal("", grid.Text(table.RowCount - 1, 0));
        Assert.DoesNotContain(page.TextOutsideTables, l => l.Text.Contains("债务还本支出", StringComparison.Ordinal));
    }

    [Fact]
    public void Borderless_continuation_with_other_gutters_is_regridded_to_the_table_it_continues()
    {
        var file = Extract("syn_007_2025_final_dept.pdf");

        // 支出决算表: 7 columns on page 8; page 9 continues it (no title) with its own cuts.
        var spending = file.Tables.Single(t => t.Title == "2025年支出决算表");
        Assert.Equal([8, 9], spending.Pages);
        Assert.Equal(7, spending.ColCount);
        var grid = TableGrid.Of(spending);
        var r = RowOf(grid, 0, "2080206");
        Assert.Equal("社会组织管理", grid.Text(r, 1));
        Assert.Equal("1,257,262.32", grid.Text(r, 2));
        Assert.Equal("1,138,863.12", grid.Text(r, 4));
        Assert.Equal("118,399.20", grid.Text(r, 5));
        Assert.Equal("", grid.Text(r, 6));

        // 一般公共预算支出决算表: 11 columns on page 10, page 11 shows only 8 gutters (blank columns have none).
        var general = file.Tables.Single(t => t.Title == "2025年一般公共预算支出决算表");
        Assert.Equal([10, 11], general.Pages);
        Assert.Equal(11, general.ColCount);
        grid = TableGrid.Of(general);
        r = RowOf(grid, 0, "2100717");
        Assert.Equal("1,561,550.10", grid.Text(r, 2));
        Assert.Equal("", grid.Text(r, 3));
        Assert.Equal("1,561,550.10", grid.Text(r, 8));
        Assert.Equal("254,707.30", grid.Text(r, 9));
        Assert.Equal("1,306,842.80", grid.Text(r, 10));

        // 收入支出决算总表 continues on page 8 with its last rows in the right-hand columns.
        var summary = file.Tables.Single(t => t.Title == "2025年收入支出决算总表");
        Assert.Equal([7, 8], summary.Pages);
        grid = TableGrid.Of(summary);
        r = RowOf(grid, 0, "收入总计");
        Assert.Equal("34,244,233.12", grid.Text(r, 1));
        Assert.Equal("支出总计", grid.Text(r, 2));
        Assert.Equal("34,244,233.12", grid.Text(r, 3));
    }

    [Fact]
    public void Empty_borderless_template_table_is_found_with_its_header_and_total_row()
    {
        // 本表无数据: header lines without figures over a lone 合计, then the note. Columns are the header's leaves.
        var page = Assert.Single(Extract("syn_015_2022_final_dept.pdf", 12).Pages);
        var table = Assert.Single(page.Tables);
        Assert.Equal("南京市鼓楼区城市管理局2022年国有资本经营预算财政拨款支出决算表", table.Title);
        Assert.Equal(9, table.ColCount);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(2, table.HeaderRows);
        var grid = TableGrid.Of(table);
        Assert.Equal(3, grid[0, 0]!.ColSpan);
        Assert.Equal("功能分类科目编码", grid.Text(0, 0));
        Assert.Equal(["类", "款", "项", "科目名称", "合计", "小计", "人员经费", "公用经费", "项目支出"], grid.RowTexts(1));
        Assert.Equal(3, grid[0, 5]!.ColSpan);
        Assert.Equal("基本支出", grid.Text(0, 5));
        Assert.Equal("合计", grid.Text(2, 3));
        Assert.Contains(table.Notes, n => n.Contains("本表无数据", StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_zero_columns_shown_only_in_the_header_get_their_own_columns()
    {
        // 收入决算表 of a final account: only 总计, 合计, 一般公共预算 and 政府性基金 carry figures; the other columns are
        // blank in every line and exist only as (wrapped) header words, partly right of the last figure.
        var page = Assert.Single(Extract("syn_007_2025_final_dept.pdf", 8).Pages);
        var revenue = page.Tables.Single(t => t.Title == "2025年收入决算表");
        Assert.Equal(11, revenue.ColCount);
        var grid = TableGrid.Of(revenue);
        Assert.Equal(
            ["单位编码", "单位名称", "总计", "合计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "事业收入", "事业单位经营收入", "其他收入", "年初结转和结余"],
            grid.RowTexts(1));
        Assert.Equal("本年收入", grid.Text(0, 3));
        Assert.Equal(7, grid[0, 3]!.ColSpan);
        var r = Enumerable.Range(0, grid.RowCount).Single(i => grid.Text(i, 0) == "431002");
        Assert.Equal("7,855,615.98", grid.Text(r, 4));
        Assert.Equal("19,235.30", grid.Text(r, 5));
        Assert.Equal("", grid.Text(r, 6));

        // A parent word above its leaves (收入 over 项目|决算数) is no leaf: it makes no column of its own.
        var summary = Extract("syn_007_2025_final_dept.pdf", 9).Pages[0].Tables.Single(t => t.Title == "2025年部门财政拨款收入支出决算总表");
        Assert.Equal(7, summary.ColCount);
        grid = TableGrid.Of(summary);
        Assert.Equal("收入", grid.Text(0, 0));
        Assert.Equal(2, grid[0, 0]!.ColSpan);
        Assert.Equal(["项目", "决算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], grid.RowTexts(1));
    }

    [Fact]
    public void Three_public_vehicle_subtotal_figures_stay_under_their_subtotal_header()
    {
        // syn_007 p12: the 小计 figures (right-aligned, 15.24) lie in the gap between the 小计 and 购置费 header words;
        // the cut went left of them (the widest free stretch), so they landed under 公务用车购置费.
        var page = Assert.Single(Extract("syn_007_2025_final_dept.pdf", 12).Pages);
        var table = page.Tables.Single(t => (t.Title ?? "").Contains("“三公”经费支出决算表", StringComparison.Ordinal));
        Assert.Equal(7, table.ColCount);
        var grid = TableGrid.Of(table);
        Assert.Equal(["项目", "“三公”经费合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"], grid.RowTexts(1));
        Assert.Equal(["预算数", "19.05", "", "15.24", "", "15.24", "3.81"], grid.RowTexts(2));
        Assert.Equal(["决算数", "15.65", "", "13.35", "", "13.35", "2.30"], grid.RowTexts(3));
    }

    [Fact]
    public void Three_public_leaves_half_a_line_apart_are_side_by_side_columns()
    {
        // syn_015 p11: 因公出国（境）费 and 公务接待费 are centred over both header levels, half a line above 小计 and
        // 公务用车运行费 beside them (the boxes touch): they were taken for parents, so 因公出国（境）费|小计 and
        // 公务用车运行费|公务接待费 each came out as one column. The gap after 公务用车运行费 runs to the next word.
        var page = Assert.Single(Extract("syn_015_2022_final_dept.pdf", 11).Pages);
        var table = page.Tables.Single(t => (t.Title ?? "").Contains("“三公”经费支出决算表", StringComparison.Ordinal));
        Assert.Equal(7, table.ColCount);
        var grid = TableGrid.Of(table);
        Assert.Equal(3, grid[0, 3]!.ColSpan);
        Assert.Equal(["项目", "“三公”经费合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"], grid.RowTexts(1));
        Assert.Equal(["预算数", "14.55", "13.29", "", "", "", "1.26"], grid.RowTexts(2));
        Assert.Equal(["决算数", "10.01", "9.05", "", "", "", "0.96"], grid.RowTexts(3));
    }

    [Fact]
    public void Wrapped_header_word_between_two_words_of_another_line_keeps_its_column()
    {
        // syn_015 p7 收入决算表: 事业收入 and 其他收入 sit on one header line with the wrapped 事业单位经/营收入 half a line
        // up between them; the cut between the two words went through it, so 事业单位经营收入 and 其他收入 were one column.
        var page = Assert.Single(Extract("syn_015_2022_final_dept.pdf", 7).Pages);
        var revenue = page.Tables.Single(t => (t.Title ?? "").Contains("部门收入决算表", StringComparison.Ordinal));
        Assert.Equal(11, revenue.ColCount);
        var grid = TableGrid.Of(revenue);
        Assert.Equal(
            ["单位编码", "单位名称", "总计", "合计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "事业收入", "事业单位经营收入", "其他收入", "年初结转和结余"],
            grid.RowTexts(1));
        Assert.Equal(["903001", "南京市鼓楼区城市管理局（本级）", "1560.08", "1560.08", "1506.94", "", "", "", "", "53.14", ""], grid.RowTexts(3));
    }

    [Fact]
    public void Empty_table_whose_header_ends_a_page_and_whose_total_starts_the_next_is_found()
    {
        // syn_007: 2025年国有资本经营预算支出决算表 prints its one header line at the bottom of p12, its lone 合计 and the
        // 本表无数据 note at the top of p13; neither part was a table.
        var file = Extract("syn_007_2025_final_dept.pdf", 12, 13);
        var table = Assert.Single(file.Tables, t => t.Title == "2025年国有资本经营预算支出决算表");
        Assert.Equal([12, 13], table.Pages);
        Assert.Equal(5, table.ColCount);
        Assert.Equal(2, table.RowCount);
        Assert.Equal("单位：元", table.UnitText);
        var grid = TableGrid.Of(table);
        Assert.Equal(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], grid.RowTexts(0));
        Assert.Equal(["合计", "", "", "", ""], grid.RowTexts(1));
        Assert.Contains(table.Fragments[^1].Notes, n => n.Contains("故本表无数据", StringComparison.Ordinal));
    }

    [Fact]
    public void Lone_total_line_continues_a_ruled_header_that_ends_the_page_before()
    {
        // syn_003: 2021年政府性基金预算财政拨款支出决算表 is a ruled header row at the bottom of p11; its 合计 (unruled)
        // and the 本表无数据 note open p12. The borderless one-row fragment was not joined to the ruled table.
        var file = Extract("syn_003_2021_final_dept.pdf", 11, 12);
        var table = Assert.Single(file.Tables, t => t.Title == "2021年政府性基金预算财政拨款支出决算表");
        Assert.Equal([11, 12], table.Pages);
        Assert.Equal((2, 5), (table.RowCount, table.ColCount));
        var grid = TableGrid.Of(table);
        Assert.Equal(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], grid.RowTexts(0));
        // 合计 (x 157-175) lies right of the ruled 科目编码 column: in the 科目名称 column.
        Assert.Equal(["", "合计", "", "", ""], grid.RowTexts(1));
        Assert.Equal([11, 12], table.RowPages);
    }

    [Fact]
    public void Lone_body_row_under_a_continuation_mark_continues_the_table_of_the_page_before()
    {
        // Generated syn_160 (make bench-errors, seed 20261126), pages 14-15 cut out with qpdf: the 基本支出 table ends
        // with 310 资本性支出 on p14; p15 opens with 续表 and one row, 310 02 办公设备购置 … 275,981.66. The one-row
        // page was no table, so the row was lost and T6's public_operating roll-up failed.
        var extractor = new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);
        var file = extractor.Extract(Path.Combine(RepoPaths.Root, "tests", "Ingest.Pdf.Tests", "Fixtures", "syn_160_p14-15_lone_body_row.pdf"));
        var table = Assert.Single(file.Tables, t => t.Pages.Contains(1));
        Assert.Equal([1, 2], table.Pages);
        var grid = TableGrid.Of(table);
        var last = grid.RowTexts(grid.RowCount - 1).ToList();
        Assert.Equal("办公设备购置", last[2]);
        Assert.Equal(["275,981.66", "0.00", "275,981.66"], last.TakeLast(3));
        Assert.Equal("资本性支出", grid.RowTexts(grid.RowCount - 2).ToList()[2]);
    }

    [Fact]
    public void Gutter_covered_by_a_centred_parent_is_cut_where_no_leaf_header_lies()
    {
        // 本年一般公共预算基本支出 is centred over 合计|人员经费|公用经费 and covers the whole gutter between the 合计 and
        // 人员经费 figures: the cut must not go through 人员经费.
        var page = Assert.Single(Extract("syn_017_2023_budget_dept.pdf", 10).Pages);
        var table = page.Tables.Single(t => t.Title == "2023年基本支出明细表（按经济分类）");
        Assert.Equal(5, table.ColCount);
        var grid = TableGrid.Of(table);
        Assert.Equal(["科目编码", "科目名称", "合计", "人员经费", "公用经费"], grid.RowTexts(1));
        Assert.Equal("本年一般公共预算基本支出", grid.Text(0, 2));
        Assert.Equal(3, grid[0, 2]!.ColSpan);
        Assert.Equal(["", "合计", "940.23", "782.44", "157.79"], grid.RowTexts(2));
    }

    [Fact]
    public void Header_parent_does_not_span_cells_that_start_a_level_higher_than_its_children()
    {
        // 三公 table with header levels one line apart: 公务用车购置及运行费 spans 小计|购置费|运行费 only; the cells
        // beside it (centred over both levels) span the header's two rows.
        var page = Assert.Single(Extract("syn_006_2024_budget_dept.pdf", 13).Pages);
        var table = Assert.Single(page.Tables);
        Assert.Equal(7, table.ColCount);
        Assert.Equal(2, table.HeaderRows);
        var grid = TableGrid.Of(table);
        Assert.Equal("公务用车购置及运行费", grid.Text(0, 2));
        Assert.Equal(3, grid[0, 2]!.ColSpan);
        Assert.Equal(["“三公”经费合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费", "机关运行经费"], grid.RowTexts(1));
        Assert.Equal(2, grid[0, 0]!.RowSpan);
        Assert.Equal(2, grid[0, 6]!.RowSpan);
    }

    [Fact]
    public void Parent_header_word_over_a_gap_does_not_hide_a_blank_column()
    {
        // 人员经费 is centred over 工资福利支出|对个人和家庭的补助 and lies over the gap between them; the 对个人和家庭的补助
        // column is blank in every line. The parent must not stop the leaf cut.
        var table = Assert.Single(Assert.Single(Extract("syn_016_2022_final_dept.pdf", 12).Pages).Tables);
        Assert.Equal(13, table.ColCount);
        var grid = TableGrid.Of(table);
        var leaves = grid.RowTexts(table.HeaderRows - 1).ToList();
        Assert.Equal("工资福利支出", leaves[6]);
        Assert.Equal("对个人和家庭的补助", leaves[7]);
        Assert.Equal("商品和服务支出", leaves[8]);
        var r = RowOf(grid, 3, "合计");
        Assert.Equal("27,317,457.28", grid.Text(r, 6));
        Assert.Equal("", grid.Text(r, 7));
        Assert.Equal("4,179,438.90", grid.Text(r, 8));
    }

    [Fact]
    public void Header_parent_spans_only_its_own_children_in_a_three_level_borderless_header()
    {
        // 合计 is centred on the whole header beside 基本支出; 基本支出's 小计 sits a level above 人员经费's children; the
        // project 小计 belongs to 项目支出, not to 公用经费.
        var table = Assert.Single(Assert.Single(Extract("syn_016_2022_final_dept.pdf", 12).Pages).Tables);
        Assert.Equal(3, table.HeaderRows);
        var grid = TableGrid.Of(table);
        Assert.Equal("合计", grid.Text(0, 4));
        Assert.Equal(3, grid[0, 4]!.RowSpan);
        Assert.Equal("基本支出", grid.Text(0, 5));
        Assert.Equal((5, 5), (grid[0, 5]!.Col, grid[0, 5]!.ColSpan));
        Assert.Equal("小计", grid.Text(1, 5));
        Assert.Equal(2, grid[1, 5]!.RowSpan);
        Assert.Equal((6, 2), (grid[1, 6]!.Col, grid[1, 6]!.ColSpan));
        Assert.Equal("人员经费", grid.Text(1, 6));
        Assert.Equal((8, 2), (grid[1, 8]!.Col, grid[1, 8]!.ColSpan));
        Assert.Equal("公用经费", grid.Text(1, 8));
        Assert.Equal("项目支出", grid.Text(0, 10));
        Assert.Equal((10, 3), (grid[0, 10]!.Col, grid[0, 10]!.ColSpan));
        Assert.Equal(["小计", "其他运转类", "特定目标类"], grid.RowTexts(2).Skip(10));
    }

    [Fact]
    public void Four_level_borderless_header_with_levels_half_a_line_apart_keeps_each_parent_over_its_children()
    {
        // 本年支出 > 合计 | 基本支出 (小计 | 人员经费 > 工资福利支出, 对个人和家庭的补助 | 公用经费 > 商品和服务支出, 资本性支出)
        // | 项目支出 (小计 | 其他运转类 | 特定目标类); wrapped and single-line cells centred in the same level.
        var page = Assert.Single(Extract("syn_007_2025_final_dept.pdf", 10).Pages);
        var table = page.Tables.Single(t => t.Title == "2025年一般公共预算支出决算表");
        Assert.Equal(11, table.ColCount);
        Assert.Equal(4, table.HeaderRows);
        var grid = TableGrid.Of(table);
        (int Col, int Span, int Row, int RowSpan) At(int r, int c) => (grid[r, c]!.Col, grid[r, c]!.ColSpan, grid[r, c]!.Row, grid[r, c]!.RowSpan);
        Assert.Equal("本年支出", grid.Text(0, 2));
        Assert.Equal((2, 9, 0, 1), At(0, 2));
        Assert.Equal("合计", grid.Text(1, 2));
        Assert.Equal((2, 1, 1, 3), At(1, 2));
        Assert.Equal("基本支出", grid.Text(1, 3));
        Assert.Equal((3, 5, 1, 1), At(1, 3));
        Assert.Equal("小计", grid.Text(2, 3));
        Assert.Equal((3, 1, 2, 2), At(2, 3));
        Assert.Equal("人员经费", grid.Text(2, 4));
        Assert.Equal((4, 2, 2, 1), At(2, 4));
        Assert.Equal("公用经费", grid.Text(2, 6));
        Assert.Equal((6, 2, 2, 1), At(2, 6));
        Assert.Equal("项目支出", grid.Text(1, 8));
        Assert.Equal((8, 3, 1, 2), At(1, 8));
        Assert.Equal(["工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "小计", "其他运转类", "特定目标类"], grid.RowTexts(3).Skip(4));
    }
}
