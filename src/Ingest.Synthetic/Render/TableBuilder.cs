using System.Globalization;
using Ingest.Core;
using Ingest.Synthetic.Model;

namespace Ingest.Synthetic.Render;

/// <summary>Turns a <see cref="DocumentSpec"/> into the printed tables (T1–T9), values and printed texts together.</summary>
internal sealed class TableBuilder(CodeBook codes, DocumentSpec doc)
{
    private static readonly string[] ChineseNumbers =
    [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八",
        "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
    ];

    private static readonly string[] AllLei =
    [
        "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217",
        "219", "220", "221", "222", "224", "227", "229", "230", "231", "232", "233",
    ];

    private readonly CodeBook _codes = codes;
    private readonly DocumentSpec _doc = doc;
    private readonly Style _s = doc.Style;
    private int _number;

    public List<PrintedTable> Build()
    {
        var tables = new List<PrintedTable>
        {
            RevenueExpenditure(),
            Revenue(),
            Functional(Final(TableTypes.ExpenditureSummary, TableTypes.FinalExpenditure), _doc.Items, i => i.Total, i => i.Basic, detail: false),
            FiscalGrant(),
            Functional(Final(TableTypes.GeneralPublicExpenditure, TableTypes.FinalGeneralPublicExpenditure), _doc.Items.Where(i => i.Gpb > 0), i => i.Gpb, i => i.Basic, detail: _s.DetailColumns),
            Basic(),
            ThreePublicTable(),
            Functional(Final(TableTypes.GovernmentFundExpenditure, TableTypes.FinalGovernmentFund), _doc.Items.Where(i => i.Fund > 0), i => i.Fund, _ => 0, detail: false),
            Functional(Final(TableTypes.StateCapitalExpenditure, TableTypes.FinalStateCapital), [], _ => 0, _ => 0, detail: false),
        };
        return tables;
    }

    private string Final(string budget, string final) => _doc.IsFinal ? final : budget;

    private PrintedTable New(string type, string unit)
    {
        _number++;
        string title = TitleOf(type);
        var t = new PrintedTable
        {
            Type = type,
            Title = (_s.TitleVariant == 1 ? _doc.Organization : "") + _doc.Year.ToString(CultureInfo.InvariantCulture) + "年" + title,
            Unit = unit,
            BlankZeros = _s.BlankZeros,
            Thousands = _s.Thousands,
            Subtitle = _s.TitleVariant == 1 ? null : (_doc.Level == "unit" ? "单位名称：" : "部门名称：") + _doc.Organization,
            Number = _s.Numbering switch
            {
                1 => "表" + _number.ToString(CultureInfo.InvariantCulture),
                2 => "公开" + _number.ToString("D2", CultureInfo.InvariantCulture) + "表",
                3 => (_doc.IsFinal ? "部门决算" : "部门预算") + _number.ToString("D2", CultureInfo.InvariantCulture) + "表",
                _ => null,
            },
        };
        return t;
    }

