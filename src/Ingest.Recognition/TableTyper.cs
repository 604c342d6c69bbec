using Ingest.Core;
using Ingest.Core.Text;

namespace Ingest.Recognition;

/// <summary>The type of a table and how sure we are.</summary>
internal readonly record struct TableTyping(string Type, string By, double Confidence);

/// <summary>
/// Rules that type a table from its printed title (field guide §2 title variants), and from its
/// header when the title says nothing. Titles drift across provinces and years, so the rules look
/// for the distinguishing words, not for whole titles.
/// </summary>
internal static class TableTyper
{
    /// <param name="title">The printed title.</param>
    /// <param name="final">
    /// Whether the document is a final account: its tables take <c>final_*</c> ids even where the title
    /// leaves 决算 out (云南 prints “三公”经费、行政参公单位机关运行经费情况表 in its 部门决算).
    /// </param>
    public static TableTyping? FromTitle(string? title, bool final = false)
    {
        var t = ChineseText.Compact(title);
        if (t.Length < 3)
        {
            return null;
        }

        var type = TypeOf(t);
        if (type is null)
        {
            return null;
        }

        return new TableTyping(final ? FinalOf(type) : type, "title", 1.0);
    }

    /// <summary>The final-account id of a budget table id (unchanged when it has none).</summary>
    public static string FinalOf(string type) => type switch
    {
        TableTypes.RevenueExpenditureSummary => TableTypes.FinalRevenueExpenditureSummary,
        TableTypes.RevenueSummary => TableTypes.FinalRevenue,
        TableTypes.ExpenditureSummary => TableTypes.FinalExpenditure,
        TableTypes.FiscalGrantSummary => TableTypes.FinalFiscalGrantSummary,
        TableTypes.GeneralPublicExpenditure => TableTypes.FinalGeneralPublicExpenditure,
        TableTypes.GeneralPublicBasicExpenditure => TableTypes.FinalGeneralPublicBasicExpenditure,
        TableTypes.ThreePublicCosts => TableTypes.FinalThreePublicCosts,
        TableTypes.GovernmentFundExpenditure => TableTypes.FinalGovernmentFund,
        TableTypes.StateCapitalExpenditure => TableTypes.FinalStateCapital,
        _ => type,
    };

