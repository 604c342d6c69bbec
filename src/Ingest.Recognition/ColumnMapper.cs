using Ingest.Core;
using Ingest.Core.Text;

namespace Ingest.Recognition;

internal enum ColumnRole
{
    Value,
    Label,
    Name,
    FuncCode,
    FuncLei,
    FuncKuan,
    FuncXiang,
    EconCode,
    EconLei,
    EconKuan,
    GovEconCode,
    GovEconLei,
    GovEconKuan,
    GovEconName,
    UnitCode,
    /// <summary>A category printed beside the name (项目支出表 类型 / 项目类别: 其他运转类, 特定目标类): an attribute, not the row's name.</summary>
    Category,
    Text,
    /// <summary>行次 / 栏次: the printed line number of a 决算 table (公开01表), no amount.</summary>
    LineNumber,
}

internal enum TableFamily
{
    TwoSided,
    Functional,
    Economic,
    Revenue,
    ThreePublic,
    Other,
}

internal sealed record MappedColumn(int Index, IReadOnlyList<string> Path, ColumnRole Role, string Id, string? Side);

/// <summary>
/// Maps each leaf column of a (multi-row) header to a canonical column id, by the words of its
/// header path (outermost first) and, where words are silent, by what the column holds.
/// Columns with no canonical meaning keep their printed header under <c>col{N}</c>.
/// </summary>
internal static class ColumnMapper
{
    /// <summary>三公 tables that also list 会议费/培训费: the total over everything printed.</summary>
    public const string GrandTotal = "grand_total";

    /// <summary>单位预留机动经费: a reserve printed beside basic and project expenditure.</summary>
    public const string Reserve = "reserve";

    public static TableFamily FamilyOf(string type) => type switch
    {
        _ when TableTypes.IsTwoSided(type) => TableFamily.TwoSided,
        _ when TableTypes.IsFunctionalExpenditure(type) => TableFamily.Functional,
        TableTypes.GeneralPublicBasicExpenditure or TableTypes.FinalGeneralPublicBasicExpenditure
            or TableTypes.EconomicClassificationSummary or TableTypes.InstitutionOperatingCosts => TableFamily.Economic,
        TableTypes.RevenueSummary or TableTypes.FinalRevenue => TableFamily.Revenue,
        TableTypes.ThreePublicCosts or TableTypes.FinalThreePublicCosts => TableFamily.ThreePublic,
        _ => TableFamily.Other,
    };

