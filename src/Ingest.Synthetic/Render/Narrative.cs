using System.Globalization;
using System.Text;
using Ingest.Synthetic.Model;

namespace Ingest.Synthetic.Render;

/// <summary>A paragraph of narrative text and the facts it states (each fact's quote is a substring of the text).</summary>
internal sealed class Paragraph
{
    public string Text { get; set; } = "";
    public bool Heading { get; set; }
    public List<TextFact> Facts { get; set; } = [];
    /// <summary>Filled by the layout: 1-based page of the paragraph's first line.</summary>
    public int Page { get; set; }
    /// <summary>Filled by the layout: page of each fact.</summary>
    public List<int> FactPages { get; set; } = [];

    public Paragraph Clone() => new()
    {
        Text = Text,
        Heading = Heading,
        Facts = Facts.Select(f => f with { }).ToList(),
        Page = Page,
        FactPages = [.. FactPages],
    };
}

/// <summary>One stated fact. <see cref="Printed"/> is the amount text in <see cref="Unit"/>; <see cref="PercentText"/> the percentage text.</summary>
internal sealed record TextFact(string Key, string Kind, decimal? Amount, string? Printed, string? Unit, decimal? Percent, string? PercentText, string? Direction, string Quote);

/// <summary>Writes 第二部分 情况说明 (and the cover, contents, 第一部分 and 名词解释) from the document spec.</summary>
internal sealed class NarrativeWriter(DocumentSpec doc, IReadOnlyList<PrintedTable> tables)
{
    private readonly DocumentSpec _doc = doc;
    private readonly string _unit = doc.Style.TextUnit;
    private readonly decimal _factor = doc.Style.TextUnit == "万元" ? 10000m : 1m;

    private string Y => _doc.Year.ToString(CultureInfo.InvariantCulture);
    private string PrevY => (_doc.Year - 1).ToString(CultureInfo.InvariantCulture);
    private string KindWord => _doc.IsFinal ? "决算" : "预算";
    private string Org => _doc.Organization;

    public List<Paragraph> Write()
    {
        var ps = new List<Paragraph>();
        void Head(string text) => ps.Add(new Paragraph { Text = text, Heading = true });
        void Para(string text) => ps.Add(new Paragraph { Text = text });

        Head("目  录");
        Para("第一部分 " + Org + "概况");
        Para("第二部分 " + Y + "年" + Org + (_doc.Level == "unit" ? "单位" : "部门") + KindWord + "情况说明");
        Para("第三部分 名词解释");
        Para("附件：" + Y + "年" + Org + (_doc.Level == "unit" ? "单位" : "部门") + KindWord + "表");
        for (int i = 0; i < tables.Count; i++)
        {
            Para(ChineseNumber(i + 1) + "、" + StripYear(tables[i].Title));
        }

        Head("第一部分 " + Org + "概况");
        Para("一、主要职责");
        Para(Org + "贯彻落实党中央、国务院和上级党委、政府的决策部署，负责本系统职责范围内的政策研究、行业管理和公共服务，承担上级交办的其他任务。");
        Para("二、" + (_doc.Level == "unit" ? "单位" : "部门") + "预算单位构成情况");
        Para(_doc.Units.Count > 1
            ? Org + "部门" + KindWord + "包括机关本级及所属" + ChineseNumber(_doc.Units.Count - 1) + "家预算单位。"
            : Org + KindWord + "仅包括本级" + KindWord + "，无所属预算单位。");

        Head("第二部分 " + Y + "年" + Org + (_doc.Level == "unit" ? "单位" : "部门") + KindWord + "情况说明");
        Overall(ps);
        Income(ps);
        Expenditure(ps);
        Fiscal(ps);
        GeneralPublic(ps);
        ThreePublicText(ps);
        Funds(ps);
        Other(ps);

        Head("第三部分 名词解释");
        Para("一、财政拨款收入：是指同级财政拨付的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。");
        Para("二、基本支出：是指为保障机构正常运转、完成日常工作任务所必需的开支，其内容包括人员经费和日常公用经费两部分。");
        Para("三、项目支出：是指在基本支出之外，为完成特定的行政工作任务或事业发展目标所发生的支出。");
        Para("四、“三公”经费：是指纳入同级财政预算管理，部门使用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。");
        Para("五、机关运行经费：是指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。");
        return ps;
    }

    private static string StripYear(string title) => System.Text.RegularExpressions.Regex.Replace(title, @"^.*?\d{4}年", "");

    private string Amt(decimal yuan) => Round(yuan).ToString("F2", CultureInfo.InvariantCulture);

