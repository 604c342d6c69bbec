using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core;
using Ingest.Synthetic.Render;

namespace Ingest.Synthetic.Errors;

/// <summary>What an injected variant must (and may) make a checker report.</summary>
internal sealed class Expectation
{
    public string Base { get; set; } = "";
    public string Variant { get; set; } = "";
    /// <summary>well_beyond, just_beyond or inside (the rounding envelope of n × ½ unit of the last printed digit).</summary>
    public string Size { get; set; } = "";
    public Target Target { get; set; } = new();
    /// <summary>Rules that must fire with severity error (empty for inside-envelope variants).</summary>
    public List<ExpectedFinding> ExpectedErrors { get; set; } = [];
    /// <summary>Rules that may also fire (secondary consequences, checker-dependent).</summary>
    public List<string> MayFire { get; set; } = [];
    /// <summary>For inside-envelope variants: rules that may report a rounding note (info/warning), never an error.</summary>
    public List<string> RoundingNotesAllowed { get; set; } = [];
    public bool ExpectNoError { get; set; }
}

internal sealed class Target
{
    /// <summary>table_cell, narrative_amount, narrative_percent or narrative_direction.</summary>
    public string Kind { get; set; } = "";
    public int File { get; set; }
    public int Page { get; set; }
    public string? Table { get; set; }
    public int? Row { get; set; }
    public string? RowLabel { get; set; }
    public string? Side { get; set; }
    public string? Column { get; set; }
    public string? FactKey { get; set; }
    public string? FactKind { get; set; }
    public string Original { get; set; } = "";
    public string Printed { get; set; } = "";
    public string? Unit { get; set; }
    /// <summary>Change in the printed unit (percentage points for percentages).</summary>
    public decimal Delta { get; set; }
    /// <summary>Change in 元 for amounts.</summary>
    public decimal? DeltaYuan { get; set; }
    public string? OriginalQuote { get; set; }
    public string? Quote { get; set; }
}

internal sealed class ExpectedFinding
{
    public string Rule { get; set; } = "";
    public string Severity { get; set; } = "error";
    public string? Table { get; set; }
    public int? Row { get; set; }
    public string? Column { get; set; }
}

internal sealed class InjectedVariant
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    public GeneratedDocument Document { get; set; } = new();
    public Expectation Expect { get; set; } = new();

    public string ExpectJson() => JsonSerializer.Serialize(Expect, Json) + "\n";
}

/// <summary>Changes exactly one printed figure of a generated document and states which rules must fire.</summary>
internal sealed class ErrorInjector(Corpus corpus)
{
    public const int Kinds = 12;

    private readonly Corpus _corpus = corpus;