    private string TitleOf(string type)
    {
        string[] variants = type switch
        {
            TableTypes.RevenueExpenditureSummary => ["部门收支预算总表", "收支预算总表", "部门财务收支总体情况表"],
            TableTypes.RevenueSummary => ["部门收入预算总表", "收入预算总表", "部门收入总表"],
            TableTypes.ExpenditureSummary => ["部门支出预算总表", "支出预算总表", "部门支出总表"],
            TableTypes.FiscalGrantSummary => ["财政拨款收支预算总表", "财政拨款收支总表", "部门财政拨款收支预算总表"],
            TableTypes.GeneralPublicExpenditure => ["一般公共预算支出表", "一般公共预算支出功能分类预算表", "财政拨款支出预算表（功能科目）"],
            TableTypes.GeneralPublicBasicExpenditure => ["一般公共预算基本支出表", "一般公共预算基本支出部门预算经济分类预算表", "基本支出明细表（按经济分类）"],
            TableTypes.ThreePublicCosts => ["一般公共预算“三公”经费支出表", "“三公”经费和机关运行经费预算表", "“三公”经费支出预算表"],
            TableTypes.GovernmentFundExpenditure => ["政府性基金预算支出表", "政府性基金预算支出预算表", "政府性基金支出预算表"],
            TableTypes.StateCapitalExpenditure => ["国有资本经营预算支出表", "国有资本经营预算支出预算表", "国有资本经营支出预算表"],
            TableTypes.FinalRevenueExpenditureSummary => ["收入支出决算总表", "部门收入支出决算总表", "收入支出决算总表"],
            TableTypes.FinalRevenue => ["收入决算表", "部门收入决算表", "收入决算表"],
            TableTypes.FinalExpenditure => ["支出决算表", "部门支出决算表", "支出决算表"],
            TableTypes.FinalFiscalGrantSummary => ["财政拨款收入支出决算总表", "财政拨款收入支出决算总表", "部门财政拨款收入支出决算总表"],
            TableTypes.FinalGeneralPublicExpenditure => ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", "一般公共预算支出决算表"],
            TableTypes.FinalGeneralPublicBasicExpenditure => ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表", "一般公共预算基本支出决算表"],
            TableTypes.FinalThreePublicCosts => ["一般公共预算财政拨款“三公”经费支出决算表", "“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"],
            TableTypes.FinalGovernmentFund => ["政府性基金预算财政拨款支出决算表", "政府性基金预算财政拨款支出决算表", "政府性基金预算支出决算表"],
            TableTypes.FinalStateCapital => ["国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出决算表"],
            _ => [type],
        };
        return variants[_s.TitleVariant % variants.Length];
    }

    // ---------------------------------------------------------------- T1

    private PrintedTable RevenueExpenditure()
    {
        var t = New(Final(TableTypes.RevenueExpenditureSummary, TableTypes.FinalRevenueExpenditureSummary), _s.TableUnit);
        string amountText = _doc.IsFinal ? "决算数" : "预算数";
        H.Apply(t,
            H.Sided("income", "收入", H.Label("项目", 3), H.Amount(amountText, Columns.Amount, 1.2)),
            H.Sided("expenditure", "支出", H.Label("项目", 3), H.Amount(amountText, Columns.Amount, 1.2)));

        var income = new List<(string Line, string Label, decimal Value)>
        {
            ("income.general_public_budget", "一般公共预算拨款收入", _doc.GpbIncome),
            ("income.government_fund", "政府性基金预算拨款收入", _doc.Fund),
            ("income.state_capital", "国有资本经营预算拨款收入", 0),
        };
        if (_s.ExtraColumns)
        {
            income.Add(("income.special_account", "财政专户管理资金收入", 0));
        }

        income.Add(("income.business_income", "事业收入", _doc.NonFiscalSource == Columns.BusinessIncome ? _doc.NonFiscal : 0));
        income.Add(("income.operating_income", "事业单位经营收入", 0));
        income.Add(("income.other_income", "其他收入", _doc.NonFiscalSource == Columns.OtherIncome ? _doc.NonFiscal : 0));

        var leis = _s.DetailColumns ? AllLei.ToList() : Leis(_doc.Items).ToList();
        int lines = Math.Max(income.Count, leis.Count);
        for (int i = 0; i < lines; i++)
        {
            var row = t.AddRow();
            if (i < income.Count)
            {
                var (line, label, value) = income[i];
                var e = new RowEntry { Side = "income", Line = line, Name = ChineseNumbers[i] + "、" + label };
                row.Cells[0] = e.Name;
                row.Entries.Add(e);
                t.Set(row, e, Columns.Amount, value);
            }

            if (i < leis.Count)
            {
                string lei = leis[i];
                var e = new RowEntry { Side = "expenditure", Line = "expenditure." + lei, FuncCode = lei, Name = ChineseNumbers[i] + "、" + _codes.LeiName(lei, _doc.Year) };
                row.Cells[2] = e.Name;
                row.Entries.Add(e);
                t.Set(row, e, Columns.Amount, _doc.Items.Where(x => x.Code.StartsWith(lei, StringComparison.Ordinal)).Sum(x => x.Total));
            }
        }

        void Pair(string inLine, string inLabel, decimal inValue, string exLine, string exLabel, decimal exValue)
        {
            var row = t.AddRow();
            var a = new RowEntry { Side = "income", Line = inLine, Name = inLabel };
            var b = new RowEntry { Side = "expenditure", Line = exLine, Name = exLabel };
            row.Cells[0] = inLabel;
            row.Cells[2] = exLabel;
            row.Entries.Add(a);
            row.Entries.Add(b);
            t.Set(row, a, Columns.Amount, inValue);
            t.Set(row, b, Columns.Amount, exValue);
        }

        Pair(Lines.IncomeCurrentYear, "本年收入合计", _doc.IncomeCurrent, Lines.ExpenditureCurrentYear, "本年支出合计", _doc.Spending);
        Pair(Lines.IncomePriorCarryover, _doc.IsFinal ? "年初结转和结余" : "上年结转结余", _doc.Carryover,
            Lines.ExpenditureCarryForward, _doc.IsFinal ? "年末结转和结余" : "年终结转结余", _doc.CarryForward);
        Pair(Lines.IncomeTotal, "收入总计", _doc.IncomeGrand, Lines.ExpenditureTotal, "支出总计", _doc.ExpenditureGrand);
        return t;
    }

