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
    public static TableTyping? FromTitle(string? title)
    {
        var t = ChineseText.Compact(title);
        if (t.Length < 3)
        {
            return null;
        }

        var type = TypeOf(t);
        return type is null ? null : new TableTyping(type, "title", 1.0);
    }

    /// <summary>The table type a title names, or null.</summary>
    public static string? TypeOf(string compactTitle)
    {
        var t = compactTitle.Replace("\"", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal);
        if (!t.Contains('表', StringComparison.Ordinal) && !t.Contains("情况", StringComparison.Ordinal))
        {
            return null;
        }

        var final = t.Contains("决算", StringComparison.Ordinal);
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

        if (t.Contains("基本支出", StringComparison.Ordinal) || (t.Contains("经济分类", StringComparison.Ordinal) && !t.Contains("功能分类", StringComparison.Ordinal)))
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

        if (t.Contains("财政拨款收", StringComparison.Ordinal) && t.Contains('支', StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalFiscalGrantSummary : TableTypes.FiscalGrantSummary;
        }

        if (t.Contains("一般公共预算", StringComparison.Ordinal) || t.Contains("财政拨款支出", StringComparison.Ordinal))
        {
            return final ? TableTypes.FinalGeneralPublicExpenditure : TableTypes.GeneralPublicExpenditure;
        }

        if (t.Contains("项目支出", StringComparison.Ordinal))
        {
            return TableTypes.ProjectExpenditure;
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
        if (Has("因公出国") && Has("公务接待"))
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
