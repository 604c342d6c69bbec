namespace Ingest.Core.Tests.Catalog;

public sealed class CodeCatalogTests
{
    [Theory]
    [InlineData("一、一般公共服务支出", "201")]
    [InlineData("（八）社会保障和就业支出", "208")]
    [InlineData("十五、资源勘探信息等", "215")]
    [InlineData("十三、农林水事务", "213")]
    [InlineData("七、文化体育与传媒支出", "207")]          // pre-2018 name
    [InlineData("九、医疗卫生与计划生育支出", "210")]      // pre-2018 name
    [InlineData("文化旅游体育与传媒支出", "207")]
    [InlineData("住房保障", "221")]
    public void Function_lines_are_found_by_current_and_historical_names(string label, string code) =>
        Assert.Equal(code, CodeCatalog.Default.FunctionalLeiByName(label));

    [Fact]
    public void Codes_are_looked_up_with_their_names()
    {
        Assert.Equal("一般公共服务支出", CodeCatalog.Default.Functional("201")!.Name);
        Assert.Equal("基本工资", CodeCatalog.Default.Economic("30101")!.Name);
        Assert.Equal("工资奖金津补贴", CodeCatalog.Default.Economic("50101")!.Name);
        Assert.Null(CodeCatalog.Default.Functional("2999999"));
    }
}
