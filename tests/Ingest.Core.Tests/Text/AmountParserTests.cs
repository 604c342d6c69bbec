using Ingest.Core.Text;

namespace Ingest.Core.Tests.Text;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("96,282,213.44", "96282213.44", 2)]
    [InlineData("335.71", "335.71", 2)]
    [InlineData("0.00", "0", 2)]
    [InlineData("0", "0", 0)]
    [InlineData("1 1 39.1 9", "1139.19", 2)]
    [InlineData("(12.30)", "-12.30", 2)]
    [InlineData("-568.63", "-568.63", 2)]
    [InlineData("△5.5", "-5.5", 1)]
    [InlineData("１２３．４５", "123.45", 2)]
    [InlineData("-", "0", 0)]
    [InlineData("—", "0", 0)]
    public void Parses_printed_amounts_exactly(string printed, string expected, int scale)
    {
        Assert.True(AmountParser.TryParse(printed, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount.Value);
        Assert.Equal(scale, amount.Scale);
        Assert.Equal(printed, amount.Text);
    }

    [Fact]
    public void Blank_is_not_zero()
    {
        Assert.True(AmountParser.TryParse("  ", out var blank));
        Assert.True(blank.IsBlank);
        Assert.Null(blank.Value);
        Assert.True(AmountParser.TryParse("0.00", out var zero));
        Assert.False(zero.IsBlank);
    }

    [Theory]
    [InlineData("合计")]
    [InlineData("2022年")]
    [InlineData("12a")]
    [InlineData("本部门无政府性基金")]
    public void Labels_are_not_amounts(string text) => Assert.False(AmountParser.TryParse(text, out _));

    [Fact]
    public void Half_unit_follows_the_printed_precision()
    {
        AmountParser.TryParse("335.71", out var a);
        Assert.Equal(0.005m, a.HalfUnit);
        AmountParser.TryParse("9628.2", out var b);
        Assert.Equal(0.05m, b.HalfUnit);
    }

    [Theory]
    [InlineData("单位：万元", "万元")]
    [InlineData("单位:元", "元")]
    [InlineData("金额单位：万元", "万元")]
    [InlineData("（单位：千元）", "千元")]
    [InlineData("编制部门：上海市普陀区司法局 单位：元", "元")]
    public void Unit_lines_are_read(string line, string unit) => Assert.Equal(unit, MoneyUnit.FromLine(line));

    [Fact]
    public void Lines_without_a_unit_give_null() => Assert.Null(MoneyUnit.FromLine("部门名称：某局"));

    [Fact]
    public void Multipliers_convert_to_yuan()
    {
        Assert.Equal(10_000m, MoneyUnit.Multiplier("万元"));
        Assert.Equal(1m, MoneyUnit.Multiplier("元"));
        Assert.Equal(1_000m, MoneyUnit.Multiplier("千元"));
    }
}
