using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Synthetic.Tests;

/// <summary>Every committed truth document satisfies the field guide §4 identities exactly.</summary>
public sealed class TruthIdentityTests
{
    public static TheoryData<string> BaseTruths()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Corpus, "*.truth.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    internal static DocumentRecord Load(string name) => RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, name)));

    private static decimal V(RowRecord r, string col) => r.Values.TryGetValue(col, out var v) ? v ?? 0 : 0;

    private static TableRecord Table(DocumentRecord d, string budget, string final) =>
        d.Tables.Single(t => t.Type == (d.Kind == "final_account" ? final : budget));

    [Fact]
    public void Corpus_has_enough_documents_and_error_variants()
    {
        Assert.True(Directory.GetFiles(RepoPaths.Corpus, "*.pdf").Length >= 20);
        Assert.True(Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "errors"), "*.pdf").Length >= 10);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Corpus, "manifest.csv")));
    }

    [Theory]
    [MemberData(nameof(BaseTruths))]
    public void Identities_hold_exactly(string name)
    {
        var d = Load(name);
        Assert.Equal("", d.Id);
        Assert.NotNull(d.Year);

        // T1
        var t1 = Table(d, TableTypes.RevenueExpenditureSummary, TableTypes.FinalRevenueExpenditureSummary);
        RowRecord Line(TableRecord t, string line) => t.Rows.Single(r => r.Line == line);
        decimal Amt(TableRecord t, string line, string col = Columns.Amount) => V(Line(t, line), col);
        var incomeLines = t1.Rows.Where(r => r.Side == "income" && r.Line!.StartsWith("income.", StringComparison.Ordinal)
            && r.Line is not Lines.IncomeTotal and not Lines.IncomeCurrentYear and not Lines.IncomePriorCarryover).ToList();
        var expLines = t1.Rows.Where(r => r.Side == "expenditure" && r.FuncCode is not null).ToList();
        Assert.Equal(Amt(t1, Lines.IncomeTotal), Amt(t1, Lines.ExpenditureTotal));
        Assert.Equal(Amt(t1, Lines.IncomeCurrentYear), incomeLines.Sum(r => V(r, Columns.Amount)));
        Assert.Equal(Amt(t1, Lines.IncomeTotal), Amt(t1, Lines.IncomeCurrentYear) + Amt(t1, Lines.IncomePriorCarryover));
        Assert.Equal(Amt(t1, Lines.ExpenditureCurrentYear), expLines.Sum(r => V(r, Columns.Amount)));
        Assert.Equal(Amt(t1, Lines.ExpenditureTotal), Amt(t1, Lines.ExpenditureCurrentYear) + Amt(t1, Lines.ExpenditureCarryForward));

        // T2
        var t2 = Table(d, TableTypes.RevenueSummary, TableTypes.FinalRevenue);
        string[] nonSources = [Columns.Total, Columns.CurrentYearIncome, Columns.PriorCarryover];
        foreach (var r in t2.Rows)
        {
            Assert.Equal(V(r, Columns.Total), V(r, Columns.CurrentYearIncome) + V(r, Columns.PriorCarryover));
            Assert.Equal(V(r, Columns.CurrentYearIncome), r.Values.Where(kv => !nonSources.Contains(kv.Key)).Sum(kv => kv.Value ?? 0));
        }

        Assert.Equal(Amt(t1, Lines.IncomeCurrentYear), V(t2.Rows.Single(r => r.Line == Lines.Total), Columns.CurrentYearIncome));
        Assert.Equal(V(t2.Rows.Single(r => r.Line == Lines.Total), Columns.Total), t2.Rows.Where(r => r.UnitCode is not null).Sum(r => V(r, Columns.Total)));

        // Functional tables
        foreach (var t in d.Tables.Where(t => TableTypes.IsFunctionalExpenditure(t.Type)))
        {
            var cols = t.Columns.Select(c => c.Id).ToList();
            foreach (var r in t.Rows)
            {
                Assert.Equal(V(r, Columns.Total), V(r, Columns.Basic) + V(r, Columns.Project));
                if (cols.Contains(Columns.Personnel))
                {
                    Assert.Equal(V(r, Columns.Basic), V(r, Columns.Personnel) + V(r, Columns.PublicOperating));
                }

                if (cols.Contains(Columns.WagesBenefits))
                {
                    Assert.Equal(V(r, Columns.Basic), V(r, Columns.WagesBenefits) + V(r, Columns.HouseholdSubsidies) + V(r, Columns.GoodsServices) + V(r, Columns.CapitalExpenditure));
                    Assert.Equal(V(r, Columns.Project), V(r, Columns.ProjectOperating) + V(r, Columns.ProjectSpecific));
                }
            }

            var total = t.Rows.Single(r => r.Line == Lines.Total);
            var leaves = t.Rows.Where(r => r.FuncCode is { Length: 7 }).ToList();
            foreach (var c in cols)
            {
                Assert.Equal(V(total, c), leaves.Sum(r => V(r, c)));
                foreach (var parent in t.Rows.Where(r => r.FuncCode is { Length: 3 or 5 }))
                {
                    Assert.Equal(V(parent, c), leaves.Where(l => l.FuncCode!.StartsWith(parent.FuncCode!, StringComparison.Ordinal)).Sum(l => V(l, c)));
                }
            }

            if (leaves.Count == 0)
            {
                Assert.NotEmpty(t.Notes);
            }
        }

        // T4 and cross-table
        var t4 = Table(d, TableTypes.FiscalGrantSummary, TableTypes.FinalFiscalGrantSummary);
        foreach (var r in t4.Rows.Where(r => r.Side == "expenditure"))
        {
            Assert.Equal(V(r, Columns.Total), V(r, Columns.GeneralPublicBudget) + V(r, Columns.GovernmentFund) + V(r, Columns.StateCapital));
        }

        Assert.Equal(Amt(t4, Lines.IncomeTotal), Amt(t4, Lines.ExpenditureTotal, Columns.Total));
        var t5 = Table(d, TableTypes.GeneralPublicExpenditure, TableTypes.FinalGeneralPublicExpenditure);
        var t5Total = t5.Rows.Single(r => r.Line == Lines.Total);
        Assert.Equal(V(Line(t4, Lines.ExpenditureCurrentYear), Columns.GeneralPublicBudget), V(t5Total, Columns.Total));
        foreach (var lei in t5.Rows.Where(r => r.FuncCode is { Length: 3 }))
        {
            Assert.Equal(V(lei, Columns.Total), V(t4.Rows.Single(r => r.Side == "expenditure" && r.FuncCode == lei.FuncCode), Columns.GeneralPublicBudget));
        }

        var t8 = Table(d, TableTypes.GovernmentFundExpenditure, TableTypes.FinalGovernmentFund);
        Assert.Equal(V(Line(t4, Lines.ExpenditureCurrentYear), Columns.GovernmentFund), V(t8.Rows.Single(r => r.Line == Lines.Total), Columns.Total));

        // T6
        var t6 = Table(d, TableTypes.GeneralPublicBasicExpenditure, TableTypes.FinalGeneralPublicBasicExpenditure);
        var t6Total = t6.Rows.Single(r => r.Line == Lines.Total);
        Assert.Equal(V(t5Total, Columns.Basic), V(t6Total, Columns.Total));
        var kuan = t6.Rows.Where(r => r.EconCode is { Length: 5 }).ToList();
        foreach (var r in t6.Rows)
        {
            Assert.Equal(V(r, Columns.Total), V(r, Columns.Personnel) + V(r, Columns.PublicOperating));
        }

        Assert.Equal(V(t6Total, Columns.Personnel), kuan.Where(r => r.EconCode![..3] is "301" or "303").Sum(r => V(r, Columns.Total)));
        Assert.Equal(V(t6Total, Columns.PublicOperating), kuan.Where(r => r.EconCode![..3] is "302" or "310" or "309" or "399").Sum(r => V(r, Columns.Total)));

        // T7
        var t7 = Table(d, TableTypes.ThreePublicCosts, TableTypes.FinalThreePublicCosts);
        foreach (var r in t7.Rows)
        {
            Assert.Equal(V(r, Columns.Total), V(r, Columns.Abroad) + V(r, Columns.VehicleTotal) + V(r, Columns.Reception));
            Assert.Equal(V(r, Columns.VehicleTotal), V(r, Columns.VehiclePurchase) + V(r, Columns.VehicleOperation));
        }

        var actual = t7.Rows.Last();
        Assert.True(kuan.Where(r => r.EconCode == "30217").Sum(r => V(r, Columns.Total)) <= V(actual, Columns.Reception));
        Assert.True(kuan.Where(r => r.EconCode == "30231").Sum(r => V(r, Columns.Total)) <= V(actual, Columns.VehicleOperation));

        // Printed texts are the values in the table unit.
        foreach (var t in d.Tables)
        {
            decimal factor = t.Unit == "万元" ? 10000m : 1m;
            foreach (var r in t.Rows)
            {
                foreach (var (col, v) in r.Values)
                {
                    if (v is null)
                    {
                        Assert.False(r.Printed.ContainsKey(col));
                        continue;
                    }

                    Assert.Equal(v.Value / factor, decimal.Parse(r.Printed[col], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        // Narrative amounts tie to the tables (after rounding to the text precision).
        decimal Text(string key) => d.Narrative.First(n => n.Key == key && n.Kind != "change").Amount!.Value;
        decimal RoundTo(decimal yuan, string unit) => unit == "万元" ? decimal.Round(yuan / 10000m, 2, MidpointRounding.AwayFromZero) * 10000m : yuan;
        string textUnit = d.Narrative.First(n => n.Unit is not null).Unit!;
        Assert.Equal(RoundTo(Amt(t1, Lines.IncomeTotal), textUnit), Text("revenue_total"));
        Assert.Equal(RoundTo(V(t5Total, Columns.Basic), textUnit), Text("gpb_basic"));
        Assert.Equal(RoundTo(V(t6Total, Columns.Personnel), textUnit), Text("personnel"));
        Assert.Equal(RoundTo(V(actual, Columns.Total), textUnit), Text("three_public.total"));
    }
}
