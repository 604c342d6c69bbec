using System.Text.Json;
using Ingest.Core.Layout;
using Ingest.Pdf.Output;
using Ingest.Pdf.Text;

namespace Ingest.Pdf.Tests;

public sealed class OutputTests
{
    private static TableFragment Sample() => new()
    {
        Page = 3,
        RowCount = 2,
        ColCount = 2,
        Title = "收入预算总表",
        UnitText = "单位：万元",
        Cells =
        [
            new TableCell(0, 0, 1, 2, "项目", default),
            new TableCell(1, 0, 1, 1, "合计", default),
            new TableCell(1, 1, 1, 1, "1,234.50", default),
        ],
    };

    [Fact]
    public void Json_lists_cells_with_spans_on_the_top_left_cell()
    {
        var f = Sample();
        var logical = new LogicalTable { Fragments = [f], RowCount = 2, ColCount = 2, Cells = f.Cells, RowPages = [3, 3] };
        using var doc = JsonDocument.Parse(TableJson.ToJson([logical]));
        var t = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(3, t.GetProperty("page").GetInt32());
        Assert.Equal(3, Assert.Single(t.GetProperty("pages").EnumerateArray().ToList()).GetInt32());
        Assert.Equal("收入预算总表", t.GetProperty("title").GetString());
        Assert.Equal("单位：万元", t.GetProperty("unit").GetString());
        var cells = t.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(3, cells.Count);
        Assert.Equal(2, cells[0].GetProperty("col_span").GetInt32());
        Assert.Equal(1, cells[0].GetProperty("row_span").GetInt32());
        Assert.Equal("1,234.50", cells[2].GetProperty("text").GetString());
        Assert.Equal(1, cells[2].GetProperty("row").GetInt32());
        Assert.Equal(1, cells[2].GetProperty("col").GetInt32());
    }

    [Fact]
    public void Csv_quotes_commas_and_leaves_covered_slots_empty()
    {
        using var w = new StringWriter();
        TableCsv.Write(w, Sample());
        Assert.Equal("项目,\r\n合计,\"1,234.50\"\r\n", w.ToString());
    }

    [Fact]
    public void Chinese_joins_without_spaces_and_latin_keeps_them()
    {
        static Glyph G(string t, double left, double top, double w = 10) => new(t, left, top, left + w, top + 10, 10, true);
        var cjk = new List<Glyph> { G("事", 0, 0), G("业", 10, 0), G("单", 20, 0), G("位", 30, 0), G("经", 0, 12), G("营", 10, 12) };
        Assert.Equal("事业单位经营", LineBuilder.CellText(cjk));
        var latin = new List<Glyph> { G("t", 0, 0, 4), G("o", 4, 0, 5), G("a", 13, 0, 5), G("i", 18, 0, 3), G("r", 21, 0, 4), G("k", 0, 12, 5), G("g", 5, 12, 5) };
        Assert.Equal("to air kg", LineBuilder.CellText(latin));
    }
}
