using Ingest.Pdf.Text;

namespace Ingest.Pdf.Tests;

/// <summary>Run splitting of text lines (the words stream tables are built from).</summary>
public sealed class LineBuilderTests
{
    private const double Size = 8.5;

    /// <summary>Ideographs set edge to edge from <paramref name="left"/>, on one baseline.</summary>
    private static IEnumerable<Glyph> Solid(string text, double left, double top = 157.23) =>
        text.Select((c, i) => new Glyph(c.ToString(), left + (i * Size), top, left + ((i + 1) * Size), top + Size, Size, true));

    private static List<string> Runs(IEnumerable<Glyph> glyphs, double gapFactor = 1.0) =>
        LineBuilder.BuildRows(glyphs, gapFactor).SelectMany(r => r.Runs).Select(r => r.Text).ToList();

    [Fact]
    public void Rotated_borderless_header_words_of_neighbouring_columns_are_not_glued_into_one_run()
    {
        // syn_232 page 13 (/Rotate 90, 一般公共预算支出表): the wrapped headers 对个人和家庭|的补助 and 商品和服务支|出 of two
        // narrow columns sit 0.86 characters apart on one line, under the 1-character run gap: one run
        // "对个人和家庭商品和服务支" garbled the basic-expenditure header and left two columns unmapped.
        var glyphs = Solid("对个人和家庭", 459.67).Concat(Solid("商品和服务支", 518.00));
        Assert.Equal(["对个人和家庭", "商品和服务支"], Runs(glyphs));

        // syn_330 page 12, a 10-point header: three columns' wrapped words 0.66 characters apart.
        const double ten = 10;
        var three = "工资福利支对个人和家商品和服务".Select((c, i) =>
        {
            var left = 413 + (i * ten) + (i / 5 * 0.66 * ten);
            return new Glyph(c.ToString(), left, 158.1, left + ten, 158.1 + ten, ten, true);
        });
        Assert.Equal(["工资福利支", "对个人和家", "商品和服务"], Runs(three));
    }

    [Fact]
    public void Letter_spaced_chinese_and_half_width_spaces_stay_one_run()
    {
        // 合  计: letters spaced out, not a gutter between two solid words.
        var spaced = new[]
        {
            new Glyph("合", 100, 50, 100 + Size, 50 + Size, Size, true),
            new Glyph("计", 100 + (1.8 * Size), 50, 100 + (2.8 * Size), 50 + Size, Size, true),
        };
        Assert.Equal(["合计"], Runs(spaced));

        // A half-width space between two phrases of one line (a table of contents entry) does not split it.
        var spaced2 = Solid("第三部分", 200).Concat(Solid("名称解释", 200 + (4.5 * Size)));
        Assert.Equal(["第三部分名称解释"], Runs(spaced2));
    }
}