    // ---------------------------------------------------------------- T2

    private PrintedTable Revenue()
    {
        var t = New(Final(TableTypes.RevenueSummary, TableTypes.FinalRevenue), _s.TableUnit);
        var sources = new List<(string Id, string Text)>
        {
            (Columns.GeneralPublicBudget, "一般公共预算拨款收入"),
            (Columns.GovernmentFund, "政府性基金预算拨款收入"),
            (Columns.StateCapital, "国有资本经营预算拨款收入"),
        };
        if (_s.ExtraColumns)
        {
            sources.Add((Columns.SpecialAccount, "财政专户管理资金"));
            sources.Add((Columns.UnitFunds, "单位资金"));
        }
        else
        {
            sources.Add((Columns.BusinessIncome, "事业收入"));
            sources.Add((Columns.OperatingIncome, "事业单位经营收入"));
            sources.Add((Columns.OtherIncome, "其他收入"));
        }

        H.Apply(t,
            H.Group("单位", H.Label("单位编码", 1), H.Label("单位名称", 3)),
            H.Amount("总计", Columns.Total, 1.1),
            H.Group("本年收入", [H.Amount("合计", Columns.CurrentYearIncome, 1.1), .. sources.Select(s => H.Amount(s.Text, s.Id))]),
            H.Amount(_doc.IsFinal ? "年初结转和结余" : "上年结转结余", Columns.PriorCarryover));

        decimal Source(UnitInfo u, string id)
        {
            if (id == Columns.UnitFunds)
            {
                return u.Sources.GetValueOrDefault(Columns.BusinessIncome) + u.Sources.GetValueOrDefault(Columns.OtherIncome);
            }

            return u.Sources.GetValueOrDefault(id);
        }

        void Fill(GridRow row, RowEntry e, IReadOnlyList<UnitInfo> units)
        {
            decimal current = 0;
            foreach (var (id, _) in sources)
            {
                decimal v = units.Sum(u => Source(u, id));
                current += v;
                t.Set(row, e, id, v);
            }

            decimal carry = units.Sum(u => u.Sources.GetValueOrDefault(Columns.PriorCarryover));
            t.Set(row, e, Columns.CurrentYearIncome, current);
            t.Set(row, e, Columns.PriorCarryover, carry);
            t.Set(row, e, Columns.Total, current + carry);
        }

        var totalRow = t.AddRow();
        var total = new RowEntry { Line = Lines.Total, Name = "合计" };
        totalRow.Cells[1] = "合计";
        totalRow.Entries.Add(total);
        Fill(totalRow, total, _doc.Units);
        foreach (var u in _doc.Units)
        {
            var row = t.AddRow();
            var e = new RowEntry { UnitCode = u.Code, Name = u.Name };
            row.Cells[0] = u.Code;
            row.Cells[1] = u.Name;
            row.Entries.Add(e);
            Fill(row, e, [u]);
        }

        return t;
    }

    // ---------------------------------------------------------------- T3, T5, T8, T9