    /// <param name="paths">Header path of each column (compact text, outermost first).</param>
    /// <param name="textual">Whether each column's body is mostly text rather than amounts.</param>
    /// <param name="codeLike">Whether each column's body is mostly bare 3–7 digit codes.</param>
    public static List<MappedColumn> Map(TableFamily family, IReadOnlyList<IReadOnlyList<string>> paths, IReadOnlyList<bool> textual, IReadOnlyList<bool> codeLike)
    {
        var result = new List<MappedColumn>(paths.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var group = 0;
        string? side = null;
        var seenNameOrLabel = false;
        for (var c = 0; c < paths.Count; c++)
        {
            var path = paths[c].Select(Clean).Where(p => p.Length > 0).ToList();
            var joined = string.Concat(path);
            var leaf = path.Count > 0 ? path[^1] : "";

            if (family == TableFamily.TwoSided)
            {
                if (path.Count > 0 && (path[0].StartsWith("收入", StringComparison.Ordinal) || path[0] == "收"))
                {
                    side = "income";
                }
                else if (path.Count > 0 && (path[0].StartsWith("支出", StringComparison.Ordinal) || path[0] == "支"))
                {
                    side = "expenditure";
                }
                else if (textual[c] && side == "income" && result.Exists(r => r.Side == "income" && r.Role == ColumnRole.Value))
                {
                    side = "expenditure";
                }
                else
                {
                    side ??= "income";
                }
            }

            var role = CodeRole(path, leaf, family);
            if (role is null && codeLike[c] && !seenNameOrLabel && family is TableFamily.Functional or TableFamily.Economic)
            {
                role = family == TableFamily.Economic ? ColumnRole.EconCode : ColumnRole.FuncCode;
            }

            if (role is null && textual[c])
            {
                role = family == TableFamily.TwoSided ? ColumnRole.Label
                    : IsGovEcon(path) ? ColumnRole.GovEconName
                    : seenNameOrLabel ? ColumnRole.Text : ColumnRole.Name;
            }

            // Two-sided tables have label columns only: 支出类别 / 功能分类 over the lines of a side (山东 收支预算总表) is no category attribute.
            if (family == TableFamily.TwoSided && role is ColumnRole.Name or ColumnRole.Category)
            {
                role = ColumnRole.Label;
            }

            if (role == ColumnRole.Label && result.Count > 0)
            {
                group++;
            }

            if (role is not null && role != ColumnRole.Value)
            {
                seenNameOrLabel |= role is ColumnRole.Name or ColumnRole.Label;
                result.Add(new MappedColumn(c, paths[c], role.Value, role.Value.ToString().ToLowerInvariant(), side));
                continue;
            }

            var id = ValueId(family, path, leaf, joined, side) ?? Columns.Unmapped(c);
            if (!used.Add(group + "|" + id))
            {
                id = Columns.Unmapped(c);
            }

            result.Add(new MappedColumn(c, paths[c], ColumnRole.Value, id, side));
        }

        // A label group (label + its amounts) of a two-sided table with a single amount column: that is its amount.
        if (family == TableFamily.TwoSided)
        {
            foreach (var labelGroup in Groups(result))
            {
                var values = labelGroup.Where(r => r.Role == ColumnRole.Value).ToList();
                if (values.Count == 1 && (values[0].Id is Columns.Total or Columns.Amount || values[0].Id.StartsWith("col", StringComparison.Ordinal)))
                {
                    var i = result.IndexOf(values[0]);
                    result[i] = values[0] with { Id = Columns.Amount };
                }
            }
        }

        // Two or three code columns in a row under one 科目编码 header are 类 | 款 | 项.
        SplitCodeRuns(result, ColumnRole.FuncCode, [ColumnRole.FuncLei, ColumnRole.FuncKuan, ColumnRole.FuncXiang]);
        SplitCodeRuns(result, ColumnRole.EconCode, [ColumnRole.EconLei, ColumnRole.EconKuan]);
        SplitCodeRuns(result, ColumnRole.GovEconCode, [ColumnRole.GovEconLei, ColumnRole.GovEconKuan]);

        // A lone 合计 in a 三公 table without 会议费/培训费 columns is the 三公 total itself.
        if (family == TableFamily.ThreePublic && !result.Exists(r => r.Id == Columns.Total) && !result.Exists(r => r.Id is Columns.Meeting or Columns.Training))
        {
            var i = result.FindIndex(r => r.Id == GrandTotal);
            if (i >= 0)
            {
                result[i] = result[i] with { Id = Columns.Total };
            }
        }

        return result;
    }

    /// <summary>Columns of a two-sided table in label groups: each label column and the amounts after it (收入 | 支出 by function | 支出 by use).</summary>
    public static List<List<MappedColumn>> Groups(List<MappedColumn> columns)
    {
        var groups = new List<List<MappedColumn>>();
        foreach (var column in columns)
        {
            if (column.Role == ColumnRole.Label || groups.Count == 0 || (groups[^1].Count > 0 && groups[^1][0].Side != column.Side && column.Side is not null))
            {
                groups.Add([]);
            }

            groups[^1].Add(column);
        }

        return groups;
    }

    private static void SplitCodeRuns(List<MappedColumn> columns, ColumnRole role, ColumnRole[] parts)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var run = 0;
            while (i + run < columns.Count && columns[i + run].Role == role)
            {
                run++;
            }

            if (run >= 2 && run <= parts.Length)
            {
                for (var k = 0; k < run; k++)
                {
                    columns[i + k] = columns[i + k] with { Role = parts[k], Id = parts[k].ToString().ToLowerInvariant() };
                }
            }

            i += Math.Max(0, run - 1);
        }
    }

    private static bool IsGovEcon(List<string> path) => path.Exists(p => p.Contains("政府", StringComparison.Ordinal) && p.Contains("经济分类", StringComparison.Ordinal));

    private static ColumnRole? CodeRole(List<string> path, string leaf, TableFamily family)
    {
        var gov = IsGovEcon(path);
        var econ = family == TableFamily.Economic || path.Exists(p => p.Contains("经济分类", StringComparison.Ordinal));
        switch (leaf)
        {
            case "类":
                return gov ? ColumnRole.GovEconLei : econ ? ColumnRole.EconLei : ColumnRole.FuncLei;
            case "款":
                return gov ? ColumnRole.GovEconKuan : econ ? ColumnRole.EconKuan : ColumnRole.FuncKuan;
            case "项":
                return econ ? null : ColumnRole.FuncXiang;
        }

        if (leaf is "行次" or "栏次")
        {
            return ColumnRole.LineNumber;
        }

        if (leaf.Contains("单位代码", StringComparison.Ordinal) || leaf.Contains("单位编码", StringComparison.Ordinal) || leaf == "部门(单位)代码" || leaf == "代码")
        {
            return ColumnRole.UnitCode;
        }

        if (leaf.Contains("编码", StringComparison.Ordinal) || leaf.Contains("科目代码", StringComparison.Ordinal))
        {
            return gov ? ColumnRole.GovEconCode : econ ? ColumnRole.EconCode : ColumnRole.FuncCode;
        }

        if (leaf is "类型" or "类别" || leaf.EndsWith("类型", StringComparison.Ordinal) || leaf.EndsWith("类别", StringComparison.Ordinal))
        {
            return ColumnRole.Category;
        }

        if (leaf.Contains("名称", StringComparison.Ordinal) || leaf == "科目" || leaf == "项目" && family != TableFamily.TwoSided)
        {
            return gov ? ColumnRole.GovEconName : ColumnRole.Name;
        }

        return null;
    }

    private static string? ValueId(TableFamily family, List<string> path, string leaf, string joined, string? side)
    {
        bool In(string s) => joined.Contains(s, StringComparison.Ordinal);
        bool Leaf(string s) => leaf.Contains(s, StringComparison.Ordinal);
        var isTotal = leaf is "合计" or "总计" or "小计" or "合 计" || leaf.EndsWith("合计", StringComparison.Ordinal) || leaf.EndsWith("总计", StringComparison.Ordinal);

        // 完成率 / 预算完成率 / 执行率 (%) beside 预算数 and 决算数, in any table: a rate, never an amount.
        if (Leaf("完成率") || Leaf("执行率")) return Columns.CompletionRate;

        if (family == TableFamily.ThreePublic)
        {
            if (Leaf("因公出国")) return Columns.Abroad;
            if (Leaf("公务接待")) return Columns.Reception;
            if (Leaf("购置费") || (Leaf("购置") && In("公务用车"))) return Columns.VehiclePurchase;
            if (Leaf("运行") && In("公务用车")) return Columns.VehicleOperation;
            if (Leaf("公务用车购置及运行") || (isTotal && In("公务用车"))) return Columns.VehicleTotal;
            if (Leaf("机关运行") || Leaf("机构运行")) return Columns.InstitutionOperating;
            if (Leaf("会议")) return Columns.Meeting;
            if (Leaf("培训")) return Columns.Training;
            if (Leaf("三公") || (isTotal && In("三公"))) return Columns.Total;
            if (isTotal) return GrandTotal;
            if (Leaf("预算数") || Leaf("预算")) return Columns.BudgetAmount;
            if (Leaf("决算数") || Leaf("决算")) return Columns.FinalAmount;
            return null;
        }

        if (family == TableFamily.Revenue || (family == TableFamily.TwoSided && side == "income"))
        {
            if (family == TableFamily.TwoSided)
            {
                return Leaf("金额") || Leaf("预算数") || Leaf("预算") || Leaf("决算数") || isTotal || path.Count <= 1 ? Columns.Amount : null;
            }

            var carry = path.Count > 1 && path.Take(path.Count - 1).Any(p => p.Contains("上年结转", StringComparison.Ordinal) || p.Contains("上年结余", StringComparison.Ordinal));
            var id = RevenueSource(leaf, path, isTotal);
            if (carry && id is Columns.Total or Columns.CurrentYearIncome or Columns.PriorCarryover)
            {
                return Columns.PriorCarryover;
            }

            return id is null ? null : carry ? Columns.PriorCarryover + "." + id : id;
        }

        if (family == TableFamily.TwoSided)
        {
            // Expenditure side of T1 (amount, or Shanghai's basic/project split) and T4 (by fund).
            // The fund comes before 财政拨款: 重庆 prints 政府性基金预算财政拨款 / 国有资本经营预算财政拨款.
            if (Leaf("一般公共预算") || (isTotal && In("一般公共预算"))) return Columns.GeneralPublicBudget;
            if (Leaf("政府性基金")) return Columns.GovernmentFund;
            if (Leaf("国有资本")) return Columns.StateCapital;
            if (Leaf("财政拨款")) return Columns.FiscalGrant;
            if (Leaf("财政专户")) return Columns.SpecialAccount;
            if (Leaf("单位资金")) return Columns.UnitFunds;
            var e = ExpenditureId(path, leaf, isTotal);
            if (e is not null) return e;
            if (Leaf("金额") || Leaf("预算数") || Leaf("决算数")) return Columns.Amount;
            return null;
        }

        if (family == TableFamily.Economic)
        {
            // Money by source (支出经济分类汇总表): 一般公共预算/小计 is that source; 上年结转 is carried-over money.
            if (path.Take(path.Count - 1).Any(p => p.StartsWith("一般公共预算", StringComparison.Ordinal) && !p.Contains("支出", StringComparison.Ordinal)) && isTotal) return Columns.GeneralPublicBudget;
            if (Leaf("上年结转") || Leaf("上年结余")) return Columns.PriorCarryover;
            // 机关运行经费支出预算表: its one amount column (机关运行经费支出) is the total.
            if (Leaf("机关运行") || Leaf("机构运行")) return Columns.Total;
            // The whole table is basic expenditure: its 合计 is the table's total, not a basic-expenditure subtotal.
            if (isTotal && !In("人员经费") && !In("公用经费")) return Columns.Total;
            if (Leaf("一般公共预算") && !isTotal) return Columns.GeneralPublicBudget;
            if (Leaf("政府性基金")) return Columns.GovernmentFund;
            if (Leaf("国有资本")) return Columns.StateCapital;
            if (Leaf("财政拨款")) return Columns.FiscalGrant;
        }

        if (family == TableFamily.Other && path.Take(path.Count - 1).Any(IsPriorCarryover))
        {
            // 项目支出表: 财政拨款结转结余 / 上年结转 over the fund sources is money carried over from last year.
            var source = RevenueSource(leaf, path, isTotal);
            return source is null or Columns.Total or Columns.CurrentYearIncome or Columns.PriorCarryover ? (isTotal || source is not null ? Columns.PriorCarryover : null)
                : Columns.PriorCarryover + "." + source;
        }

        return ExpenditureId(path, leaf, isTotal) ?? (family == TableFamily.Economic || family == TableFamily.Other ? RevenueSource(leaf, path, isTotal) : null);
    }

    /// <summary>A parent header over carried-over money (上年结转, 财政拨款结转结余, 年初结转和结余), not the year-end balance.</summary>
    private static bool IsPriorCarryover(string header) =>
        (header.Contains("结转", StringComparison.Ordinal) || header.Contains("结余", StringComparison.Ordinal)) && !header.Contains("年末", StringComparison.Ordinal) && !header.Contains("年终", StringComparison.Ordinal);

    private static string? ExpenditureId(List<string> path, string leaf, bool isTotal)
    {
        bool Leaf(string s) => leaf.Contains(s, StringComparison.Ordinal);
        var underBasic = path.Take(path.Count - 1).Any(p => p.Contains("基本支出", StringComparison.Ordinal));
        var underProject = path.Take(path.Count - 1).Any(p => p.Contains("项目支出", StringComparison.Ordinal));
        if (Leaf("工资福利")) return Columns.WagesBenefits;
        if (Leaf("对个人和家庭")) return Columns.HouseholdSubsidies;
        if (Leaf("商品和服务")) return Columns.GoodsServices;
        if (Leaf("资本性支出")) return Columns.CapitalExpenditure;
        if (Leaf("人员经费") || Leaf("人员支出")) return Columns.Personnel;
        if (Leaf("公用经费") || Leaf("日常公用") || Leaf("公用支出")) return Columns.PublicOperating;
        if (Leaf("其他运转")) return Columns.ProjectOperating;
        if (Leaf("特定目标")) return Columns.ProjectSpecific;
        if (Leaf("上缴上级")) return Columns.PaymentToSuperior;
        if (Leaf("预留") || Leaf("机动经费")) return Reserve;
        if (Leaf("经营支出")) return Columns.OperatingExpenditure;
        if (Leaf("对附属单位补助")) return Columns.SubsidyToAffiliates;
        // 决算 fund tables: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余.
        if (Leaf("年初")) return Columns.BeginningBalance;
        if (Leaf("年末")) return Columns.EndingBalance;
        if (Leaf("本年收入")) return Columns.CurrentIncome;
        if (Leaf("结转") || Leaf("结余")) return Columns.CarryForward;
        // 合计/总计 is the row total even when a parent label was drawn over it; 小计 is the subtotal of its parent.
        if (leaf is "合计" or "总计" && !path.Take(path.Count - 1).Any(p => p.Contains("项目支出", StringComparison.Ordinal))) return Columns.Total;
        if (Leaf("基本支出") || (isTotal && underBasic)) return Columns.Basic;
        if (Leaf("项目支出") || (isTotal && underProject)) return Columns.Project;
        if (isTotal && !underBasic && !underProject) return Columns.Total;
        if (Leaf("本年支出") || Leaf("支出合计")) return Columns.Total;
        if (leaf is "金额" or "预算数" or "决算数" || Leaf("预算数")) return Columns.Total;
        return null;
    }

    private static string? RevenueSource(string leaf, List<string> path, bool isTotal)
    {
        bool Leaf(string s) => leaf.Contains(s, StringComparison.Ordinal);
        var parent = path.Count > 1 ? path[^2] : "";
        // A fund named with 财政拨款 (政府性基金预算财政拨款收入) is that fund; 财政补助收入 is the older name of 财政拨款收入.
        if (Leaf("政府性基金")) return Columns.GovernmentFund;
        if (Leaf("国有资本")) return Columns.StateCapital;
        if (Leaf("财政拨款") || Leaf("财政补助")) return Columns.FiscalGrant;
        if (Leaf("一般公共预算") || (isTotal && parent.Contains("一般公共预算", StringComparison.Ordinal))) return Columns.GeneralPublicBudget;
        if (Leaf("财政专户")) return Columns.SpecialAccount;
        if (Leaf("事业单位经营") || Leaf("经营收入")) return Columns.OperatingIncome;
        if (Leaf("事业收入")) return Columns.BusinessIncome;
        if (Leaf("上级补助")) return Columns.SuperiorSubsidy;
        if (Leaf("附属单位")) return Columns.AffiliateRemittance;
        if (Leaf("其他收入")) return Columns.OtherIncome;
        if (Leaf("单位资金")) return Columns.UnitFunds;
        if (Leaf("上年结转") || Leaf("上年结余") || Leaf("年初结转")) return Columns.PriorCarryover;
        if (Leaf("用事业基金弥补")) return "fund_offset";
        if (leaf == "总计") return Columns.Total;
        if (isTotal && parent.Contains("本年收入", StringComparison.Ordinal)) return Columns.CurrentYearIncome;
        if (Leaf("本年收入")) return Columns.CurrentYearIncome;
        if (isTotal) return Columns.Total;
        return null;
    }

    /// <summary>Header text compacted, with 其中： and numbering removed.</summary>
    public static string Clean(string text)
    {
        var t = ChineseText.Compact(text);
        if (t.StartsWith("其中:", StringComparison.Ordinal) || t.StartsWith("其中：", StringComparison.Ordinal))
        {
            t = t[3..];
        }
        else if (t.StartsWith("其中", StringComparison.Ordinal) && t.Length > 2)
        {
            t = t[2..];
        }

        return t;
    }
}
