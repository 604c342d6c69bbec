using Ingest.Core;
using Ingest.Core.Records;

namespace Ingest.Recognition.Tests;

/// <summary>
/// Titles, header cells and row labels as printed in published disclosures of other provinces and
/// years (not in the development corpus). Each case names its source page; the texts are copied as
/// printed (ordinals, numbering and typos included), the expected ids are ours.
/// </summary>
/// <remarks>
/// Sources (stored public pages):
/// S1 湖北 随州 曾都区 2021 决算  https://pdf.wenkuvip.com/archives/769xb3le5kpb0lmzpngj.html
/// S2 云南 耿马 2022 决算        https://www.yngm.gov.cn/info/1086/81598.htm
/// S3 四川 泸州 2023 单位决算    http://www.lzszyyy.com/content/3654.html
/// S4 四川 渠县 2024 单位决算    http://www.quxian.gov.cn/xxgk-show-64159.html
/// S5 陕西 柞水 2020 决算        http://219.145.244.73:88/html/zwgk/czysjs/118395.html
/// S6 山东 / 重庆 秀山 (excerpts of several budgets) https://docsplayer.com/amp/106989306-2018年山东省商业集团有限公司部门预算.html
/// S7 湖南 岳阳县 2017 三公      http://yyx.gov.cn/37584/38146/38306/content_1180192.html
/// S8 广西 桂林 2015 三公        http://honghao99.com/html/contentscontent-2015-3-18-781197.html
/// S9 重庆 江北 2021 三公        http://www.cqjb.gov.cn/zwgk_190/zfxxgkml/czyjs/ys/qzf/202104/t20210409_9097453.html
/// S10 江苏 南通 2016 三公       http://gzw.nantong.gov.cn/ntsgzw/bmyjshsg/content/ae192308-2880-4f59-87b1-2c3334e66205.html
/// S11 经开区 2023 三公          https://www.chacewang.com/newsdetail/news289706.html
/// S12 甘肃 天水 2017 决算       http://www.kmxxf.com/jyj/info/1217/105784.htm
/// S13 湖北 南漳 2019 决算       http://www.hbnz.gov.cn/bmxz/bm/zsfwzx/fdzdgk/czgk/202010/t20201021_2291670.shtml
/// S14 上海 (区河湖管理中心) 2021 决算 http://m.qingkuitech.com/zwgk/009002/009002001/009002001002/009002001002027/009002001002027006/20220922/4a320048-2652-47ff-b618-3487a8605e62.html
/// S15 新疆 乌鲁木齐 2023 决算   http://upcchem.com/wlmqs/c119485/202501/b6ed714d8d334d43bcd1e201fd61491c.shtml
/// S16 贵州 德江 2025 预算       https://www.dejiang.gov.cn/zwgk/xxgkml/zdlyxxgk/czxx/czyjsjsgjf/202504/t20250409_87494926.html
/// S17 甘肃 临潭 2022 决算       http://www.lintan.gov.cn/info/1175/21639.htm
/// S18 四川 2022 单位决算 (narrative) https://dyrmt.com/article-133619-2.html
/// S20 云南 腾冲 2017 决算 (page shown in traditional characters; titles given here in simplified) https://dhap.com.cn/info/8908/4023953.htm
/// S21 上海 松江 2021 决算       http://xuanmou123.com/zwgk/009002/009002001/009002001002/009002001002027/009002001002027007/20220922/7108ae3a-54d0-4f76-a854-68fd6942a7c5.html
/// S22 新疆 博乐 决算 (21 tables, titles in 《》) https://www.xjbl.gov.cn/info/2256/32775.htm
/// S19 2023 单位决算 (narrative) http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1443/upload20241014/553A6CF7F3D64A49C4A6E4DE805B91F7.html
/// </remarks>
public sealed class WebVariantTests
{
    [Theory]
    // S1: 表 N: numbering, full 9-table final-account set.
    [InlineData("表 1:收入支出决算总表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("表 2:收入决算表", TableTypes.FinalRevenue)]
    [InlineData("表 3:支出决算表", TableTypes.FinalExpenditure)]
    [InlineData("表 4:财政拨款收入支出决算总表", TableTypes.FinalFiscalGrantSummary)]
    [InlineData("表 5:一般公共预算财政拨款支出决算表", TableTypes.FinalGeneralPublicExpenditure)]
    [InlineData("表 6:一般公共预算财政拨款基本支出决算表", TableTypes.FinalGeneralPublicBasicExpenditure)]
    [InlineData("表 7:一般公共预算财政拨款“三公”经费支出决算表", TableTypes.FinalThreePublicCosts)]
    [InlineData("表 8:政府性基金预算财政拨款收入支出决算表", TableTypes.FinalGovernmentFund)]
    [InlineData("表 9:国有资本经营预算财政拨款支出决算表", TableTypes.FinalStateCapital)]
    // S2: Yunnan numbers with 一、 and names the fund tables 收入支出决算表.
    [InlineData("一、收入支出决算表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("四、财政拨款收入支出决算表", TableTypes.FinalFiscalGrantSummary)]
    [InlineData("五、一般公共预算财政拨款收入支出决算表", TableTypes.FinalGeneralPublicExpenditure)]
    [InlineData("六、一般公共预算财政拨款基本支出决算表", TableTypes.FinalGeneralPublicBasicExpenditure)]
    [InlineData("八、政府性基金预算财政拨款收入支出决算表", TableTypes.FinalGovernmentFund)]
    [InlineData("九、国有资本经营预算财政拨款收入支出决算表", TableTypes.FinalStateCapital)]
    // S4: Sichuan 2024 (13 tables; 明细表 and 项目支出 ones have no catalogue id, see below).
    [InlineData("一、收入支出决算总表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("八、一般公共预算财政拨款基本支出决算明细表", TableTypes.FinalGeneralPublicBasicExpenditure)]
    [InlineData("十一、国有资本经营预算财政拨款收入支出决算表", TableTypes.FinalStateCapital)]
    [InlineData("十二、国有资本经营预算财政拨款支出决算表", TableTypes.FinalStateCapital)]
    [InlineData("十三、财政拨款“三公”经费支出决算表", TableTypes.FinalThreePublicCosts)]
    // S5: 决算总表 for income and expenditure; 三公 with 会议费、培训费.
    [InlineData("二、收入决算总表", TableTypes.FinalRevenue)]
    [InlineData("三、支出决算总表", TableTypes.FinalExpenditure)]
    [InlineData("七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表", TableTypes.FinalThreePublicCosts)]
    // S14: same titles as S2 (九、国有资本经营预算财政拨款收入支出决算表) plus 资产负债情况表; S15: titles in book-title marks.
    [InlineData("九、《国有资本经营预算财政拨款收入支出决算表》", TableTypes.FinalStateCapital)]
    [InlineData("一、《收入支出决算总表》", TableTypes.FinalRevenueExpenditureSummary)]
    // S22: 新疆 博乐 (the catalogued ones of its 21 tables).
    [InlineData("《收入支出决算总表》", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("《收入决算表》", TableTypes.FinalRevenue)]
    [InlineData("《支出决算表》", TableTypes.FinalExpenditure)]
    [InlineData("《财政拨款收入支出决算总表》", TableTypes.FinalFiscalGrantSummary)]
    [InlineData("《一般公共预算财政拨款收入支出决算表》", TableTypes.FinalGeneralPublicExpenditure)]
    [InlineData("《一般公共预算财政拨款基本支出决算明细表》", TableTypes.FinalGeneralPublicBasicExpenditure)]
    [InlineData("《政府性基金预算财政拨款收入支出决算表》", TableTypes.FinalGovernmentFund)]
    // S6: institution-type prefixes of final accounts (高等学校…决算表).
    [InlineData("高等学校收支决算总表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("高等学校收入决算表", TableTypes.FinalRevenue)]
    [InlineData("高等学校支出决算表", TableTypes.FinalExpenditure)]
    // S6: Shandong budgets 2016–2018.
    [InlineData("一 收支预算总表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("二 收入预算表", TableTypes.RevenueSummary)]
    [InlineData("三 支出预算表", TableTypes.ExpenditureSummary)]
    [InlineData("四 财政拨款收支预算表", TableTypes.FiscalGrantSummary)]
    [InlineData("五 一般公共预算支出表", TableTypes.GeneralPublicExpenditure)]
    [InlineData("六 政府性基金预算支出表", TableTypes.GovernmentFundExpenditure)]
    [InlineData("七 财政拨款安排的基本支出预算表", TableTypes.GeneralPublicBasicExpenditure)]
    [InlineData("八 政府采购预算表", TableTypes.GovernmentProcurement)]
    [InlineData("九 一般公共预算 三公 经费支出表", TableTypes.ThreePublicCosts)]
    [InlineData("一 2016 年收支预算总表 ( 功能分类科目 )", TableTypes.RevenueExpenditureSummary)]
    [InlineData("二 2016 年收支预算总表 ( 经济分类科目 )", TableTypes.RevenueExpenditureSummary)]
    [InlineData("2019 年收支预算总表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("表 1 重庆市秀山土家族苗族自治县人民法院财政拨款收支总表", TableTypes.FiscalGrantSummary)]
    // S16: every title carries the organization and year; a typo (预算预算) as printed.
    [InlineData("一、德江县机关事务中心2025年部门收支总表", TableTypes.RevenueExpenditureSummary)]
    [InlineData("二、德江县机关事务中心2025年部门收入总表", TableTypes.RevenueSummary)]
    [InlineData("三、德江县机关事务中心2025年部门支出总表", TableTypes.ExpenditureSummary)]
    [InlineData("四、德江县机关事务中心2025年财政拨款收支总表", TableTypes.FiscalGrantSummary)]
    [InlineData("五、德江县机关事务中心2025年一般公共预算支出表", TableTypes.GeneralPublicExpenditure)]
    [InlineData("六、德江县机关事务中心2025年一般公共预算基本支出明细表(按经济分类)", TableTypes.GeneralPublicBasicExpenditure)]
    [InlineData("七、德江县机关事务中心2025年一般公共预算“三公”经费支出表", TableTypes.ThreePublicCosts)]
    [InlineData("八、德江县机关事务中心2025年政府性基金预算支出表", TableTypes.GovernmentFundExpenditure)]
    [InlineData("九、德江县机关事务中心2025年国有资本经营预算预算支出表", TableTypes.StateCapitalExpenditure)]
    [InlineData("十、德江县机关事务中心2025年一般公共预算项目支出表", TableTypes.ProjectExpenditure)]
    [InlineData("十一、德江县机关事务中心2025年项目支出绩效目标表", TableTypes.PerformanceTargetsProject)]
    // S17: 甘肃 orders 政府性基金 before 国有资本 and 三公 last.
    [InlineData("七、政府性基金预算财政拨款收入支出决算表", TableTypes.FinalGovernmentFund)]
    [InlineData("八、国有资本经营预算财政拨款支出决算表", TableTypes.FinalStateCapital)]
    [InlineData("九、一般公共预算财政拨款“三公”经费支出决算表", TableTypes.FinalThreePublicCosts)]
    // S7–S11: 三公 tables printed on their own.
    [InlineData("台创园2017年度部门“三公”经费预算情况表", TableTypes.ThreePublicCosts)]
    [InlineData("2015年桂林市司法局部门“三公”经费情况统计表", TableTypes.ThreePublicCosts)]
    [InlineData("2021年区本级“三公”经费预算支出表", TableTypes.ThreePublicCosts)]
    [InlineData("2016年市国资委财政拨款“三公”经费预算表", TableTypes.ThreePublicCosts)]
    [InlineData("经开区2023年一般公共预算“三公”经费预算情况表", TableTypes.ThreePublicCosts)]
    public void Published_titles_name_their_table(string title, string type)
    {
        var typing = TableTyper.FromTitle(title);
        Assert.NotNull(typing);
        Assert.Equal(type, typing.Value.Type);
    }

    [Theory]
    // S2/S4: tables the catalogue has no id for must not take the id of a catalogued table of the same document.
    [InlineData("七、一般公共预算财政拨款项目支出决算表")] // S2, S4 (a 9th table beside 一般公共预算财政拨款支出决算表)
    [InlineData("五、财政拨款支出决算明细表")] // S3, S4: function × economic cross table
    [InlineData("七、一般公共预算财政拨款支出决算明细表")] // S4
    [InlineData("十一、国有资产使用情况表")] // S2
    [InlineData("十、资产负债情况表")] // S14, S21
    [InlineData("八、财政专户管理资金收入支出决算表")] // S20: reads like T1 but is one fund's table
    [InlineData("《项目收入支出决算表》")] // S22
    [InlineData("《行政事业类项目收入支出决算表》")] // S22
    [InlineData("《基本建设类项目收入支出决算表》")] // S22
    [InlineData("《支出决算明细表》")] // S22
    [InlineData("《基本支出决算明细表》")] // S22: all funds, not the 一般公共预算 table
    [InlineData("《项目支出决算明细表》")] // S22
    [InlineData("《财政专户管理资金收入支出决算表》")] // S22
    [InlineData("《一般公共预算财政拨款项目支出决算明细表》")] // S22
    [InlineData("《政府性基金预算财政拨款支出决算明细表》")] // S22
    [InlineData("《政府性基金预算财政拨款基本支出决算明细表》")] // S22
    [InlineData("《政府性基金预算财政拨款项目支出决算明细表》")] // S22
    [InlineData("十三、部门整体支出绩效自评表")] // S2: results of a self-evaluation, not targets
    [InlineData("十四、项目支出绩效自评表")] // S2
    public void Published_titles_outside_the_catalogue_are_unknown(string title)
    {
        var typing = TableTyper.FromTitle(title);
        Assert.NotNull(typing);
        Assert.Equal(TableTypes.Unknown, typing.Value.Type);
    }

    [Theory]
    // S2: a final-account document titles its 三公 table without 决算.
    [InlineData("十、“三公”经费、行政参公单位机关运行经费情况表", TableTypes.FinalThreePublicCosts)]
    [InlineData("收入支出表", TableTypes.FinalRevenueExpenditureSummary)]
    [InlineData("九、“三公”经费、行政参公单位机关运行经费情况表", TableTypes.FinalThreePublicCosts)] // S20
    [InlineData("一般公共预算财政拨款“三公”经费支出表", TableTypes.FinalThreePublicCosts)]
    public void Titles_in_a_final_account_take_final_ids(string title, string type)
    {
        var typing = TableTyper.FromTitle(title, final: true);
        Assert.Equal(type, typing!.Value.Type);
    }

    [Theory]
    [InlineData("公开01表")] // S13: the table number printed on its own line
    [InlineData("金额单位:万元")] // S10, S13
    [InlineData("部门:南漳县招商服务中心")] // S13
    public void Lines_around_published_titles_type_nothing(string line) => Assert.Null(TableTyper.FromTitle(line));

    [Fact]
    public void Final_summary_with_line_numbers_keeps_them_out_of_the_amounts()
    {
        // S13 收入支出决算总表 (公开01表): 收入 项目 | 行次 | 金额 || 支出 项目 | 行次 | 金额.
        var columns = ColumnMapper.Map(TableFamily.TwoSided,
            [["收入", "项目"], ["收入", "行次"], ["收入", "金额"], ["支出", "项目"], ["支出", "行次"], ["支出", "金额"]],
            [true, false, false, true, false, false], Enumerable.Repeat(false, 6).ToList());
        Assert.Equal(["label", "linenumber", "amount", "label", "linenumber", "amount"], columns.Select(c => c.Id));
        Assert.Equal(["income", "income", "income", "expenditure", "expenditure", "expenditure"], columns.Select(c => c.Side));
    }

    [Fact]
    public void A_budget_document_keeps_budget_ids()
    {
        Assert.Equal(TableTypes.ThreePublicCosts, TableTyper.FromTitle("十、“三公”经费、行政参公单位机关运行经费情况表")!.Value.Type);
    }

    [Theory]
    // S7, S9, S10: 三公 printed vertically, items in the first column under 项目 | 预算数.
    [InlineData("项目|2016年执行数|2017年预算数", "一、支出合计 1、因公出国(境)费用 2、公务接待费 3、公务用车费 其中:(1)公务用车运行维护费 (2)公务用车购置")]
    [InlineData("项目|预算数", "合计 1.因公出国(境)费用 2.公务接待费 3.公务用车购置及运行维护费 其中:公务用车运行维护费 公务用车购置")]
    [InlineData("项目|2016年预算数/小计|2016年预算数/其中:一般公共预算安排数", "一、“三公”经费合计 (一)因公出国(境)费 (二)公务接待费 (三)公务用车费 1.公务用车购置费 2.公务用车运行维护费 二、会议费 三、培训费")]
    [InlineData("项 目|本年预算数|其中:公共预算财政拨款", "合 计 1.因公出国(境)费用 2.公务接待费 3.公务用车费 其中:(1)公务用车运行维护费 (2)公务用车购置")] // S8
    public void Vertical_three_public_tables_are_typed_by_their_first_column(string header, string firstColumn)
    {
        IReadOnlyList<IReadOnlyList<string>> paths = header.Split('|').Select(h => (IReadOnlyList<string>)h.Split('/')).ToList();
        var typing = TableTyper.FromHeader(paths, firstColumn.Split(' '), final: false);
        Assert.Equal(TableTypes.ThreePublicCosts, typing!.Value.Type);
    }

    [Fact]
    public void Fiscal_grant_summary_of_chongqing_maps_fund_columns()
    {
        // S6 (重庆 秀山 法院 财政拨款收支总表): 收入 项目 | 预算数 || 支出 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款.
        var columns = ColumnMapper.Map(TableFamily.TwoSided,
            [["收入", "项目"], ["收入", "预算数"], ["支出", "项目"], ["支出", "合计"], ["支出", "一般公共预算财政拨款"], ["支出", "政府性基金预算财政拨款"], ["支出", "国有资本经营预算财政拨款"]],
            [true, false, true, false, false, false, false], [false, false, false, false, false, false, false]);
        Assert.Equal(["label", "amount", "label", "total", "general_public_budget", "government_fund", "state_capital"], columns.Select(c => c.Id));
    }

    [Fact]
    public void Shandong_summary_with_four_expenditure_views_maps_each_group_to_an_amount()
    {
        // S6 (山东 2019 收支预算总表): 项目 本年预算数 | 支出类别 本年预算数 | 政府预算经济分类 本年预算数 | 部门预算经济分类 本年预算数 | 功能分类 本年预算数.
        var columns = ColumnMapper.Map(TableFamily.TwoSided,
            [["收入", "项目"], ["收入", "本年预算数"], ["支出", "支出类别"], ["支出", "本年预算数"], ["支出", "政府预算经济分类"], ["支出", "本年预算数"],
                ["支出", "部门预算经济分类"], ["支出", "本年预算数"], ["支出", "功能分类"], ["支出", "本年预算数"]],
            [true, false, true, false, true, false, true, false, true, false], Enumerable.Repeat(false, 10).ToList());
        Assert.Equal(["income", "income", "expenditure", "expenditure", "expenditure", "expenditure", "expenditure", "expenditure", "expenditure", "expenditure"], columns.Select(c => c.Side));
        Assert.Equal(["label", "amount", "label", "amount", "label", "amount", "label", "amount", "label", "amount"], columns.Select(c => c.Id));
    }

    [Fact]
    public void Revenue_table_fund_columns_named_with_fiscal_grant_keep_their_fund()
    {
        // S12 names the grants by fund: 一般公共预算财政拨款收入 / 政府性基金预算财政拨款收入.
        var columns = ColumnMapper.Map(TableFamily.Revenue,
            [["项目"], ["合计"], ["财政拨款收入"], ["政府性基金预算财政拨款收入"], ["国有资本经营预算财政拨款收入"], ["事业收入"], ["经营收入"], ["其他收入"]],
            [true, false, false, false, false, false, false, false], Enumerable.Repeat(false, 8).ToList());
        Assert.Equal(["name", "total", "fiscal_grant", "government_fund", "state_capital", "business_income", "operating_income", "other_income"], columns.Select(c => c.Id));
    }

    [Fact]
    public void Three_public_final_table_maps_budget_and_final_amounts()
    {
        // S1/S4 三公 决算: 预算数 and 决算数 per item (horizontal template).
        var columns = ColumnMapper.Map(TableFamily.ThreePublic,
            [["预算数", "合计"], ["预算数", "因公出国（境）费"], ["预算数", "公务用车购置及运行费", "小计"], ["预算数", "公务用车购置及运行费", "公务用车购置费"], ["预算数", "公务用车购置及运行费", "公务用车运行费"], ["预算数", "公务接待费"]],
            Enumerable.Repeat(false, 6).ToList(), Enumerable.Repeat(false, 6).ToList());
        Assert.Equal(["total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"], columns.Select(c => c.Id));
    }

    [Fact]
    public void Yunnan_general_public_final_table_maps_its_balance_columns()
    {
        // S2/S20 type 一般公共预算财政拨款收入支出决算表 as final_general_public_expenditure; its columns are those the
        // field guide (§2) gives the final fund tables: 年初结转和结余 | 本年收入 | 本年支出 (小计, 基本支出, 项目支出) | 年末结转和结余.
        var columns = ColumnMapper.Map(ColumnMapper.FamilyOf(TableTyper.FromTitle("五、一般公共预算财政拨款收入支出决算表")!.Value.Type),
            [["项目", "科目编码"], ["项目", "科目名称"], ["年初结转和结余"], ["本年收入"], ["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"], ["年末结转和结余"]],
            [false, true, false, false, false, false, false, false], [true, false, false, false, false, false, false, false]);
        Assert.Equal(["funccode", "name", "beginning_balance", "current_income", "total", "basic", "project", "ending_balance"], columns.Select(c => c.Id));
    }

    [Theory]
    // S6 (山东, 秀山), S12 (天水) and the code-search excerpt of a 单位收支总表 (2.15).
    [InlineData("一、财政拨款收入", "income.fiscal_grant")]
    [InlineData("一 财政拨款收入", "income.fiscal_grant")]
    [InlineData("其中：财政拨款收入", "income.fiscal_grant")]
    [InlineData("二、事业收入", "income.business_income")]
    [InlineData("三、事业单位经营收入", "income.operating_income")]
    [InlineData("四、其他收入", "income.other_income")]
    [InlineData("一、本年收入", Lines.IncomeCurrentYear)]
    [InlineData("一 本年收入", Lines.IncomeCurrentYear)]
    [InlineData("一般公共预算拨款", "income.general_public_budget")]
    [InlineData("一般公共预算财政拨款收入", "income.general_public_budget")]
    [InlineData("政府性基金预算财政拨款收入", "income.government_fund")]
    [InlineData("国有资本经营预算财政拨款收入", "income.state_capital")]
    [InlineData("收入总计", Lines.IncomeTotal)]
    [InlineData("收入合计", "income.total")]
    [InlineData("二、上年结转", Lines.IncomePriorCarryover)]
    [InlineData("年初结转和结余", Lines.IncomePriorCarryover)]
    [InlineData("年初财政拨款结转和结余", Lines.IncomePriorCarryover)]
    [InlineData("用事业基金弥补收支差额", "income.fund_offset")]
    [InlineData("使用非财政拨款结余", "income.non_fiscal_balance_used")]
    [InlineData("一、一般公共预算财政拨款收入", "income.general_public_budget")] // S13
    [InlineData("二、政府性基金预算财政拨款收入", "income.government_fund")] // S13
    [InlineData("三、上级补助收入", "income.superior_subsidy")] // S13
    [InlineData("四、事业收入", "income.business_income")] // S13
    [InlineData("本年收入合计", Lines.IncomeCurrentYear)] // S15
    [InlineData("附属单位上缴收入", "income.affiliate_remittance")] // S18
    [InlineData("经营收入", "income.operating_income")] // S18
    [InlineData("使用非财政拨款结余(含专用结余)", "income.non_fiscal_balance_used")] // S19
    [InlineData("上年结转和结余", Lines.IncomePriorCarryover)] // S19
    [InlineData("财政补助收入", "income.fiscal_grant")] // S12 (天水 2017: 资金来源为财政补助收入)
    public void Published_income_labels_map_to_lines(string label, string line)
    {
        string? section = null;
        Assert.Equal(line, TableNormalizer.IncomeLine(label, ref section));
    }

    [Theory]
    [InlineData("一、本年支出", Lines.ExpenditureCurrentYear)]
    [InlineData("一 本年支出", Lines.ExpenditureCurrentYear)]
    [InlineData("一、基本支出", "expenditure.basic")]
    [InlineData("二、项目支出", "expenditure.project")]
    [InlineData("支出总计", Lines.ExpenditureTotal)]
    [InlineData("支出合计", "expenditure.total")]
    [InlineData("年末结转和结余", Lines.ExpenditureCarryForward)]
    [InlineData("结余分配", "expenditure.balance_distribution")] // S15
    [InlineData("本年支出合计", Lines.ExpenditureCurrentYear)] // S15
    [InlineData("二、外交支出", "expenditure.202")] // S13
    [InlineData("上缴上级支出", "expenditure.payment_to_superior")] // S18
    [InlineData("经营支出", "expenditure.operating_expenditure")] // S18
    [InlineData("对附属单位补助支出", "expenditure.subsidy_to_affiliates")] // S18
    [InlineData("三、国防支出", "expenditure.203")] // S13
    [InlineData("公共安全支出", "expenditure.204")] // S6 秀山: 类 named without code
    [InlineData("一般公共服务支出", "expenditure.201")]
    public void Published_expenditure_labels_map_to_lines(string label, string line)
    {
        var row = new RowRecord { Name = label };
        Assert.Equal(line, TableNormalizer.ExpenditureLine(row, CodeCatalog.Default));
    }
}
