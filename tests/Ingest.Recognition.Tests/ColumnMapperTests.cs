namespace Ingest.Recognition.Tests;

public sealed class ColumnMapperTests
{
    private static List<MappedColumn> Map(TableFamily family, params string[][] paths) =>
        ColumnMapper.Map(family, paths.Select(p => (IReadOnlyList<string>)p).ToList(),
            paths.Select(p => p[^1] is "科目名称" or "单位（科目名称）" or "项目").ToList(),
            paths.Select(_ => false).ToList());

    [Fact]
    public void Seed_general_public_expenditure_header_maps_to_canonical_columns()
    {
        // 一般公共预算支出预算表 of the seed: three header rows with merged cells.
        var columns = Map(TableFamily.Functional,
            ["科目编码", "类"], ["科目编码", "款"], ["科目编码", "项"], ["单位代码"], ["单位（科目名称）"], ["合计"],
            ["基本支出", "小计"], ["基本支出", "人员经费", "工资福利支出"], ["基本支出", "人员经费", "对个人和家庭 的补助"],
            ["基本支出", "公用经费", "商品和服务 支出"], ["基本支出", "公用经费", "资本性支出"],
            ["项目支出", "小计"], ["项目支出", "其他运转类"], ["项目支出", "特定目标类"]);
        Assert.Equal(
            ["funclei", "funckuan", "funcxiang", "unitcode", "name", "total", "basic", "wages_benefits", "household_subsidies", "goods_services", "capital_expenditure", "project", "project_operating", "project_specific"],
            columns.Select(c => c.Id));
    }

    [Fact]
    public void Revenue_sources_under_carry_over_are_kept_apart()
    {
        var columns = Map(TableFamily.Revenue,
            ["部门(单位)代码"], ["部门(单位)名称"], ["总计"], ["本年收入", "合计"], ["本年收入", "一般公共预算", "小计"],
            ["本年收入", "一般公共预算", "其中：财政拨款"], ["本年收入", "政府性 基金"], ["本年收入", "事业收 入"],
            ["上年结转结余", "合计"], ["上年结转结余", "一般公 共预算"]);
        Assert.Equal(
            ["unitcode", "name", "total", "current_year_income", "general_public_budget", "fiscal_grant", "government_fund", "business_income", "prior_carryover", "prior_carryover.general_public_budget"],
            columns.Select(c => c.Id));
    }

    [Fact]
    public void Three_public_table_with_meeting_and_training_has_a_grand_total()
    {
        var columns = Map(TableFamily.ThreePublic,
            ["合计"], ["\"三公\"经费", "小计"], ["\"三公\"经费", "因公出国（境）费"], ["\"三公\"经费", "公务用车购置及运行维护费", "小计"],
            ["\"三公\"经费", "公务用车购置及运行维护费", "公务用车购置费"], ["\"三公\"经费", "公务用车购置及运行维护费", "公务用车运行维护费"],
            ["\"三公\"经费", "公务接待费"], ["会议费"], ["培训费"]);
        Assert.Equal(
            ["grand_total", "total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception", "meeting", "training"],
            columns.Select(c => c.Id));
    }

    [Fact]
    public void Completion_rate_columns_map_to_completion_rate()
    {
        // A 决算 三公 table printing 预算数 | 决算数 | 完成率(%) side by side: the rate is checked by final.completion_rate.
        var threePublic = Map(TableFamily.ThreePublic, ["项目"], ["预算数"], ["决算数"], ["完成率(%)"]);
        Assert.Equal(["name", "budget_amount", "final_amount", "completion_rate"], threePublic.Select(c => c.Id));

        // 预算完成率 and 执行率 are the same rate under other names, in any table.
        var functional = Map(TableFamily.Functional, ["科目编码"], ["科目名称"], ["合计"], ["预算完成率"]);
        Assert.Equal("completion_rate", functional.Single(c => c.Index == 3).Id);
        var other = Map(TableFamily.Other, ["项目"], ["年初预算数"], ["执行率（%）"]);
        Assert.Equal("completion_rate", other.Single(c => c.Index == 2).Id);
        Assert.Equal(ColumnRole.Value, other.Single(c => c.Index == 2).Role);
    }

    [Fact]
    public void Unknown_columns_keep_their_printed_header()
    {
        var columns = Map(TableFamily.Functional, ["科目编码"], ["科目名称"], ["合计"], ["备用金"]);
        var unknown = columns.Single(c => c.Index == 3);
        Assert.Equal("col3", unknown.Id);
        Assert.Equal(["备用金"], unknown.Path);
    }

    [Fact]
    public void Two_sided_tables_get_income_and_expenditure_sides()
    {
        var columns = ColumnMapper.Map(TableFamily.TwoSided,
            [["收入", "项目"], ["收入", "金额"], ["支出", "项目"], ["支出", "合计"], ["支出", "一般公共预算", "小计"], ["支出", "政府性基金"]],
            [true, false, true, false, false, false], [false, false, false, false, false, false]);
        Assert.Equal(["income", "income", "expenditure", "expenditure", "expenditure", "expenditure"], columns.Select(c => c.Side));
        Assert.Equal(["label", "amount", "label", "total", "general_public_budget", "government_fund"], columns.Select(c => c.Id));
    }
}
