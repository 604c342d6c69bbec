using Ingest.Core.Text;

namespace Ingest.Core.Tests.Text;

public sealed class ChineseTextTests
{
    [Theory]
    [InlineData("部⻔预算", "部门预算")]        // CJK radicals supplement U+2ED4
    [InlineData("公务用⻋", "公务用车")]        // U+2ECB
    [InlineData("⼀般公共预算", "一般公共预算")]  // Kangxi radical U+2F00 (NFKC)
    [InlineData("２０２４年", "2024年")]        // full-width digits
    [InlineData("单位：万元", "单位:万元")]      // full-width colon
    [InlineData("“三公”经费", "\"三公\"经费")]
    public void Fold_maps_compatibility_forms_to_plain_characters(string input, string expected) =>
        Assert.Equal(expected, ChineseText.Fold(input));

    [Fact]
    public void Clean_removes_spaces_between_chinese_characters_but_keeps_latin_words()
    {
        Assert.Equal("一般公共服务支出", ChineseText.Clean("一 般 公 共 服 务 支 出"));
        Assert.Equal("ICDAR table 2013", ChineseText.Clean("ICDAR   table 2013"));
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十三", 23)]
    public void Chinese_ordinals(string text, int value) => Assert.Equal(value, ChineseText.ParseChineseNumber(text));
}
