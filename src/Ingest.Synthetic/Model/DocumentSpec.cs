namespace Ingest.Synthetic.Model;

internal enum RuleStyle
{
    Lines,
    Rects,
    None,
}

/// <summary>How a document is printed (field guide §5). Every switch is varied across the corpus.</summary>
internal sealed class Style
{
    /// <summary>Unit of the main tables (T1–T6, T8, T9): 元 or 万元.</summary>
    public string TableUnit { get; set; } = "万元";
    /// <summary>Unit of the 三公 table.</summary>
    public string ThreePublicUnit { get; set; } = "万元";
    /// <summary>Unit of the narrative amounts.</summary>
    public string TextUnit { get; set; } = "万元";
    public bool SplitCodes { get; set; }
    public RuleStyle Rules { get; set; } = RuleStyle.Lines;
    /// <summary>Portrait media box shown landscape via /Rotate 90.</summary>
    public bool Rotated { get; set; }
    /// <summary>Zero amounts left blank instead of printed 0.00.</summary>
    public bool BlankZeros { get; set; }
    public bool Thousands { get; set; }
    /// <summary>Detailed sub-columns (工资福利支出 … / 其他运转类 特定目标类) in T3/T5: 3–4 header rows.</summary>
    public bool DetailColumns { get; set; }
    /// <summary>Extra income columns in T2 (财政专户管理资金, 单位资金, 上年结转).</summary>
    public bool ExtraColumns { get; set; }
    /// <summary>Government economic codes beside the department ones in T6.</summary>
    public bool GovEconCodes { get; set; }
    /// <summary>Small tables share a page when they fit.</summary>
    public bool PackTables { get; set; }
    /// <summary>Narrative and tables in two files (X_text.pdf, X_tables.pdf).</summary>
    public bool SplitFiles { get; set; }
    /// <summary>"续表" line on continuation pages (otherwise nothing is repeated).</summary>
    public bool ContinuationMark { get; set; }
    /// <summary>Index into the title variants of each table.</summary>
    public int TitleVariant { get; set; }
    /// <summary>Table numbering: 0 none, 1 "表1", 2 "公开01表", 3 "部门预算01表".</summary>
    public int Numbering { get; set; }
    public bool LargeFont { get; set; }

    public IEnumerable<string> Flags()
    {
        yield return "unit=" + TableUnit;
        if (ThreePublicUnit != TableUnit || TextUnit != TableUnit)
        {
            yield return "mixed_units";
        }

        yield return SplitCodes ? "codes=split" : "codes=joined";
        yield return "rules=" + Rules.ToString().ToLowerInvariant();
        yield return Rotated ? "rotate90" : "landscape";
        if (BlankZeros)
        {
            yield return "blank_zeros";
        }

        if (Thousands)
        {
            yield return "thousands";
        }

        if (DetailColumns)
        {
            yield return "detail_columns";
        }

        if (ExtraColumns)
        {
            yield return "extra_columns";
        }

        if (GovEconCodes)
        {
            yield return "gov_econ";
        }

        if (SplitFiles)
        {
            yield return "split_files";
        }

        if (PackTables)
        {
            yield return "packed";
        }

        if (ContinuationMark)
        {
            yield return "continuation_mark";
        }

        yield return "titles=" + TitleVariant;
    }
}

/// <summary>One functional 项 line and its money by source and economic nature (元).</summary>
internal sealed class FuncItem
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    // General public budget (fiscal) money
    public decimal Wages { get; set; }
    public decimal Household { get; set; }
    public decimal Goods { get; set; }
    public decimal Capital { get; set; }
    public decimal ProjectOperating { get; set; }
    public decimal ProjectSpecific { get; set; }
    // Government fund money (project only)
    public decimal Fund { get; set; }
    // Non-fiscal money (事业收入 / 其他收入), spent as project money
    public decimal NonFiscal { get; set; }

    public decimal Personnel => Wages + Household;
    public decimal PublicOperating => Goods + Capital;
    public decimal Basic => Personnel + PublicOperating;
    public decimal GpbProject => ProjectOperating + ProjectSpecific;
    public decimal Gpb => Basic + GpbProject;
    public decimal Total => Gpb + Fund + NonFiscal;
}

