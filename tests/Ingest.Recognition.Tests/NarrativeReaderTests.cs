namespace Ingest.Recognition.Tests;

/// <summary>Sentences of the seed document and of real disclosures.</summary>
public sealed class NarrativeReaderTests
{
    private static List<Ingest.Core.Records.NarrativeFact> Read(string text) => NarrativeReader.Read([new NarrativePassage(0, 3, text)]);

    [Fact]
    public void Procurement_kinds_and_small_firm_reservations_are_told_apart()
    {
        // caizhengju 2024 决算 p22.
        var facts = Read("上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企业预留政府采购项目预算金额0万元。");
        Assert.Equal(2_512_500m, Assert.Single(facts, f => f.Key == "procurement.total").Amount);
        Assert.Equal(47_900m, Assert.Single(facts, f => f.Key == "procurement.goods").Amount);
        Assert.Equal(0m, Assert.Single(facts, f => f.Key == "procurement.works").Amount);
        Assert.Equal(2_464_700m, Assert.Single(facts, f => f.Key == "procurement.services").Amount);
        Assert.Equal(2_464_700m, Assert.Single(facts, f => f.Key == "procurement.sme_reserved").Amount);
        Assert.Equal(0m, Assert.Single(facts, f => f.Key == "procurement.small_micro_reserved").Amount);
    }

    [Fact]
    public void Final_account_sentences_report_the_final_figure_not_the_budget_beside_it()
    {
        // caizhengju 2024 决算 p21.
        var facts = Read("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。");
        var amount = Assert.Single(facts, f => f.Kind == "amount");
        Assert.Equal("general_public_expenditure", amount.Key);
        Assert.Equal(29_400_500m, amount.Amount);
        Assert.DoesNotContain(facts, f => f.Amount == 29_939_200m && f.Kind == "amount");
    }

    [Fact]
    public void Sh_putuo_caizhengju_2024_general_public_budget_fiscal_grant_spending_is_not_all_fiscal_grant_spending()
    {
        // p21: 一般公共预算财政拨款支出 is T5's 合计 / T4's 一般公共预算 column; 财政拨款支出 alone also holds 政府性基金.
        var facts = Read("一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。财政拨款支出3100.00万元。");
        var general = Assert.Single(facts, f => f.Key == "general_public_expenditure");
        Assert.Equal(29_400_500m, general.Amount);
        Assert.Equal(100m, general.Percent);
        Assert.Equal(631_400m, Assert.Single(facts, f => f.Key == "general_public_expenditure.change").Amount);
        Assert.Equal(31_000_000m, Assert.Single(facts, f => f.Key == "fiscal_grant_expenditure").Amount);
        Assert.Equal("general_public_expenditure.completion",
            Assert.Single(Read("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。"), f => f.Kind == "completion").Key);
    }

    [Fact]
    public void Three_public_costs_paid_by_fiscal_grants_are_three_public_costs()
    {
        var facts = Read("\"三公\"经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务接待费支出决算为0.00万元。");
        Assert.DoesNotContain(facts, f => f.Key.StartsWith("fiscal_grant", StringComparison.Ordinal));
        Assert.Equal(0m, Assert.Single(facts, f => f.Key == "three_public.total" && f.Kind == "amount").Amount);
        Assert.Equal(0m, Assert.Single(facts, f => f.Key == "three_public.abroad" && f.Kind == "amount").Amount);
        Assert.DoesNotContain(facts, f => f.Kind == "amount" && f.Amount == 9_500m);
        Assert.Equal("three_public.total", NarrativeReader.KeyOf("2019年度一般公共预算拨款安排的\"三公\"经费预算支出"));
        Assert.Equal("institution_operating", NarrativeReader.KeyOf("本部门一般公共预算财政拨款机关运行经费"));
    }