    public InjectedVariant? Inject(GeneratedDocument doc, int k)
    {
        if (doc.Files.Count != 1 || doc.Spec.IsFinal)
        {
            return null;
        }

        var tables = doc.Tables.Select(t => t.Clone()).ToList();
        var paras = doc.Paragraphs.Select(p => p.Clone()).ToList();
        var e = new Expectation { Base = doc.Files[0].Name };
        string T(string type) => RuleIds.ShortName(type);
        bool ok = (k % Kinds) switch
        {
            0 => Cell(tables, e, TableTypes.GeneralPublicExpenditure, IsXiang, Columns.Total, Size.Well,
                [T(TableTypes.GeneralPublicExpenditure) + "." + RuleIds.RowTotal, T(TableTypes.GeneralPublicExpenditure) + "." + RuleIds.Rollup], []),
            1 => Cell(tables, e, TableTypes.GeneralPublicExpenditure, r => IsXiang(r) && (r.Values.GetValueOrDefault(Columns.Basic) ?? 0) > 0, Columns.Basic, Size.Just,
                [T(TableTypes.GeneralPublicExpenditure) + "." + RuleIds.RowTotal], [T(TableTypes.GeneralPublicExpenditure) + "." + RuleIds.Rollup, T(TableTypes.GeneralPublicExpenditure) + "." + RuleIds.RowBasic]),
            2 => Cell(tables, e, TableTypes.RevenueExpenditureSummary, r => r.Line == Lines.IncomeTotal, Columns.Amount, Size.Well,
                [RuleIds.T1Balance, RuleIds.T1IncomeGrand, RuleIds.TextAmount + ".revenue_total"], []),
            3 => Cell(tables, e, TableTypes.GeneralPublicBasicExpenditure, r => r.Line == Lines.Total, Columns.Personnel, Size.Well,
                [RuleIds.T6RowSum, RuleIds.T6PersonnelCodes, RuleIds.TextAmount + ".personnel"], [RuleIds.TextPercent]),
            4 => Amount(paras, e, "basic_expenditure", Size.Well, [RuleIds.TextAmount + ".basic_expenditure"], [RuleIds.TextPercent]),
            5 => Amount(paras, e, "expenditure_total", Size.Just, [RuleIds.TextAmount + ".expenditure_total"], [RuleIds.TextChange]),
            6 => Percent(paras, e, "gpb_basic", Size.Well),
            7 => Percent(paras, e, "basic_expenditure", Size.Just),
            8 => Inside(tables, e),
            9 => Direction(paras, e),
            10 => Cell(tables, e, TableTypes.FiscalGrantSummary, r => r.Side == "expenditure" && r.FuncCode is { Length: 3 }, Columns.GeneralPublicBudget, Size.Well,
                [RuleIds.T4RowSum, RuleIds.T4VsT5Lei], [RuleIds.T4Balance]),
            _ => Cell(tables, e, TableTypes.ThreePublicCosts, r => (r.Values.GetValueOrDefault(Columns.Reception) ?? 0) > 0, Columns.Reception, Size.Just,
                [RuleIds.T7Total, RuleIds.TextAmount + ".three_public.reception"], [RuleIds.TextAmount + ".three_public.total"]),
        };
        if (!ok)
        {
            return null;
        }

        string name = doc.Spec.Name + ".err" + k.ToString(CultureInfo.InvariantCulture);
        var rendered = _corpus.Render(doc.Spec, paras, tables, name);
        e.Variant = "errors/" + rendered.Files[0].Name;

        // Where the changed figure landed in the re-rendered variant.
        if (e.Target.Kind == "table_cell")
        {
            var table = tables.First(t => t.Type == e.Target.Table);
            e.Target.Page = table.Rows[e.Target.Row!.Value - table.HeaderRows].Page;
        }
        else
        {
            var p = paras.First(p => p.Facts.Any(f => f.Quote == e.Target.Quote));
            e.Target.Page = p.FactPages[p.Facts.FindIndex(f => f.Quote == e.Target.Quote)];
        }

        return new InjectedVariant { Document = rendered, Expect = e };
    }

    private enum Size
    {
        Well,
        Just,
    }

    private static bool IsXiang(RowEntry r) => r.FuncCode is { Length: 7 };

    private static string SizeName(Size s) => s == Size.Well ? "well_beyond" : "just_beyond";