    private PrintedTable Functional(string type, IEnumerable<FuncItem> source, Func<FuncItem, decimal> amount, Func<FuncItem, decimal> basic, bool detail)
    {
        var items = source.ToList();
        var t = New(type, _s.TableUnit);
        var codeHeader = CodeHeader();
        bool isT3 = type is TableTypes.ExpenditureSummary or TableTypes.FinalExpenditure;
        H[] amountHeaders;
        Dictionary<string, Func<FuncItem, decimal>> cols;
        if (detail)
        {
            cols = new(StringComparer.Ordinal)
            {
                [Columns.Total] = amount,
                [Columns.Basic] = i => i.Basic,
                [Columns.WagesBenefits] = i => i.Wages,
                [Columns.HouseholdSubsidies] = i => i.Household,
                [Columns.GoodsServices] = i => i.Goods,
                [Columns.CapitalExpenditure] = i => i.Capital,
                [Columns.Project] = i => i.GpbProject,
                [Columns.ProjectOperating] = i => i.ProjectOperating,
                [Columns.ProjectSpecific] = i => i.ProjectSpecific,
            };
            var tree = new List<H>
            {
                H.Amount("合计", Columns.Total, 1.1),
                H.Group("基本支出",
                    H.Amount("小计", Columns.Basic),
                    H.Group("人员经费", H.Amount("工资福利支出", Columns.WagesBenefits), H.Amount("对个人和家庭的补助", Columns.HouseholdSubsidies)),
                    H.Group("公用经费", H.Amount("商品和服务支出", Columns.GoodsServices), H.Amount("资本性支出", Columns.CapitalExpenditure))),
                H.Group("项目支出", H.Amount("小计", Columns.Project), H.Amount("其他运转类", Columns.ProjectOperating), H.Amount("特定目标类", Columns.ProjectSpecific)),
            };
            amountHeaders = _s.TitleVariant == 2 ? [H.Group(_doc.IsFinal ? "本年支出" : "本年一般公共预算支出", [.. tree])] : [.. tree];
        }
        else
        {
            cols = new(StringComparer.Ordinal)
            {
                [Columns.Total] = amount,
                [Columns.Basic] = basic,
                [Columns.Personnel] = i => basic(i) == 0 ? 0 : i.Personnel,
                [Columns.PublicOperating] = i => basic(i) == 0 ? 0 : i.PublicOperating,
                [Columns.Project] = i => amount(i) - basic(i),
            };
            amountHeaders = isT3 || _s.SplitCodes
                ?
                [
                    H.Amount("合计", Columns.Total, 1.1),
                    H.Group("基本支出", H.Amount("小计", Columns.Basic), H.Amount("人员经费", Columns.Personnel), H.Amount("公用经费", Columns.PublicOperating)),
                    H.Amount("项目支出", Columns.Project),
                ]
                :
                [
                    H.Amount("合计", Columns.Total, 1.1),
                    H.Amount("基本支出", Columns.Basic),
                    H.Amount("项目支出", Columns.Project),
                ];
            if (!(isT3 || _s.SplitCodes))
            {
                cols.Remove(Columns.Personnel);
                cols.Remove(Columns.PublicOperating);
            }
        }

        H.Apply(t, [.. codeHeader, .. amountHeaders]);
        int codeCols = _s.SplitCodes ? 3 : 1;

        void Fill(GridRow row, RowEntry e, IReadOnlyList<FuncItem> group)
        {
            foreach (var (id, f) in cols)
            {
                t.Set(row, e, id, group.Sum(f));
            }
        }

        var totalRow = t.AddRow();
        var total = new RowEntry { Line = Lines.Total, Name = "合计" };
        totalRow.Cells[codeCols] = "合计";
        totalRow.Entries.Add(total);
        Fill(totalRow, total, items);

        bool subtotals = _s.SplitCodes ? _s.TitleVariant != 0 : true;
        foreach (var lei in Leis(items))
        {
            var inLei = items.Where(i => i.Code.StartsWith(lei, StringComparison.Ordinal)).ToList();
            if (subtotals)
            {
                AddCoded(t, lei, inLei, Fill);
            }

            foreach (var kuan in inLei.Select(i => i.Code[..5]).Distinct())
            {
                var inKuan = inLei.Where(i => i.Code.StartsWith(kuan, StringComparison.Ordinal)).ToList();
                if (subtotals)
                {
                    AddCoded(t, kuan, inKuan, Fill);
                }

                foreach (var item in inKuan)
                {
                    AddCoded(t, item.Code, [item], Fill);
                }
            }
        }

        if (items.Count == 0)
        {
            string what = type is TableTypes.StateCapitalExpenditure or TableTypes.FinalStateCapital ? "国有资本经营预算" : "政府性基金预算";
            t.Notes.Add((_doc.Level == "unit" ? "本单位" : "本部门") + (_doc.IsFinal ? _doc.Year.ToString(CultureInfo.InvariantCulture) + "年度" : "") + "无" + what + "拨款安排的支出，故本表无数据。");
        }

        return t;
    }