    [Fact]
    public void Seed_totals_and_change_are_read_with_their_meaning()
    {
        var facts = Read("伊滨经开区（示范区）工信科技金融工作领导小组办公室 2022 年收入总计 335.71 万元，支出总计 335.71 万元，与 2021 年预算相比，收入减少 568.63 万元，下降 62.88%。");
        var total = facts.Single(f => f.Key == "revenue_total" && f.Kind == "amount");
        Assert.Equal(3_357_100m, total.Amount);
        Assert.Equal("335.71", total.Printed);
        Assert.Equal("万元", total.Unit);
        Assert.Equal(3, total.Page);
        Assert.Single(facts, f => f.Key == "expenditure_total");
        var change = facts.Single(f => f.Kind == "change");
        Assert.Equal("revenue_total.change", change.Key);
        Assert.Equal(5_686_300m, change.Amount);
        Assert.Equal(62.88m, change.Percent);
        Assert.Equal("decrease", change.Direction);
        Assert.Equal(3_357_100m, change.CurrentAmount);
        Assert.DoesNotContain(facts, f => f.Amount is 2022m or 2021m or 20_220_000m);
    }

    [Fact]
    public void Seed_shares_are_of_the_total_introduced_before_其中()
    {
        var facts = Read("2022 年支出合计 335.71 万元，其中：基本支出 128.47 万元，占 38.27%；项目支出 207.24 万元，占 61.73%。");
        var basic = facts.Single(f => f.Key == "basic_expenditure");
        Assert.Equal("share", basic.Kind);
        Assert.Equal(38.27m, basic.Percent);
        Assert.Equal("expenditure_current", basic.BaseKey);
        Assert.Equal(3_357_100m, basic.BaseAmount);
        var project = facts.Single(f => f.Key == "project_expenditure");
        Assert.Equal(61.73m, project.Percent);
        Assert.Equal(3_357_100m, project.BaseAmount);
    }

    [Fact]
    public void Named_bases_and_three_public_items()
    {
        var facts = Read("2019年度一般公共预算拨款安排的\"三公\"经费预算支出中，因公出国（境）费支出160万元，占\"三公\"经费的31.14%；公务用车运行维护费支出266.8万元，占\"三公\"经费的51.93%。");
        var abroad = facts.Single(f => f.Key == "three_public.abroad");
        Assert.Equal(1_600_000m, abroad.Amount);
        Assert.Equal("three_public.total", abroad.BaseKey);
        Assert.Null(abroad.BaseAmount); // the 三公 total is not stated in this passage: nothing to recompute against
        Assert.Equal(2_668_000m, facts.Single(f => f.Key == "three_public.vehicle_operation").Amount);
    }

    [Fact]
    public void Spaced_digits_and_itemized_lines_do_not_become_totals()
    {
        var facts = Read("宁波市鄞州区科学技术协会2023年收入总计1 842.87万元。1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。");
        Assert.Equal(18_428_700m, facts.Single(f => f.Key == "revenue_total").Amount);
        Assert.DoesNotContain(facts, f => f.Amount == 16_726_700m);
    }

    [Fact]
    public void Function_class_items_are_keyed_by_code()
    {
        var facts = Read("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%。");
        var general = facts.Single(f => f.Key == "expenditure.201");
        Assert.Equal(21_066_600m, general.Amount);
        Assert.Equal("general_public_expenditure", general.BaseKey);
        Assert.Equal(29_400_500m, general.BaseAmount);
        Assert.Equal(3_267_200m, facts.Single(f => f.Key == "expenditure.208").Amount);
    }

    [Fact]
    public void Contradicting_direction_words_are_kept_for_the_check()
    {
        var facts = Read("支出减少 568.63 万元，增长 62.88%。");
        Assert.Equal("decrease/increase", facts.Single(f => f.Kind == "change").Direction);
    }

    [Fact]
    public void Completion_rates_of_final_accounts_are_read_with_both_amounts()
    {
        // sh-putuo caizhengju 2024 决算, p21 and p23.
        var facts = Read("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%。");
        var rates = facts.Where(f => f.Kind == "completion").ToList();
        Assert.Equal(2, rates.Count);
        Assert.Equal(29_400_500m, rates[0].Amount);
        Assert.Equal(29_939_200m, rates[0].BaseAmount);
        Assert.Equal(98.20m, rates[0].Percent);
        Assert.Equal("2940.05", rates[0].Printed);
        Assert.Equal(0m, rates[1].Amount);
        Assert.Equal(9_500m, rates[1].BaseAmount);
        Assert.Equal(0m, rates[1].Percent);
    }
}