    private static bool Cell(List<PrintedTable> tables, Expectation e, string type, Func<RowEntry, bool> pick, string column, Size size,
        List<string> must, List<string> may)
    {
        var t = tables.Find(x => x.Type == type);
        if (t is null)
        {
            return false;
        }

        for (int i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            foreach (var entry in row.Entries)
            {
                if (!pick(entry) || entry.Values.GetValueOrDefault(column) is not { } old || old == 0)
                {
                    continue;
                }

                decimal unit = 0.01m * t.Factor;
                // Well beyond: +10% (at least 1000 units of the last digit); just beyond: 2 units (n = 2 or 3 terms: envelope ≤ 1.5 units).
                decimal delta = size == Size.Well ? Math.Max(1000 * unit, Math.Round(old * 0.1m / unit) * unit) : 2 * unit;
                string original = entry.Printed[column];
                t.Set(row, entry, column, old + delta);
                e.Size = SizeName(size);
                e.Target = new Target
                {
                    Kind = "table_cell",
                    File = t.File,
                    Table = t.Type,
                    Row = t.HeaderRows + i,
                    RowLabel = Label(entry),
                    Side = entry.Side,
                    Column = column,
                    Original = original,
                    Printed = entry.Printed[column],
                    Unit = t.Unit,
                    Delta = delta / t.Factor,
                    DeltaYuan = delta,
                };
                foreach (var rule in must)
                {
                    e.ExpectedErrors.Add(new ExpectedFinding
                    {
                        Rule = rule,
                        Table = rule.StartsWith("text", StringComparison.Ordinal) ? null : t.Type,
                        Row = rule.StartsWith("text", StringComparison.Ordinal) ? null : t.HeaderRows + i,
                        Column = rule.StartsWith("text", StringComparison.Ordinal) ? null : column,
                    });
                }

                e.MayFire.AddRange(may);
                return true;
            }
        }

        return false;
    }

    private static string Label(RowEntry r) => ((r.FuncCode ?? r.EconCode ?? r.UnitCode ?? "") + " " + r.Name).Trim();

    private static (Paragraph P, int Index)? FindFact(List<Paragraph> paras, string key, string? kind = null)
    {
        foreach (var p in paras)
        {
            int i = p.Facts.FindIndex(f => f.Key == key && (kind is null || f.Kind == kind) && f.Printed is not null);
            if (i >= 0)
            {
                return (p, i);
            }
        }

        return null;
    }

    private static void Replace(Paragraph p, int i, TextFact updated, Expectation e)
    {
        var old = p.Facts[i];
        int at = p.Text.IndexOf(old.Quote, StringComparison.Ordinal);
        p.Text = p.Text[..at] + updated.Quote + p.Text[(at + old.Quote.Length)..];
        p.Facts[i] = updated;
        e.Target.OriginalQuote = old.Quote;
        e.Target.Quote = updated.Quote;
        e.Target.FactKey = old.Key;
        e.Target.FactKind = old.Kind;
        e.Target.Unit = old.Unit;
    }

    private static bool Amount(List<Paragraph> paras, Expectation e, string key, Size size, List<string> must, List<string> may)
    {
        if (FindFact(paras, key) is not var (p, i))
        {
            return false;
        }

        var f = p.Facts[i];
        decimal printed = decimal.Parse(f.Printed!, CultureInfo.InvariantCulture);
        decimal delta = size == Size.Well ? Math.Max(100m, Math.Round(printed * 0.1m, 2)) : 0.02m;
        decimal factor = f.Unit == "万元" ? 10000m : 1m;
        string newPrinted = (printed + delta).ToString("F2", CultureInfo.InvariantCulture);
        var updated = f with { Printed = newPrinted, Amount = (printed + delta) * factor, Quote = f.Quote.Replace(f.Printed!, newPrinted, StringComparison.Ordinal) };
        e.Size = SizeName(size);
        e.Target = new Target { Kind = "narrative_amount", Original = f.Printed!, Printed = newPrinted, Delta = delta, DeltaYuan = delta * factor };
        Replace(p, i, updated, e);
        e.ExpectedErrors.AddRange(must.Select(r => new ExpectedFinding { Rule = r }));
        e.MayFire.AddRange(may);
        return true;
    }