    private void AddCoded(PrintedTable t, string code, IReadOnlyList<FuncItem> group, Action<GridRow, RowEntry, IReadOnlyList<FuncItem>> fill)
    {
        var row = t.AddRow();
        var e = new RowEntry { FuncCode = code, Name = _codes.FuncName(code, _doc.Year) };
        if (_s.SplitCodes)
        {
            row.Cells[0] = code[..3];
            row.Cells[1] = code.Length >= 5 ? code[3..5] : "";
            row.Cells[2] = code.Length >= 7 ? code[5..7] : "";
            row.Cells[3] = e.Name;
        }
        else
        {
            row.Cells[0] = code;
            row.Cells[1] = e.Name;
        }

        row.Entries.Add(e);
        fill(row, e, group);
    }

    private List<H> CodeHeader() => _s.SplitCodes
        ? [H.Group("功能分类科目编码", H.Label("类", 0.5), H.Label("款", 0.5), H.Label("项", 0.5)), H.Label("科目名称", 3)]
        : [H.Label("科目编码", 1.1), H.Label("科目名称", 3)];

    private static IEnumerable<string> Leis(IEnumerable<FuncItem> items) => items.Select(i => i.Code[..3]).Distinct().Order(StringComparer.Ordinal);

    // ---------------------------------------------------------------- T4