internal sealed class EconItem
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string GovCode { get; set; } = "";
    public string GovName { get; set; } = "";
    public decimal Amount { get; set; }
    public bool IsPersonnel => Code.StartsWith("301", StringComparison.Ordinal) || Code.StartsWith("303", StringComparison.Ordinal);
}

internal sealed class ThreePublic
{
    public decimal Abroad { get; set; }
    public decimal VehiclePurchase { get; set; }
    public decimal VehicleOperation { get; set; }
    public decimal Reception { get; set; }
    public decimal VehicleTotal => VehiclePurchase + VehicleOperation;
    public decimal Total => Abroad + VehicleTotal + Reception;
}

internal sealed class UnitInfo
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>This unit's income by T2 source column id (元).</summary>
    public Dictionary<string, decimal> Sources { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Everything one synthetic disclosure states, in 元, consistent by construction.</summary>
internal sealed class DocumentSpec
{
    public string Name { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Region { get; set; } = "";
    public int Year { get; set; }
    /// <summary><c>budget</c> or <c>final_account</c>.</summary>
    public string Kind { get; set; } = "budget";
    /// <summary><c>department</c> or <c>unit</c>.</summary>
    public string Level { get; set; } = "department";
    public Style Style { get; set; } = new();
    public List<FuncItem> Items { get; set; } = [];
    public List<EconItem> Econ { get; set; } = [];
    public ThreePublic ThreePublic { get; set; } = new();
    public ThreePublic ThreePublicBudget { get; set; } = new();
    /// <summary>上年结转 (budget) / 年初结转和结余 (final) of general-public-budget money.</summary>
    public decimal Carryover { get; set; }
    /// <summary>年末结转和结余 (final accounts only).</summary>
    public decimal CarryForward { get; set; }
    /// <summary>Non-fiscal income source column id (business_income or other_income).</summary>
    public string NonFiscalSource { get; set; } = "business_income";
    public decimal PriorYearTotal { get; set; }
    public decimal PriorYearThreePublic { get; set; }
    public decimal PriorYearInstitution { get; set; }
    public decimal ProcurementGoods { get; set; }
    public decimal ProcurementWorks { get; set; }
    public decimal ProcurementServices { get; set; }
    public List<UnitInfo> Units { get; set; } = [];
    public string OrgCode { get; set; } = "";

    public bool IsFinal => Kind == "final_account";
    public decimal Gpb => Items.Sum(i => i.Gpb);
    public decimal Fund => Items.Sum(i => i.Fund);
    public decimal NonFiscal => Items.Sum(i => i.NonFiscal);
    public decimal Spending => Items.Sum(i => i.Total);
    /// <summary>本年收入 of general public budget money.</summary>
    public decimal GpbIncome => Gpb - Carryover + CarryForward;
    public decimal IncomeCurrent => GpbIncome + Fund + NonFiscal;
    public decimal IncomeGrand => IncomeCurrent + Carryover;
    public decimal ExpenditureGrand => Spending + CarryForward;
    public decimal Basic => Items.Sum(i => i.Basic);
    public decimal Personnel => Items.Sum(i => i.Personnel);
    public decimal PublicOperating => Items.Sum(i => i.PublicOperating);
    public decimal ProjectAll => Items.Sum(i => i.GpbProject + i.Fund + i.NonFiscal);
    public decimal GpbProject => Items.Sum(i => i.GpbProject);
    public decimal InstitutionOperating => PublicOperating;
    public decimal Procurement => ProcurementGoods + ProcurementWorks + ProcurementServices;
}