    private decimal Round(decimal yuan) => decimal.Round(yuan / _factor, 2, MidpointRounding.AwayFromZero);

    private static decimal Pct(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    private TextFact Amount(string key, decimal yuan, string label)
    {
        string printed = Amt(yuan);
        return new TextFact(key, "amount", Round(yuan) * _factor, printed, _unit, null, null, null, label + printed + _unit);
    }

    private TextFact Share(string key, decimal yuan, decimal whole, string label)
    {
        string printed = Amt(yuan);
        decimal pct = Pct(yuan, whole);
        string pctText = pct.ToString("F2", CultureInfo.InvariantCulture);
        return new TextFact(key, "share", Round(yuan) * _factor, printed, _unit, pct, pctText, null, label + printed + _unit + "，占" + pctText + "%");
    }

    /// <summary>A change statement; <paramref name="label"/> precedes the direction word (e.g. "收入").</summary>
    private TextFact Change(string key, decimal current, decimal prior, string label)
    {
        decimal delta = Round(current) - Round(prior);
        if (delta == 0)
        {
            return new TextFact(key, "change", 0, null, _unit, 0, null, "flat", label + "与" + PrevY + "年持平");
        }

        string printed = Math.Abs(delta).ToString("F2", CultureInfo.InvariantCulture);
        decimal pct = Pct(Math.Abs(current - prior), prior);
        string pctText = pct.ToString("F2", CultureInfo.InvariantCulture);
        bool up = delta > 0;
        string quote = label + (up ? "增加" : "减少") + printed + _unit + "，" + (up ? "增长" : "下降") + pctText + "%";
        return new TextFact(key, "change", Math.Abs(delta) * _factor, printed, _unit, pct, pctText, up ? "increase" : "decrease", quote);
    }

    private static Paragraph P(string prefix, params (TextFact Fact, string After)[] parts)
    {
        var sb = new StringBuilder(prefix);
        var p = new Paragraph();
        foreach (var (fact, after) in parts)
        {
            sb.Append(fact.Quote).Append(after);
            p.Facts.Add(fact);
        }

        p.Text = sb.ToString();
        return p;
    }

    private void Overall(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "一、收入支出" + KindWord + "总体情况说明" });
        var revenue = Amount("revenue_total", _doc.IncomeGrand, "收入总计");
        var expenditure = Amount("expenditure_total", _doc.ExpenditureGrand, "支出总计");
        var revChange = Change("revenue_total", _doc.IncomeGrand, _doc.PriorYearTotal, "收入");
        var expChange = Change("expenditure_total", _doc.ExpenditureGrand, _doc.PriorYearTotal, "支出");
        ps.Add(P(Org + Y + "年", (revenue, "，"), (expenditure, "。与" + PrevY + "年" + KindWord + "相比，"), (revChange, "，主要原因：业务工作任务调整。"), (expChange, "。")));
    }

    private void Income(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "二、收入" + KindWord + "总体情况说明" });
        var parts = new List<(TextFact, string)>
        {
            (Amount("income_current", _doc.IncomeCurrent, "收入合计"), "，其中："),
            (Share("income.general_public_budget", _doc.GpbIncome, _doc.IncomeCurrent, "一般公共预算拨款收入"), "；"),
        };
        if (_doc.Fund > 0)
        {
            parts.Add((Share("income.government_fund", _doc.Fund, _doc.IncomeCurrent, "政府性基金预算拨款收入"), "；"));
        }

        if (_doc.NonFiscal > 0)
        {
            string label = _doc.NonFiscalSource == Ingest.Core.Columns.BusinessIncome ? "事业收入" : "其他收入";
            parts.Add((Share("income." + _doc.NonFiscalSource, _doc.NonFiscal, _doc.IncomeCurrent, label), "；"));
        }

        var p = P(Org + Y + "年", [.. parts]);
        p.Text = p.Text.TrimEnd('；') + "。";
        ps.Add(p);
    }

    private void Expenditure(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "三、支出" + KindWord + "总体情况说明" });
        ps.Add(P(Org + Y + "年",
            (Amount("expenditure_current", _doc.Spending, "支出合计"), "，其中："),
            (Share("basic_expenditure", _doc.Basic, _doc.Spending, "基本支出"), "；"),
            (Share("project_expenditure", _doc.ProjectAll, _doc.Spending, "项目支出"), "。")));
    }

    private void Fiscal(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "四、财政拨款收入支出" + KindWord + "总体情况说明" });
        decimal fiscal = _doc.GpbIncome + _doc.Fund + _doc.Carryover;
        ps.Add(P(Org + Y + "年", (Amount("fiscal_grant_total", fiscal, "财政拨款收支总" + KindWord), "。")));
    }

    private void GeneralPublic(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "五、一般公共预算支出" + KindWord + "情况说明" });
        decimal gpb = _doc.Gpb;
        ps.Add(P(Org + Y + "年",
            (Amount("gpb_expenditure", gpb, "一般公共预算支出"), "。其中："),
            (Share("gpb_basic", _doc.Basic, gpb, "基本支出"), "；"),
            (Share("gpb_project", _doc.GpbProject, gpb, "项目支出"), "。")));
        ps.Add(new Paragraph { Text = "六、一般公共预算基本支出" + KindWord + "情况说明" });
        ps.Add(P(Org + Y + "年",
            (Amount("gpb_basic", _doc.Basic, "一般公共预算基本支出" + KindWord + "为"), "。其中："),
            (Share("personnel", _doc.Personnel, _doc.Basic, "人员经费"), "，主要包括基本工资、津贴补贴、奖金、社会保障缴费等；"),
            (Share("public_operating", _doc.PublicOperating, _doc.Basic, "公用经费"), "，主要包括办公费、印刷费、邮电费、差旅费等。")));
    }

    private void ThreePublicText(List<Paragraph> ps)
    {
        var t = _doc.ThreePublic;
        ps.Add(new Paragraph { Text = "七、一般公共预算“三公”经费支出" + KindWord + "情况说明" });
        var change = Change("three_public.total", t.Total, _doc.PriorYearThreePublic, "比" + PrevY + "年");
        ps.Add(P(Org + Y + "年",
            (Amount("three_public.total", t.Total, "“三公”经费支出" + KindWord), "，"),
            (change, "。")));
        ps.Add(P("（一）", (Amount("three_public.abroad", t.Abroad, "因公出国（境）费"), "，主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费等支出。")));
        ps.Add(P("（二）", (Amount("three_public.reception", t.Reception, "公务接待费"), "，主要用于按规定开支的各类公务接待支出。")));
        ps.Add(P("（三）",
            (Amount("three_public.vehicle_total", t.VehicleTotal, "公务用车购置及运行费"), "，其中："),
            (Amount("three_public.vehicle_purchase", t.VehiclePurchase, "公务用车购置费"), "；"),
            (Amount("three_public.vehicle_operation", t.VehicleOperation, "公务用车运行维护费"), "，主要用于公务用车的燃料费、维修费、过路过桥费、保险费等支出。")));
    }

    private void Funds(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "八、政府性基金" + KindWord + "支出情况说明" });
        if (_doc.Fund > 0)
        {
            ps.Add(P(Org + Y + "年", (Amount("government_fund_expenditure", _doc.Fund, "政府性基金预算拨款安排的支出"), "。")));
        }
        else
        {
            ps.Add(new Paragraph { Text = Org + Y + "年无政府性基金预算拨款安排的支出。" });
        }

        ps.Add(new Paragraph { Text = "九、国有资本经营" + KindWord + "支出情况说明" });
        ps.Add(new Paragraph { Text = Org + Y + "年无国有资本经营预算拨款安排的支出。" });
    }

    private void Other(List<Paragraph> ps)
    {
        ps.Add(new Paragraph { Text = "十、其他重要事项情况说明" });
        ps.Add(new Paragraph { Text = "（一）机关运行经费" + KindWord + "情况" });
        ps.Add(P(Org + Y + "年",
            (Amount("institution_operating", _doc.InstitutionOperating, "机关运行经费" + KindWord), "，"),
            (Change("institution_operating", _doc.InstitutionOperating, _doc.PriorYearInstitution, "与" + PrevY + "年相比"), "，主要原因：严格落实过紧日子要求。")));
        ps.Add(new Paragraph { Text = "（二）政府采购" + KindWord + "情况" });
        ps.Add(P(Y + "年",
            (Amount("procurement.total", _doc.Procurement, "政府采购" + KindWord + "安排"), "，其中："),
            (Amount("procurement.goods", _doc.ProcurementGoods, "政府采购货物" + KindWord), "、"),
            (Amount("procurement.works", _doc.ProcurementWorks, "政府采购工程" + KindWord), "、"),
            (Amount("procurement.services", _doc.ProcurementServices, "政府采购服务" + KindWord), "。")));
        ps.Add(new Paragraph { Text = "（三）绩效目标设置情况" });
        ps.Add(new Paragraph { Text = Org + Y + "年" + KindWord + "项目均按要求编制了绩效目标，从项目产出、项目效益、满意度等方面设置了绩效指标。" });
    }

    internal static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n < 10)
        {
            return digits[n];
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? "" : digits[n % 10]);
        }

        return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
}
