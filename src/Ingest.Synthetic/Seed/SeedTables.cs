using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Synthetic.Render;

namespace Ingest.Synthetic.Seed;

/// <summary>
/// Rebuilds each seed table as a printed table: the header reconstructed as merged cells from the
/// catalogue (field guide §2) and the seed's flattened header rows, the body cells exactly as in the
/// seed (blank stays blank), and the facts of each row with canonical line ids, codes and column ids.
/// </summary>
internal static partial class SeedTables
{
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>类 codes of the 2022 functional classification, by the names the seed prints in T1/T4.</summary>
    private static readonly (string Name, string Code)[] LeiNames =
    [
        ("一般公共服务", "201"), ("外交", "202"), ("国防", "203"), ("公共安全", "204"), ("教育", "205"), ("科学技术", "206"),
        ("文化旅游体育与传媒", "207"), ("文化体育旅游与传媒", "207"), ("社会保障和就业", "208"), ("社会保险基金", "209"),
        ("医疗卫生与计划生育", "210"), ("卫生健康", "210"), ("节能环保", "211"), ("城乡社区", "212"), ("农林水", "213"),
        ("交通运输", "214"), ("资源勘探信息", "215"), ("商业服务业", "216"), ("金融", "217"), ("援助其他地区", "219"),
        ("自然资源海洋气象", "220"), ("住房保障", "221"), ("粮油物资储备", "222"), ("国有资本经营预算", "223"),
        ("灾害防治及应急管理", "224"), ("预备费", "227"), ("其他支出", "229"), ("转移性支出", "230"), ("债务还本", "231"),
        ("债务付息", "232"), ("债务发行费用", "233"), ("抗疫特别国债", "234"),
    ];

    public static PrintedTable Build(SeedTableText s)
    {
        string title = s.Title;
        PrintedTable t = title switch
        {
            _ when title.EndsWith("部门收支预算表", StringComparison.Ordinal) => TwoSided(s, "revenue_expenditure_summary", 2,
                H.Sided("income", "收入", H.Label("项目", 3), H.Amount("金额", "amount", 1.3)),
                H.Sided("expenditure", "支出", H.Label("项目", 3), H.Amount("金额", "amount", 1.3))),
            _ when title.EndsWith("部门收入预算表", StringComparison.Ordinal) => Revenue(s),
            _ when title.EndsWith("部门支出预算表", StringComparison.Ordinal) => Functional(s, "expenditure_summary", specific: true),
            _ when title.EndsWith("财政拨款收支预算表", StringComparison.Ordinal) => TwoSided(s, "fiscal_grant_summary", 3,
                H.Sided("income", "收入", H.Label("项目", 2.6), H.Amount("金额", "amount", 1.1)),
                H.Sided("expenditure", "支出", H.Label("项目", 3), H.Amount("合计", "total", 1.1),
                    H.Group("一般公共预算", H.Amount("小计", "general_public_budget", 1.1), H.Amount("其中：财政拨款", "fiscal_grant", 1.1)),
                    H.Amount("政府性基金", "government_fund", 1.1), H.Amount("国有资本经营预算", "state_capital", 1.1))),
            _ when title.EndsWith("一般公共预算基本支出预算表", StringComparison.Ordinal) => Basic(s),
            _ when title.EndsWith("一般公共预算支出预算表", StringComparison.Ordinal) => Functional(s, "general_public_expenditure", specific: true),
            _ when title.EndsWith("支出经济分类汇总表", StringComparison.Ordinal) => Economic(s),
            _ when title.Contains("三公", StringComparison.Ordinal) => ThreePublic(s),
            _ when title.EndsWith("政府性基金支出预算表", StringComparison.Ordinal) => Functional(s, "government_fund_expenditure", specific: false),
            _ when title.EndsWith("国有资本经营支出预算表", StringComparison.Ordinal) => Functional(s, "state_capital_expenditure", specific: false),
            _ when title.EndsWith("项目支出预算表", StringComparison.Ordinal) => Project(s),
            _ when title.EndsWith("整体绩效目标表", StringComparison.Ordinal) => OverallTargets(s),
            _ when title.EndsWith("项目绩效目标表", StringComparison.Ordinal) => ProjectTargets(s),
            _ => throw new FormatException("seed: unknown table " + title),
        };
        t.Title = title;
        t.Subtitle = s.Subtitle;
        t.Notes = [.. s.Notes];
        t.MaxCellLines = Math.Max(t.MaxCellLines, 6);
        if (s.UnitLine is null)
        {
            t.NoUnitLine = true;
        }
        else
        {
            t.UnitTextOverride = s.UnitLine;
            t.Unit = "万元"; // 单位：万 (sic, in the fund table) is 万元 too
        }

        return t;
    }

