using System.Globalization;
using Ingest.Cli.Tests.Golden;
using Ingest.Cli.Pipeline;
using Ingest.Core.Records;
using Ingest.Core.Text;
using Ingest.Tests.Common;
using Xunit.Abstractions;

namespace Ingest.Cli.Tests.Seed;

/// <summary>
/// The seed document (../shared/seeds/000_*.txt) rendered by the generator (corpus/seed/, see
/// docs/corpus.md) through the whole pipeline, against its truth: every table typed right with the
/// seed's values, cell by cell; and validation: the blank 基本支出 小计 cells of 部门支出预算表 are
/// warnings, and nothing in the document is an error.
/// </summary>
public sealed class SeedDocumentTests(ITestOutputHelper output)
{
    private static readonly string Pdf = Path.Combine(RepoPaths.Corpus, "seed", "seed_2022.pdf");

    private static readonly Lazy<DocumentRecord> Truth = new(() =>
        RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "seed", "seed_2022.truth.json"))));

    private static readonly Lazy<DocumentRecord> Actual = new(() => CorpusPipeline.Processor.Process(DocumentInput.Of(Pdf)));

    [Fact]
    public void Kind_level_and_year()
    {
        Assert.Equal("budget", Actual.Value.Kind);
        Assert.Equal("department", Actual.Value.Level);
        Assert.Equal(2022, Actual.Value.Year);
    }

    [Fact]
    public void Organization_as_printed()
    {
        Assert.Equal("伊滨经开区（示范区）工信科技金融工作领导小组办公室", Actual.Value.Organization);
    }

    [Fact]
    public void Organization_up_to_bracket_width()
    {
        static string Fold(string? s) => (s ?? "").Replace('（', '(').Replace('）', ')');
        Assert.Equal(Fold(Truth.Value.Organization), Fold(Actual.Value.Organization));
    }

    [Fact]
    public void Every_table_is_found_and_typed()
    {
        var want = Truth.Value.Tables.Select(t => t.Type).ToList();
        var got = Actual.Value.Tables.Select(t => t.Type).ToList();
        Assert.Equal(13, want.Count);
        Assert.Equal(want, got);
        foreach (var (w, g) in Truth.Value.Tables.Zip(Actual.Value.Tables))
        {
            Assert.Equal(w.Pages, g.Pages);
            Assert.Equal(w.Unit, g.Unit);
            Assert.Equal(w.UnitText, g.UnitText);
        }
    }

    [Theory]
    [InlineData("revenue_expenditure_summary")]
    [InlineData("revenue_summary")]
    [InlineData("expenditure_summary")]
    [InlineData("fiscal_grant_summary")]
    [InlineData("general_public_expenditure")]
    [InlineData("general_public_basic_expenditure")]
    //[InlineData("general_public_basic_expenditure", Skip = "pipeline defect: 一般公共预算基本支出预算表 (p14): the 合计 row, whose 合计 is printed in the 科目编码 column, gets neither line `total` nor the name 合计 (name \"\", no line); its values are right")]
    [InlineData("economic_classification_summary")]
    //[InlineData("economic_classification_summary", Skip = "pipeline defect: 支出经济分类汇总表 (p15–16): column 一般公共预算/小计 is mapped to col7 (want general_public_budget: the Economic family's 'any 小计/合计 is the table total' rule takes it, then the duplicate total becomes col7), column 上年结转结余 to carry_forward (want prior_carryover); the department row 024 printed in the 类 column is read as econ_code 024 (want unit_code 024, and it raises a quality.unknown_code info)")]
    [InlineData("three_public_costs")]
    [InlineData("government_fund_expenditure")]
    [InlineData("state_capital_expenditure")]
    [InlineData("project_expenditure")]
    public void Table_has_the_seed_values(string type)
    {
        var misses = CompareTable(Truth.Value.Tables.Single(t => t.Type == type), Actual.Value.Tables.SingleOrDefault(t => t.Type == type));
        foreach (var m in misses)
        {
            output.WriteLine(m);
        }

        Assert.True(misses.Count == 0, type + ": " + misses.Count + " misses\n" + string.Join("\n", misses.Take(30)));
    }

    [Fact]
    public void Performance_target_tables_are_typed()
    {
        Assert.Contains(Actual.Value.Tables, t => t.Type == "performance_targets_overall" && t.Pages.SequenceEqual([21, 22, 23]));
        Assert.Contains(Actual.Value.Tables, t => t.Type == "performance_targets_project" && t.Pages.SequenceEqual([24]));
    }

    [Fact]
    public void Narrative_facts_are_read()
    {
        var missing = Truth.Value.Narrative
            .Where(f => !Actual.Value.Narrative.Exists(a => a.Kind == f.Kind && a.Amount == f.Amount && a.Percent == f.Percent && a.Page == f.Page))
            .Select(f => $"{f.Key} {f.Kind} {f.Amount} {f.Percent}% p{f.Page}: {f.Quote}")
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Blank_basic_subtotals_of_the_expenditure_table_are_warnings()
    {
        var t3 = Truth.Value.Tables.Single(t => t.Type == "expenditure_summary");
        var blank = t3.Rows.Where(r => r.Values["basic"] is null
                && new[] { "wages_benefits", "household_subsidies", "goods_services", "capital_expenditure" }.Any(c => r.Values[c] is not null))
            .Select(r => r.FuncCode)
            .ToList();
        Assert.Equal(["2060101", "2080501", "2080502", "2080505", "2101101", "2210201"], blank);

        var warnings = Actual.Value.Findings.Where(f => f.Rule == "quality.blank_subtotal").ToList();
        Assert.All(warnings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        var codes = warnings.SelectMany(f => f.Locations).Select(l => l.RowLabel ?? "").ToList();
        foreach (var code in blank)
        {
            Assert.Contains(codes, c => c.StartsWith(code!, StringComparison.Ordinal));
        }

        Assert.Equal(blank.Count, warnings.Count);
    }

    [Fact]
    public void No_error_findings()
    {
        var errors = Actual.Value.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Rule + ": " + f.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.DoesNotContain(Actual.Value.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Every truth cell (including blank ones) in the pipeline's row of the same identity (side, line or code or name, n-th occurrence).</summary>
    internal static List<string> CompareTable(TableRecord want, TableRecord? got)
    {
        var misses = new List<string>();
        if (got is null)
        {
            misses.Add(want.Type + ": table not found");
            return misses;
        }

        var taken = new HashSet<RowRecord>();
        foreach (var row in want.Rows)
        {
            var match = got.Rows.FirstOrDefault(r => !taken.Contains(r) && Key(r) == Key(row));
            if (match is null)
            {
                misses.Add($"row {Key(row)} ({row.Name}): not found");
                continue;
            }

            taken.Add(match);
            if (ChineseText.Compact(match.Name) != ChineseText.Compact(row.Name))
            {
                misses.Add($"row {Key(row)}: name want {row.Name}, got {match.Name}");
            }

            foreach (var (column, value) in row.Values)
            {
                if (!match.Values.TryGetValue(column, out var v))
                {
                    misses.Add($"row {Key(row)} [{column}]: want {Show(value)}, got no column ({string.Join("/", match.Values.Keys)})");
                }
                else if (v != value)
                {
                    misses.Add($"row {Key(row)} [{column}]: want {Show(value)}, got {Show(v)}");
                }
            }
        }

        return misses;
    }

    private static string Key(RowRecord r) => (r.Side ?? "") + "|" + (r.Line ?? r.FuncCode ?? r.EconCode ?? (r.UnitCode is null ? null : "unit " + r.UnitCode) ?? ChineseText.Compact(r.Name));

    private static string Show(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "blank";
}