    private PrintedTable FiscalGrant()
    {
        var t = New(Final(TableTypes.FiscalGrantSummary, TableTypes.FinalFiscalGrantSummary), _s.TableUnit);
        H.Apply(t,
            H.Sided("income", "收入", H.Label("项目", 3), H.Amount(_doc.IsFinal ? "决算数" : "预算数", Columns.Amount, 1.1)),
            H.Sided("expenditure", "支出", H.Label("项目", 3), H.Amount("合计", Columns.Total, 1.1), H.Amount("一般公共预算", Columns.GeneralPublicBudget),
                H.Amount("政府性基金预算", Columns.GovernmentFund), H.Amount("国有资本经营预算", Columns.StateCapital)));

        var income = new List<(string Line, string Label, decimal Value)>
        {
            (Lines.IncomeCurrentYear, "一、本年收入", _doc.GpbIncome + _doc.Fund),
            ("income.general_public_budget", "（一）一般公共预算拨款", _doc.GpbIncome),
            ("income.government_fund", "（二）政府性基金预算拨款", _doc.Fund),
            ("income.state_capital", "（三）国有资本经营预算拨款", 0),
            (Lines.IncomePriorCarryover, _doc.IsFinal ? "二、年初财政拨款结转和结余" : "二、上年结转", _doc.Carryover),
        };
        var fiscal = _doc.Items.Where(i => i.Gpb + i.Fund > 0).ToList();
        var expenditure = new List<(string Line, string? Code, string Label, decimal Gpb, decimal Fund)>
        {
            (Lines.ExpenditureCurrentYear, null, "一、本年支出", fiscal.Sum(i => i.Gpb), fiscal.Sum(i => i.Fund)),
        };
        int k = 0;
        foreach (var lei in Leis(fiscal))
        {
            var inLei = fiscal.Where(i => i.Code.StartsWith(lei, StringComparison.Ordinal)).ToList();
            expenditure.Add(("expenditure." + lei, lei, "（" + ChineseNumbers[k++] + "）" + _codes.LeiName(lei, _doc.Year), inLei.Sum(i => i.Gpb), inLei.Sum(i => i.Fund)));
        }

        expenditure.Add((Lines.ExpenditureCarryForward, null, _doc.IsFinal ? "二、年末财政拨款结转和结余" : "二、年终结转结余", _doc.CarryForward, 0));

        int lines = Math.Max(income.Count, expenditure.Count);
        for (int i = 0; i < lines; i++)
        {
            var row = t.AddRow();
            if (i < income.Count)
            {
                var (line, label, value) = income[i];
                var e = new RowEntry { Side = "income", Line = line, Name = label };
                row.Cells[0] = label;
                row.Entries.Add(e);
                t.Set(row, e, Columns.Amount, value);
            }

            if (i < expenditure.Count)
            {
                var (line, code, label, gpb, fund) = expenditure[i];
                var e = new RowEntry { Side = "expenditure", Line = line, FuncCode = code, Name = label };
                row.Cells[2] = label;
                row.Entries.Add(e);
                t.Set(row, e, Columns.Total, gpb + fund);
                t.Set(row, e, Columns.GeneralPublicBudget, gpb);
                t.Set(row, e, Columns.GovernmentFund, fund);
                t.Set(row, e, Columns.StateCapital, 0);
            }
        }

        var last = t.AddRow();
        var a = new RowEntry { Side = "income", Line = Lines.IncomeTotal, Name = "收入总计" };
        var b = new RowEntry { Side = "expenditure", Line = Lines.ExpenditureTotal, Name = "支出总计" };
        last.Cells[0] = a.Name;
        last.Cells[2] = b.Name;
        last.Entries.Add(a);
        last.Entries.Add(b);
        decimal grandGpb = fiscal.Sum(i => i.Gpb) + _doc.CarryForward;
        decimal grandFund = fiscal.Sum(i => i.Fund);
        t.Set(last, a, Columns.Amount, _doc.GpbIncome + _doc.Fund + _doc.Carryover);
        t.Set(last, b, Columns.Total, grandGpb + grandFund);
        t.Set(last, b, Columns.GeneralPublicBudget, grandGpb);
        t.Set(last, b, Columns.GovernmentFund, grandFund);
        t.Set(last, b, Columns.StateCapital, 0);
        return t;
    }

    // ---------------------------------------------------------------- T6

    private PrintedTable Basic()
    {
        var t = New(Final(TableTypes.GeneralPublicBasicExpenditure, TableTypes.FinalGeneralPublicBasicExpenditure), _s.TableUnit);
        var dept = _s.SplitCodes
            ? H.Group("部门预算支出经济分类科目", H.Label("类", 0.5), H.Label("款", 0.5), H.Label("科目名称", 2.6))
            : H.Group("部门预算支出经济分类科目", H.Label("科目编码", 0.9), H.Label("科目名称", 2.6));
        var amounts = H.Group(_doc.IsFinal ? "本年支出" : "本年一般公共预算基本支出", H.Amount("合计", Columns.Total, 1.1), H.Amount("人员经费", Columns.Personnel), H.Amount("公用经费", Columns.PublicOperating));
        if (_s.GovEconCodes)
        {
            H.Apply(t, dept, H.Group("政府预算支出经济分类科目", H.Label("科目编码", 0.9), H.Label("科目名称", 2.2)), amounts);
        }
        else
        {
            H.Apply(t, dept, amounts);
        }

        int nameCol = _s.SplitCodes ? 2 : 1;
        void Fill(GridRow row, RowEntry e, IEnumerable<EconItem> group)
        {
            var list = group.ToList();
            decimal p = list.Where(x => x.IsPersonnel).Sum(x => x.Amount);
            decimal o = list.Where(x => !x.IsPersonnel).Sum(x => x.Amount);
            t.Set(row, e, Columns.Total, p + o);
            t.Set(row, e, Columns.Personnel, p);
            t.Set(row, e, Columns.PublicOperating, o);
        }

        var totalRow = t.AddRow();
        var total = new RowEntry { Line = Lines.Total, Name = "合计" };
        totalRow.Cells[nameCol] = "合计";
        totalRow.Entries.Add(total);
        Fill(totalRow, total, _doc.Econ);
        foreach (var lei in _doc.Econ.Select(x => x.Code[..3]).Distinct())
        {
            var inLei = _doc.Econ.Where(x => x.Code.StartsWith(lei, StringComparison.Ordinal)).ToList();
            if (_s.TitleVariant != 0 || !_s.SplitCodes)
            {
                var row = t.AddRow();
                var e = new RowEntry { EconCode = lei, Name = _codes.EconNames.GetValueOrDefault(lei, lei) };
                row.Cells[0] = lei;
                row.Cells[nameCol] = e.Name;
                row.Entries.Add(e);
                Fill(row, e, inLei);
            }

            foreach (var x in inLei)
            {
                var row = t.AddRow();
                var e = new RowEntry { EconCode = x.Code, Name = x.Name, GovEconCode = _s.GovEconCodes ? x.GovCode : null };
                if (_s.SplitCodes)
                {
                    row.Cells[0] = x.Code[..3];
                    row.Cells[1] = x.Code[3..];
                }
                else
                {
                    row.Cells[0] = x.Code;
                }

                row.Cells[nameCol] = x.Name;
                if (_s.GovEconCodes)
                {
                    row.Cells[nameCol + 1] = x.GovCode;
                    row.Cells[nameCol + 2] = x.GovName;
                }

                row.Entries.Add(e);
                Fill(row, e, [x]);
            }
        }

        return t;
    }