    private static PrintedTable New(string type, params H[] roots)
    {
        var t = new PrintedTable { Type = type, Unit = "万元" };
        H.Apply(t, roots);
        return t;
    }

    /// <summary>Body rows of the seed (after its header lines), padded to the grid width; the text exactly as printed.</summary>
    private static List<string[]> Body(SeedTableText s, int headerLines, int width)
    {
        var rows = new List<string[]>();
        foreach (var r in s.Rows.Skip(headerLines))
        {
            int used = r.Length;
            while (used > 0 && r[used - 1].Trim().Length == 0)
            {
                used--;
            }

            if (used > width)
            {
                throw new FormatException($"seed table {s.Title}: a row has {used} cells, the grid {width}: {string.Join("|", r)}");
            }

            var cells = new string[width];
            for (int i = 0; i < width; i++)
            {
                // Neither font of the writer has ≥/≤ (only the 绩效目标 forms print them, in indicator values): written >=/<=.
                cells[i] = i < r.Length ? Tag().Replace(r[i], "").Trim().Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal) : "";
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static GridRow AddRow(PrintedTable t, string[] cells)
    {
        var row = t.AddRow();
        Array.Copy(cells, row.Cells, cells.Length);
        return row;
    }

    /// <summary>The entry's values: every amount column of its side, from the printed text (blank = null).</summary>
    private static RowEntry Entry(PrintedTable t, GridRow row, string? side)
    {
        var e = new RowEntry { Side = side };
        foreach (var c in t.Columns.Where(c => c.Side == side))
        {
            string text = row.Cells[c.Index];
            if (text.Length == 0)
            {
                e.Values[c.Id] = null;
            }
            else
            {
                e.Values[c.Id] = decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture) * 10000m;
                e.Printed[c.Id] = text;
            }
        }

        row.Entries.Add(e);
        return e;
    }

    private static string Lei(string label)
    {
        string name = Regex.Replace(label, @"^[（(]?[一二三四五六七八九十]+[)）、]?", "");
        foreach (var (n, code) in LeiNames)
        {
            if (name.StartsWith(n, StringComparison.Ordinal))
            {
                return code;
            }
        }

        throw new FormatException("seed: no 类 code for " + label);
    }

    // ------------------------------------------------------------------ T1, T4

    private static PrintedTable TwoSided(SeedTableText s, string type, int headerLines, params H[] roots)
    {
        var t = New(type, roots);
        bool t4 = type == "fiscal_grant_summary";
        string? section = null;
        foreach (var cells in Body(s, headerLines, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            string income = cells[0];
            if (income.Length > 0)
            {
                var e = Entry(t, row, "income");
                e.Name = income;
                e.Line = IncomeLine(income, t4, ref section);
            }

            int label = t.Columns.First(c => c.Side == "income").Index + 1;
            string spend = cells[label];
            if (spend.Length > 0)
            {
                var e = Entry(t, row, "expenditure");
                e.Name = spend;
                e.Line = spend switch
                {
                    "本年支出合计" or "一、本年支出" => "expenditure.current_year_total",
                    "年终结转结余" or "二、年终结转结余" => "expenditure.carry_forward",
                    "支出总计" => "expenditure.grand_total",
                    "支出合计" => "expenditure.total", // the pipeline's id for a bottom 支出合计 (T4 here: current year + carry-forward)
                    _ => null,
                };
                if (e.Line is null)
                {
                    e.FuncCode = Lei(spend);
                    e.Line = "expenditure." + e.FuncCode;
                }
            }
        }

        return t;
    }

    private static string IncomeLine(string label, bool t4, ref string? section)
    {
        string name = Regex.Replace(label, @"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|其中：)", "");
        if (label.StartsWith("一、本年收入", StringComparison.Ordinal))
        {
            section = "current";
        }
        else if (label.StartsWith("二、上年结转", StringComparison.Ordinal))
        {
            section = "carryover";
            return "income.prior_carryover";
        }

        string line = name switch
        {
            "本年收入" or "本年收入合计" => "income.current_year_total",
            "上年结转结余" => "income.prior_carryover",
            "收入总计" => "income.grand_total",
            "收入合计" => "income.total", // the pipeline's id for a bottom 收入合计 (T4 here: current year + carryover)
            _ when name.StartsWith("一般公共预算", StringComparison.Ordinal) => "income.general_public_budget",
            "财政拨款" => "income.fiscal_grant",
            _ when name.StartsWith("政府性基金", StringComparison.Ordinal) => "income.government_fund",
            _ when name.StartsWith("国有资本经营", StringComparison.Ordinal) => "income.state_capital",
            _ when name.StartsWith("财政专户", StringComparison.Ordinal) => "income.special_account",
            "事业收入" => "income.business_income",
            "事业单位经营收入" => "income.operating_income",
            "上级补助收入" => "income.superior_subsidy",
            "附属单位上缴收入" => "income.affiliate_remittance",
            "其他收入" => "income.other_income",
            _ => throw new FormatException("seed: no line id for " + label),
        };
        return t4 && section == "carryover" && line is not ("income.total" or "income.prior_carryover")
            ? "income.prior_carryover." + line["income.".Length..]
            : line;
    }

    // ------------------------------------------------------------------ T2

    private static PrintedTable Revenue(SeedTableText s)
    {
        var t = New("revenue_summary",
            H.Label("部门（单位）代码", 1.1),
            H.Label("部门（单位）名称", 2.4),
            H.Amount("总计", "total"),
            H.Group("本年收入",
                H.Amount("合计", "current_year_income"),
                H.Group("一般公共预算", H.Amount("小计", "general_public_budget"), H.Amount("其中：财政拨款", "fiscal_grant")),
                H.Amount("政府性基金", "government_fund"),
                H.Amount("国有资本经营预算", "state_capital"),
                H.Amount("财政专户管理资金收入", "special_account"),
                H.Amount("事业收入", "business_income"),
                H.Amount("事业单位经营收入", "operating_income"),
                H.Amount("上级补助收入", "superior_subsidy"),
                H.Amount("附属单位上缴收入", "affiliate_remittance"),
                H.Amount("其他收入", "other_income")),
            H.Group("上年结转结余",
                H.Amount("合计", "prior_carryover"),
                H.Amount("一般公共预算", "prior_carryover.general_public_budget"),
                H.Amount("政府性基金", "prior_carryover.government_fund"),
                H.Amount("国有资本经营预算", "prior_carryover.state_capital"),
                H.Amount("财政专户管理资金", "prior_carryover.special_account"),
                H.Amount("单位资金", "prior_carryover.unit_funds")));
        foreach (var cells in Body(s, 3, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            e.Name = cells[1];
            if (cells[0].Length > 0)
            {
                e.UnitCode = cells[0];
            }
            else
            {
                e.Line = "total";
            }
        }

        return t;
    }

    // ------------------------------------------------------------------ T3, T5, T8, T9

    private static PrintedTable Functional(SeedTableText s, string type, bool specific)
    {
        var project = new List<H> { H.Amount("小计", "project"), H.Amount("其他运转类", "project_operating") };
        if (specific)
        {
            project.Add(H.Amount("特定目标类", "project_specific"));
        }

        var t = New(type,
            H.Group("科目编码", H.Label("类", 0.5), H.Label("款", 0.4), H.Label("项", 0.4)),
            H.Label("单位代码", 0.6),
            H.Label("单位（科目名称）", 3.2),
            H.Amount("合计", "total"),
            H.Group("基本支出",
                H.Amount("小计", "basic"),
                H.Group("人员经费", H.Amount("工资福利支出", "wages_benefits"), H.Amount("对个人和家庭的补助", "household_subsidies")),
                H.Group("公用经费", H.Amount("商品和服务支出", "goods_services"), H.Amount("资本性支出", "capital_expenditure"))),
            H.Group("项目支出", [.. project]));
        foreach (var cells in Body(s, 3, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            e.Name = cells[4];
            if (cells[0].Length > 0)
            {
                e.FuncCode = cells[0] + cells[1] + cells[2];
            }
            else if (cells[3].Length > 0)
            {
                e.UnitCode = cells[3];
            }
            else if (cells[4] == "合计")
            {
                e.Line = "total";
            }
        }

        return t;
    }

    // ------------------------------------------------------------------ T6

    private static PrintedTable Basic(SeedTableText s)
    {
        var t = New("general_public_basic_expenditure",
            H.Group("部门预算支出经济分类科目", H.Label("科目编码", 0.8), H.Label("科目名称", 2)),
            H.Group("政府预算支出经济分类科目", H.Label("科目编码", 0.8), H.Label("科目名称", 2)),
            H.Group("本年一般公共预算基本支出", H.Amount("合计", "total"), H.Amount("人员经费", "personnel"), H.Amount("公用经费", "public_operating")));
        foreach (var cells in Body(s, 2, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            if (cells[0] == "合计")
            {
                e.Line = "total";
                e.Name = "合计";
            }
            else
            {
                e.EconCode = cells[0];
                e.Name = cells[1];
                e.GovEconCode = cells[2];
            }
        }

        return t;
    }

    // ------------------------------------------------------------------ 支出经济分类汇总表

    private static PrintedTable Economic(SeedTableText s)
    {
        var t = New("economic_classification_summary",
            H.Group("部门预算经济分类", H.Label("类", 0.45), H.Label("款", 0.35), H.Label("科目名称", 1.7)),
            H.Group("政府预算经济分类", H.Label("类", 0.45), H.Label("款", 0.35), H.Label("科目名称", 1.4)),
            H.Amount("总计", "total"),
            H.Group("一般公共预算", H.Amount("小计", "general_public_budget"), H.Amount("其中：财政拨款", "fiscal_grant")),
            H.Amount("政府性基金", "government_fund"),
            H.Amount("国有资本经营预算", "state_capital"),
            H.Amount("上年结转结余", "prior_carryover"),
            H.Amount("财政专户管理资金收入", "special_account"),
            H.Amount("事业收入", "business_income"),
            H.Amount("上级补助收入", "superior_subsidy"),
            H.Amount("附属单位上缴收入", "affiliate_remittance"),
            H.Amount("事业单位经营收入", "operating_income"),
            H.Amount("其他收入", "other_income"));
        foreach (var cells in Body(s, 3, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            e.Name = cells[2];
            if (cells[2] == "合计")
            {
                e.Line = "total";
            }
            else if (cells[1].Length == 0)
            {
                e.UnitCode = cells[0]; // 024: the department, printed in the 类 column
            }
            else
            {
                e.EconCode = cells[0] + cells[1];
                e.GovEconCode = cells[3] + cells[4];
            }
        }

        return t;
    }

    // ------------------------------------------------------------------ T7

    private static PrintedTable ThreePublic(SeedTableText s)
    {
        var t = New("three_public_costs",
            H.Amount("“三公”经费合计", "total"),
            H.Amount("因公出国(境)费", "abroad"),
            H.Group("公务用车购置及运行费", H.Amount("小计", "vehicle_total"), H.Amount("公务用车购置费", "vehicle_purchase"), H.Amount("公务用车运行费", "vehicle_operation")),
            H.Amount("公务接待费", "reception"));
        foreach (var cells in Body(s, 2, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            e.Line = "total";
        }

        return t;
    }

    // ------------------------------------------------------------------ 项目支出预算表

    private static PrintedTable Project(SeedTableText s)
    {
        var t = New("project_expenditure",
            H.Label("类型", 1),
            H.Label("项目名称", 2.2),
            H.Label("项目单位", 2.8),
            H.Amount("合计", "total"),
            H.Group("本年拨款", H.Amount("一般公共预算", "general_public_budget"), H.Amount("政府性基金预算", "government_fund"), H.Amount("国有资本经营预算", "state_capital")),
            H.Group("财政拨款结转结余", H.Amount("一般公共预算", "prior_carryover.general_public_budget"), H.Amount("政府性基金预算", "prior_carryover.government_fund"), H.Amount("国有资本经营预算", "prior_carryover.state_capital")),
            H.Amount("财政专户管理资金", "special_account"),
            H.Amount("单位资金", "unit_funds"));
        foreach (var cells in Body(s, 2, t.Widths.Count))
        {
            var row = AddRow(t, cells);
            var e = Entry(t, row, null);
            if (cells[0].Length == 0 && cells[1].Length == 0)
            {
                e.Line = "total";
            }
            else if (cells[0].Length == 0 && cells[1].All(char.IsAsciiDigit))
            {
                e.UnitCode = cells[1]; // 024 in the 项目名称 column, the department's name beside it
                e.Name = cells[2];
            }
            else
            {
                e.Name = cells[1];
            }
        }

        return t;
    }

    // ------------------------------------------------------------------ 绩效目标表 (forms: typed, no amounts in the truth)

    private static PrintedTable OverallTargets(SeedTableText s)
    {
        int width = s.Rows.Max(r => r.Length);
        var t = new PrintedTable { Type = "performance_targets_overall", Unit = "万元", HeaderRows = 0, MaxCellLines = 60, BodyFontSize = 7 };
        double[] widths = [1.1, 1.4, 1.5, 1.0, 4.2, 1.0];
        for (int i = 0; i < width; i++)
        {
            t.Widths.Add(i < widths.Length ? widths[i] : 1);
            t.TextColumns.Add(i);
        }

        foreach (var cells in Body(s, 0, width))
        {
            AddRow(t, cells);
        }

        return t;
    }

    private static PrintedTable ProjectTargets(SeedTableText s)
    {
        H Target(string text) => H.Group(text, H.Label("三级指标", 1.3), H.Label("指标值", 0.7));
        var t = New("performance_targets_project",
            H.Label("单位编码（项目编码）", 1.6),
            H.Label("项目单位（项目名称）", 1.8),
            // The seed's body rows have five amount cells under 项目金额 (the fifth always blank, its header not printed).
            H.Group("项目金额（万元）", H.Label("资金总额", 0.8), H.Label("政府预算资金", 0.8), H.Label("财政专户管理资金", 0.8), H.Label("单位资金", 0.6), H.Label("", 0.4)),
            H.Group("绩效目标", Target("成本指标"), Target("产出指标"), Target("效益指标"), Target("满意度指标")));
        t.BodyFontSize = 7;
        foreach (var cells in Body(s, 3, t.Widths.Count))
        {
            AddRow(t, cells);
        }

        return t;
    }
}
