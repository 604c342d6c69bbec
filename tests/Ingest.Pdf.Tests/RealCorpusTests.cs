using Ingest.Core.Layout;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

/// <summary>
/// Pins what the engine finds in each real document of ../shared/corpus-real (read in place, never copied):
/// the number of logical tables and, for key tables (收支总表, 一般公共预算支出表, 三公 table), their size and a
/// few cells checked by eye against <c>pdftotext -layout</c>.
/// </summary>
public sealed class RealCorpusTests
{
    /// <summary>A key table: a title fragment, its page, rows × columns, and (row, col, text) cells.</summary>
    public sealed record Key(string Title, int Page, int Rows, int Cols, params (int Row, int Col, string Text)[] Cells);

    private static readonly Dictionary<string, (int Tables, Key[] Keys)> Expected = new(StringComparer.Ordinal)
    {
        ["js_gaoyuan_2019_budget_dept.pdf"] = (13,
        [
            new("收支预算总表", 8, 27, 6, (3, 0, "一、财政拨款"), (3, 1, "37,188.34"), (3, 5, "21,968.00")),
            new("一般公共预算支出预算表", 12, 19, 3, (1, 2, "37,188.34"), (2, 0, "204"), (2, 1, "公共安全支出")),
            new("“三公”经费", 14, 4, 9, (3, 0, "2,382.02"), (3, 2, "160.00"), (3, 8, "1,597.25")),
        ]),
        ["js_jianchayuan_2018_budget_dept.pdf"] = (16,
        [
            new("财政拨款收支预算总表", 15, 7, 4, (3, 0, "一、一般公共预算"), (3, 1, "21,940.96"), (3, 3, "13,979.92")),
            new("一般公共预算支出预算表", 17, 16, 3, (1, 2, "21,940.96"), (2, 0, "204"), (3, 1, "检察")),
        ]),
        ["js_renda-bgt_2017_budget_dept.pdf"] = (13,
        [
            new("收支预算总表", 7, 25, 6, (3, 0, "一、财政拨款"), (3, 1, "13,649.07"), (3, 3, "10,528.33")),
            new("一般公共预算支出预算表", 16, 20, 3, (1, 2, "13,649.07"), (2, 1, "一般公共服务支出")),
        ]),
        ["js_renda-bgt_2019_budget_dept_tables.pdf"] = (12,
        [
            new("收支预算总表", 1, 27, 6, (3, 1, "18,330.37"), (3, 3, "13,907.78"), (3, 5, "9,312.90")),
            new("一般公共预算支出预算表", 7, 22, 3, (1, 2, "18,330.37"), (3, 0, "20101")),
            new("“三公”经费", 9, 4, 9, (3, 0, "2,600.71"), (3, 6, "384.75"), (3, 8, "363.38")),
        ]),
        ["js_renda-bgt_2019_budget_dept_text.pdf"] = (0, []),
        ["js_shengwei-bgt_2017_budget_dept_tables.pdf"] = (12,
        [
            new("收支预算总表", 1, 26, 6, (3, 1, "20,702.25"), (3, 3, "16,992.37")),
            new("一般公共预算支出预算表", 8, 13, 3, (1, 2, "20,702.25"), (3, 1, "党委办公厅（室）及相关机构事务")),
            new("“三公”经费", 11, 4, 9, (3, 0, "1,467.70"), (3, 7, "933.50")),
        ]),
        ["js_shengwei-bgt_2017_budget_dept_text.pdf"] = (0, []),
        ["js_zhengxie-bgt_2018_budget_dept_tables.pdf"] = (12,
        [
            new("收支预算总表", 1, 26, 6, (3, 1, "10,070.48"), (3, 5, "5,678.17")),
            new("一般公共预算支出预算表", 7, 18, 3, (1, 2, "10,070.48"), (3, 1, "政协事务")),
            new("“三公”经费", 9, 4, 9, (3, 0, "1,656.86"), (3, 8, "97.60")),
        ]),
        ["js_zhengxie-bgt_2018_budget_dept_text.pdf"] = (0, []),
        ["sh-putuo_caizhengju_2024_final_dept.pdf"] = (10,
        [
            new("收入支出决算总表", 6, 32, 4),
            new("“三公”经费支出决算表", 18, 6, 12, (0, 0, "财政拨款“三公”经费"), (1, 2, "因公出国（境）费")),
        ]),
        ["sh-putuo_shangwuwei_2025_budget_unit.pdf"] = (10,
        [
            new("财务收支预算总表", 9, 16, 7, (0, 0, "本年收入")),
            new("财政拨款收支预算总表", 14, 15, 7, (2, 0, "一、一般公共预算资金"), (2, 1, "371,514,655.00"), (2, 3, "21,601,733.00")),
            new("一般公共预算支出功能分类预算表", 15, 34, 7, (3, 0, "201"), (3, 3, "一般公共服务支出"), (3, 6, "9,310,000.00")),
            new("“三公”经费", 21, 4, 7, (2, 3, "小计")),
        ]),
        ["sh-putuo_sifaju_2026_budget_dept.pdf"] = (9,
        [
            new("财务收支预算总表", 10, 16, 4, (2, 1, "96,282,213.44"), (15, 0, "收入总计")),
            new("一般公共预算支出功能分类预算表", 15, 25, 7),
            new("“三公”经费", 21, 4, 7),
        ]),
        ["sh-putuo_wanli-jiedao_2023_budget_dept.pdf"] = (16,
        [
            new("财务收支预算总表", 10, 16, 4),
            new("一般公共预算支出功能分类预算表", 20, 70, 7),
            new("“三公”经费", 28, 4, 7, (3, 0, "22.91"), (3, 2, "1.35"), (3, 6, "786.09"), (2, 4, "购置费")),
            new("财政项目支出绩效目标填报表", 31, 16, 8),
        ]),
        ["sh-putuo_wanli-jiedao_2025_budget_dept.pdf"] = (10,
        [
            new("财务收支预算总表", 9, 16, 4),
            new("一般公共预算支出功能分类预算表", 20, 70, 7),
            new("“三公”经费", 29, 4, 7),
        ]),
        ["sh-putuo_zhengfu-bangongshi_2025_budget_dept.pdf"] = (9,
        [
            new("财务收支预算总表", 8, 16, 4),
            new("一般公共预算支出功能分类预算表", 14, 24, 7),
            new("“三公”经费", 20, 4, 7),
        ]),
    };

    public static TheoryData<string> Files() => new(Expected.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_real_file_is_pinned() =>
        Assert.Equal(
            Directory.GetFiles(RepoPaths.CorpusReal, "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Expected.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_file_tables_are_found(string name)
    {
        var extractor = new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);
        var file = extractor.Extract(RepoPaths.RealFile(name));
        Assert.True(file.Readable);
        var (count, keys) = Expected[name];
        Assert.Equal(count, file.Tables.Count);
        foreach (var key in keys)
        {
            var table = Assert.Single(file.Tables, t => (t.Title ?? "").Contains(key.Title, StringComparison.Ordinal) && t.Pages[0] == key.Page);
            Assert.Equal((key.Rows, key.Cols), (table.RowCount, table.ColCount));
            var grid = TableGrid.Of(table);
            foreach (var (row, col, text) in key.Cells)
            {
                Assert.Equal(text, grid.Text(row, col));
            }
        }
    }
}