    // ---------------------------------------------------------------- T7

    private PrintedTable ThreePublicTable()
    {
        var t = New(Final(TableTypes.ThreePublicCosts, TableTypes.FinalThreePublicCosts), _s.ThreePublicUnit);
        bool withInstitution = _s.TitleVariant == 1 && !_doc.IsFinal && _s.ThreePublicUnit == _s.TableUnit;
        var heads = new List<H>();
        if (_doc.IsFinal)
        {
            heads.Add(H.Label("项目", 1.2));
        }

        heads.Add(H.Amount("“三公”经费合计", Columns.Total, 1.2));
        heads.Add(H.Amount("因公出国（境）费", Columns.Abroad));
        heads.Add(H.Group("公务用车购置及运行费", H.Amount("小计", Columns.VehicleTotal), H.Amount("公务用车购置费", Columns.VehiclePurchase), H.Amount("公务用车运行费", Columns.VehicleOperation)));
        heads.Add(H.Amount("公务接待费", Columns.Reception));
        if (withInstitution)
        {
            heads.Add(H.Amount("机关运行经费", Columns.InstitutionOperating, 1.1));
        }

        H.Apply(t, [.. heads]);
        void Fill(ThreePublic v, string line, string label)
        {
            var row = t.AddRow();
            var e = new RowEntry { Line = line, Name = label };
            if (_doc.IsFinal)
            {
                row.Cells[0] = label;
            }

            row.Entries.Add(e);
            t.Set(row, e, Columns.Total, v.Total);
            t.Set(row, e, Columns.Abroad, v.Abroad);
            t.Set(row, e, Columns.VehicleTotal, v.VehicleTotal);
            t.Set(row, e, Columns.VehiclePurchase, v.VehiclePurchase);
            t.Set(row, e, Columns.VehicleOperation, v.VehicleOperation);
            t.Set(row, e, Columns.Reception, v.Reception);
            if (withInstitution)
            {
                t.Set(row, e, Columns.InstitutionOperating, _doc.InstitutionOperating);
            }
        }

        // The T7 unit is 万元 or 元; amounts are whole hundreds of 元 except 机关运行经费, kept exact by the generator's granularity.
        if (_doc.IsFinal)
        {
            Fill(_doc.ThreePublicBudget, Columns.BudgetAmount, "预算数");
            Fill(_doc.ThreePublic, Columns.FinalAmount, "决算数");
        }
        else
        {
            Fill(_doc.ThreePublic, Lines.Total, _doc.Year.ToString(CultureInfo.InvariantCulture) + "年预算数");
        }

        t.Notes.Add("注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。");
        return t;
    }
}