    /// <summary>The table type a title names, or null.</summary>
    public static string? TypeOf(string compactTitle)
    {
        var t = compactTitle.Replace("\"", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal);
        if (!t.Contains('表', StringComparison.Ordinal) && !t.Contains("情况", StringComparison.Ordinal))
        {
            return null;
        }

        var final = t.Contains("决算", StringComparison.Ordinal);

        // Tables of final accounts with no catalogue id: self-evaluation results (绩效自评表), 财政专户管理资金收入支出决算表
        // (云南; it is no T1 though it reads 收入支出决算表), asset tables
        // (国有资产使用情况表, 资产负债情况表). Typed unknown so that neither rule nor model gives them a catalogued id.
        if (t.Contains("自评", StringComparison.Ordinal) || t.Contains("财政专户", StringComparison.Ordinal)
            || (t.Contains("资产", StringComparison.Ordinal) && !t.Contains("支出", StringComparison.Ordinal) && !t.Contains("收入", StringComparison.Ordinal)))
        {
            return TableTypes.Unknown;
        }

        if (t.Contains("绩效", StringComparison.Ordinal))
        {
            return t.Contains("项目", StringComparison.Ordinal) ? TableTypes.PerformanceTargetsProject : TableTypes.PerformanceTargetsOverall;
        }

        if (t.Contains("三公", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalThreePublicCosts : TableTypes.ThreePublicCosts;
        }

        if (t.Contains("政府采购", StringComparison.Ordinal))
        {
            return TableTypes.GovernmentProcurement;
        }

        if (t.Contains("经济分类汇总", StringComparison.Ordinal) || t.Contains("支出经济分类预算汇总", StringComparison.Ordinal))
        {
            return TableTypes.EconomicClassificationSummary;
        }

        // 机关运行经费 is named before the fund or classification it is paid from (一般公共预算机关运行经费支出预算表).
        if (t.Contains("机关运行经费", StringComparison.Ordinal) || t.Contains("机构运行经费", StringComparison.Ordinal))
        {
            return TableTypes.InstitutionOperatingCosts;
        }

        // Final-account tables the catalogue has no id for, printed beside the catalogued ones (四川, 云南, 新疆):
        // 一般公共预算财政拨款项目支出决算表, 项目收入支出决算表, 财政拨款支出决算明细表 (function × economic class),
        // 基本支出决算明细表 of all funds or of 政府性基金. Only the 一般公共预算 basic-expenditure 明细表 is catalogued.
        if (final
            && (t.Contains("项目支出", StringComparison.Ordinal) || t.Contains("项目收入", StringComparison.Ordinal) || t.Contains("明细", StringComparison.Ordinal))
            && !(t.Contains("基本支出", StringComparison.Ordinal) && t.Contains("一般公共预算", StringComparison.Ordinal)))
        {
            return TableTypes.Unknown;
        }

        // 收支预算总表（经济分类科目）is T1 listed by economic class, not the basic-expenditure table.
        if (t.Contains("基本支出", StringComparison.Ordinal)
            || (t.Contains("经济分类", StringComparison.Ordinal) && !t.Contains("功能分类", StringComparison.Ordinal) && !t.Contains("收支", StringComparison.Ordinal)))
        {
            return final ? TableTypes.FinalGeneralPublicBasicExpenditure : TableTypes.GeneralPublicBasicExpenditure;
        }

        if (t.Contains("政府性基金", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalGovernmentFund : TableTypes.GovernmentFundExpenditure;
        }

        if (t.Contains("国有资本经营", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalStateCapital : TableTypes.StateCapitalExpenditure;
        }

        // 一般公共预算财政拨款收入支出决算表 (云南) is the general-public table with its balances, not T4.
        if (t.Contains("财政拨款收", StringComparison.Ordinal) && t.Contains('支', StringComparison.Ordinal) && !t.Contains("一般公共预算", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalFiscalGrantSummary : TableTypes.FiscalGrantSummary;
        }

        // 一般公共预算项目支出表 (贵州) lists projects: the fund it is paid from does not make it T5.
        if (t.Contains("项目支出", StringComparison.Ordinal))
        {
            return TableTypes.ProjectExpenditure;
        }

        if (t.Contains("一般公共预算", StringComparison.Ordinal) || t.Contains("财政拨款支出", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalGeneralPublicExpenditure : TableTypes.GeneralPublicExpenditure;
        }

        var income = t.Contains("收入", StringComparison.Ordinal) || t.Contains("收支", StringComparison.Ordinal) || t.Contains("财务收", StringComparison.Ordinal);
        var spending = t.Contains("支出", StringComparison.Ordinal) || t.Contains("收支", StringComparison.Ordinal);
        if (t.Contains("收支", StringComparison.Ordinal) || (income && spending && (t.Contains("收入支出", StringComparison.Ordinal) || t.Contains("收入、支出", StringComparison.Ordinal))))
        {
            return final ? TableTypes.FinalRevenueExpenditureSummary : TableTypes.RevenueExpenditureSummary;
        }

        if (t.Contains("收入", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalRevenue : TableTypes.RevenueSummary;
        }

        if (t.Contains("支出", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalExpenditure : TableTypes.ExpenditureSummary;
        }

        return null;
    }

    /// <summary>Types a table with no usable title from its header and first-column text.</summary>
    public static TableTyping? FromHeader(IReadOnlyList<IReadOnlyList<string>> headerPaths, IEnumerable<string> firstColumnTexts, bool final)
    {
        var words = string.Concat(headerPaths.SelectMany(p => p)).Replace(" ", "", StringComparison.Ordinal);
        var firstCol = string.Concat(firstColumnTexts.Take(40));
        bool Has(string s) => words.Contains(s, StringComparison.Ordinal);
        string? type = null;
        // 三公 printed vertically (项目 | 预算数, items down the first column) names its items in the rows.
        if ((Has("因公出国") && Has("公务接待"))
            || (firstCol.Contains("因公出国", StringComparison.Ordinal) && firstCol.Contains("公务接待", StringComparison.Ordinal)))
        {
            type = final ? TableTypes.FinalThreePublicCosts : TableTypes.ThreePublicCosts;
        }
        else if (Has("收入") && Has("支出") && (Has("项目") || Has("预算数") || Has("金额")) && !Has("基本支出"))
        {
            var fiscal = firstCol.Contains("财政拨款", StringComparison.Ordinal) && !firstCol.Contains("事业收入", StringComparison.Ordinal);
            type = fiscal
                ? (final ? TableTypes.FinalFiscalGrantSummary : TableTypes.FiscalGrantSummary)
                : (final ? TableTypes.FinalRevenueExpenditureSummary : TableTypes.RevenueExpenditureSummary);
        }
        else if (Has("经济分类") && (Has("人员经费") || Has("公用经费")))
        {
            type = final ? TableTypes.FinalGeneralPublicBasicExpenditure : TableTypes.GeneralPublicBasicExpenditure;
        }
        else if (Has("事业收入") || Has("上级补助收入") || Has("附属单位上缴"))
        {
            type = final ? TableTypes.FinalRevenue : TableTypes.RevenueSummary;
        }
        else if (Has("基本支出") && Has("项目支出"))
        {
            type = final ? TableTypes.FinalExpenditure : TableTypes.ExpenditureSummary;
        }

        return type is null ? null : new TableTyping(type, "header", 0.6);
    }
}