    private static bool Percent(List<Paragraph> paras, Expectation e, string key, Size size)
    {
        if (FindFact(paras, key, "share") is not var (p, i))
        {
            return false;
        }

        var f = p.Facts[i];
        decimal pct = f.Percent!.Value;
        decimal delta;
        if (size == Size.Well)
        {
            delta = pct > 50 ? -5m : 5m;
        }
        else
        {
            // Envelope of a share recomputed from printed amounts: rounding of part and whole plus ½ unit of the percentage.
            var whole = FindWhole(paras, f);
            decimal part = decimal.Parse(f.Printed!, CultureInfo.InvariantCulture);
            decimal env = 0.005m;
            if (part > 0 && whole > 0)
            {
                env += (100m * 0.005m / part) + (100m * part * 0.005m / (whole * whole));
            }

            delta = Math.Ceiling((env + 0.01m) * 100m) / 100m;
            if (pct + delta > 100)
            {
                delta = -delta;
            }
        }

        string newText = (pct + delta).ToString("F2", CultureInfo.InvariantCulture);
        var updated = f with { Percent = pct + delta, PercentText = newText, Quote = f.Quote.Replace("占" + f.PercentText + "%", "占" + newText + "%", StringComparison.Ordinal) };
        e.Size = SizeName(size);
        e.Target = new Target { Kind = "narrative_percent", Original = f.PercentText!, Printed = newText, Delta = delta };
        Replace(p, i, updated, e);
        e.ExpectedErrors.Add(new ExpectedFinding { Rule = RuleIds.TextPercent });
        return true;
    }

    /// <summary>The amount a share is a share of: the amount fact stated just before the shares in the same paragraph.</summary>
    private static decimal FindWhole(List<Paragraph> paras, TextFact share)
    {
        var p = paras.First(x => x.Facts.Contains(share));
        var whole = p.Facts.TakeWhile(x => x != share).LastOrDefault(x => x.Kind == "amount");
        return whole?.Printed is null ? 0 : decimal.Parse(whole.Printed, CultureInfo.InvariantCulture);
    }

    private static bool Direction(List<Paragraph> paras, Expectation e)
    {
        if (FindFact(paras, "revenue_total", "change") is not var (p, i))
        {
            return false;
        }

        var f = p.Facts[i];
        string quote = f.Direction == "increase"
            ? f.Quote.Replace("增长", "下降", StringComparison.Ordinal)
            : f.Quote.Replace("下降", "增长", StringComparison.Ordinal);
        var updated = f with { Quote = quote };
        e.Size = "well_beyond";
        e.Target = new Target
        {
            Kind = "narrative_direction",
            Original = f.Direction == "increase" ? "增长" : "下降",
            Printed = f.Direction == "increase" ? "下降" : "增长",
        };
        Replace(p, i, updated, e);
        e.ExpectedErrors.Add(new ExpectedFinding { Rule = RuleIds.TextDirection });
        e.MayFire.Add(RuleIds.TextChange);
        return true;
    }

    /// <summary>One T1 类 line +1 unit: the 本年支出合计 identity sums n ≥ 3 printed lines, so 1 unit stays within n × ½ unit.</summary>
    private static bool Inside(List<PrintedTable> tables, Expectation e)
    {
        var t = tables.Find(x => x.Type == TableTypes.RevenueExpenditureSummary);
        if (t is null)
        {
            return false;
        }

        var lines = t.Rows.SelectMany(r => r.Entries).Where(x => x.Side == "expenditure" && x.FuncCode is not null && x.Values.GetValueOrDefault(Columns.Amount) is > 0).ToList();
        if (lines.Count < 3)
        {
            return false;
        }

        var target = lines.MaxBy(x => x.Values[Columns.Amount]!.Value)!;
        int i = t.Rows.FindIndex(r => r.Entries.Contains(target));
        decimal unit = 0.01m * t.Factor;
        string original = target.Printed[Columns.Amount];
        t.Set(t.Rows[i], target, Columns.Amount, target.Values[Columns.Amount]!.Value + unit);
        e.Size = "inside";
        e.ExpectNoError = true;
        e.Target = new Target
        {
            Kind = "table_cell",
            File = t.File,
            Table = t.Type,
            Row = t.HeaderRows + i,
            RowLabel = Label(target),
            Side = "expenditure",
            Column = Columns.Amount,
            Original = original,
            Printed = target.Printed[Columns.Amount],
            Unit = t.Unit,
            Delta = 0.01m,
            DeltaYuan = unit,
        };
        e.RoundingNotesAllowed.Add(RuleIds.T1ExpenditureSum);
        return true;
    }
}
