using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Cli.Pipeline;
using Ingest.Cli.Tests.Golden;
using Ingest.Core.Records;
using Ingest.Core.Text;
using Ingest.Tests.Common;
using Xunit.Abstractions;

namespace Ingest.Cli.Tests.RealCorpus;

/// <summary>
/// Every file of ../shared/corpus-real, processed alone, against what was read off the PDF by hand
/// (<c>RealCorpus/&lt;pdf-name&gt;.expected.json</c>): kind, level, year, organization, the set of
/// table types, the totals of the summary tables, at least ten line items, and the error and warning findings
/// (each with why it is real). Fields the pipeline gets wrong today are listed under
/// <c>known_defects</c> with the correct value and are not asserted until fixed.
/// </summary>
public sealed class RealCorpusTests(ITestOutputHelper output)
{
    private static readonly string Dir = Path.Combine(RepoPaths.Root, "tests", "Ingest.Cli.Tests", "RealCorpus");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Dir, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f)[..^".expected.json".Length]);
        }

        return data;
    }

    [Fact]
    public void Every_real_file_has_its_pins()
    {
        var pdfs = Directory.GetFiles(RepoPaths.CorpusReal, "*.pdf").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var pinned = Directory.GetFiles(Dir, "*.expected.json").Select(f => Path.GetFileName(f)[..^".expected.json".Length]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(15, pdfs.Count);
        Assert.Equal(pdfs, pinned);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_file_matches_its_pins(string pdf)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, pdf + ".expected.json")))!.AsObject();
        var defects = (expected["known_defects"]?.AsArray() ?? []).Select(d => (string)d!["field"]!).ToHashSet(StringComparer.Ordinal);
        foreach (var d in expected["known_defects"]?.AsArray() ?? [])
        {
            output.WriteLine($"known defect {d!["field"]}: expected {d["expected"]?.ToJsonString()}, got {d["got"]?.ToJsonString()} ({d["reason"]})");
        }

        var record = CorpusPipeline.Real(pdf);
        var misses = new List<string>();
        void Check(string field, object? want, object? got)
        {
            if (defects.Contains(field))
            {
                return;
            }

            if (!Equals(want, got))
            {
                misses.Add($"{field}: want {want ?? "null"}, got {got ?? "null"}");
            }
        }

        Check("kind", (string?)expected["kind"], record.Kind);
        Check("level", (string?)expected["level"], record.Level);
        Check("year", (int?)expected["year"], record.Year);
        Check("organization", (string?)expected["organization"], record.Organization);
        // Fragments typed `unknown` (narrative passages, non-standard tables) are not pinned.
        Check("table_types",
            string.Join(",", expected["table_types"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal)),
            string.Join(",", record.Tables.Select(t => t.Type).Where(t => t != "unknown").Distinct().Order(StringComparer.Ordinal)));

        var totals = expected["totals"]!.AsArray();
        for (int i = 0; i < totals.Count; i++)
        {
            var t = totals[i]!;
            var field = $"totals[{i}]";
            var (want, got) = (Amount(t["amount"]), FindTotal(record, (string)t["table"]!, (string?)t["side"], (string)t["line"]!, (string)t["column"]!));
            Check(field, Show(want), got is null ? null : Show(got.Value));
        }

        var items = expected["line_items"]!.AsArray();
        // Narrative-only halves (*_text.pdf) have no tables: their pins are stated figures instead.
        var facts = expected["narrative_facts"]?.AsArray() ?? [];
        Assert.True(items.Count >= 10 || facts.Count >= 10, pdf + ": fewer than ten line items (or, without tables, narrative facts) pinned");
        for (int i = 0; i < facts.Count; i++)
        {
            var f = facts[i]!;
            var found = record.Narrative.Exists(n => n.Kind == (string)f["kind"]! && n.Amount == Amount(f["amount"]) && n.Page == (int)f["page"]!
                && (f["percent"] is null ? n.Percent is null : n.Percent == Amount(f["percent"])));
            Check($"narrative_facts[{i}]", $"{f["kind"]} {f["amount"]} p{f["page"]}", found ? $"{f["kind"]} {f["amount"]} p{f["page"]}" : "not read");
        }

        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i]!;
            var field = $"line_items[{i}]";
            var row = FindRow(record, (string)item["table"]!, (string?)item["func_code"], (string?)item["econ_code"], (string)item["name"]!);
            if (row is null)
            {
                Check(field, $"{item["func_code"] ?? item["econ_code"]} {item["name"]}", "no such row");
                continue;
            }

            foreach (var (column, value) in item["values"]!.AsObject())
            {
                row.Values.TryGetValue(column, out var got);
                Check(field, $"{column}={Show(Amount(value))}", $"{column}={(got is null ? "null" : Show(got.Value))}");
            }
        }

        var wantErrors = expected["errors"]!.AsArray().Select(e => $"{e!["rule"]}@{e["page"]}").Order(StringComparer.Ordinal).ToList();
        var gotErrors = record.Findings.Where(f => f.Severity == FindingSeverity.Error)
            .Select(f => $"{f.Rule}@{f.Locations.FirstOrDefault()?.Page}").Order(StringComparer.Ordinal).ToList();
        Check("errors", string.Join(";", wantErrors), string.Join(";", gotErrors));

        // Warnings too: each one listed with why it is real (a false warning is as bad as a false error).
        var wantWarnings = expected["warnings"]!.AsArray().Select(e => $"{e!["rule"]}@{e["page"]}").Order(StringComparer.Ordinal).ToList();
        var gotWarnings = record.Findings.Where(f => f.Severity == FindingSeverity.Warning)
            .Select(f => $"{f.Rule}@{f.Locations.FirstOrDefault()?.Page}").Order(StringComparer.Ordinal).ToList();
        Check("warnings", string.Join(";", wantWarnings), string.Join(";", gotWarnings));

        foreach (var m in misses)
        {
            output.WriteLine(m);
        }

        Assert.True(misses.Count == 0, pdf + ":\n" + string.Join("\n", misses));
    }

    /// <summary>An amount without trailing zeros (12.50 and 12.5 are the same amount).</summary>
    private static string Show(decimal v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    private static decimal Amount(JsonNode? node) => node!.GetValueKind() == JsonValueKind.String
        ? decimal.Parse((string)node!, CultureInfo.InvariantCulture)
        : node!.GetValue<decimal>();

    private static decimal? FindTotal(DocumentRecord record, string type, string? side, string line, string column) =>
        record.Tables.Where(t => t.Type == type)
            .SelectMany(t => t.Rows)
            .Where(r => r.Line == line && (side is null || r.Side == side) && r.Values.TryGetValue(column, out var v) && v is not null)
            .Select(r => r.Values[column])
            .FirstOrDefault();

    private static RowRecord? FindRow(DocumentRecord record, string type, string? funcCode, string? econCode, string name) =>
        record.Tables.Where(t => t.Type == type)
            .SelectMany(t => t.Rows)
            .FirstOrDefault(r => (funcCode is null || r.FuncCode == funcCode) && (econCode is null || r.EconCode == econCode)
                && ChineseText.Compact(r.Name) == ChineseText.Compact(name));
}
