using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Storage;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string BadInputs = Path.Combine(RepoPaths.Root, "tests", "Ingest.Cli.Tests", "BadInputs");

    [Fact]
    public void Bad_files_become_records_with_diagnostics_and_the_batch_goes_on()
    {
        using var cli = new CliRunner();
        var good = Path.Combine(RepoPaths.Corpus, "syn_001_2020_budget_unit.pdf");
        var (exit, _, stderr) = cli.Run("run", BadInputs, good, "--store", cli.Store);
        Assert.Equal(ExitCodes.SomeUnreadable, exit);
        Assert.Contains("6 documents (5 unreadable)", stderr, StringComparison.Ordinal);

        using var store = new SqliteRecordStore(cli.Store);
        Assert.Equal(6, store.Count());
        var records = store.All().ToDictionary(r => Path.GetFileName(r.Source));
        Assert.Equal("empty", Assert.Single(records["empty.pdf"].Diagnostics).Code);
        Assert.Equal("not_pdf", Assert.Single(records["not-a-pdf.pdf"].Diagnostics).Code);
        Assert.Equal("not_pdf", Assert.Single(records["random-bytes.pdf"].Diagnostics).Code);
        Assert.Equal("truncated", Assert.Single(records["truncated.pdf"].Diagnostics).Code);
        Assert.Equal("encrypted", Assert.Single(records["encrypted.pdf"].Diagnostics).Code);
        Assert.All(records.Values.Where(r => r.Source != good), r => Assert.Equal(DiagnosticSeverity.Error, r.Diagnostics[0].Severity));

        var ok = records["syn_001_2020_budget_unit.pdf"];
        Assert.DoesNotContain(ok.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(ok.Tables, t => t.Type == TableTypes.RevenueExpenditureSummary);
    }

    [Fact]
    public void Running_the_same_inputs_twice_replaces_records_instead_of_duplicating()
    {
        using var cli = new CliRunner();
        var inputs = new[] { Path.Combine(RepoPaths.Corpus, "syn_003_2021_final_dept.pdf"), Path.Combine(BadInputs, "empty.pdf") };
        Assert.Equal(ExitCodes.SomeUnreadable, cli.Run(["run", .. inputs, "--store", cli.Store]).Exit);
        long lineItems;
        using (var store = new SqliteRecordStore(cli.Store))
        {
            Assert.Equal(2, store.Count());
            lineItems = store.LineItems().LongCount();
            Assert.True(lineItems > 100, $"only {lineItems} line items");
        }

        Assert.Equal(ExitCodes.SomeUnreadable, cli.Run(["run", .. inputs, "--store", cli.Store]).Exit);
        using var again = new SqliteRecordStore(cli.Store);
        Assert.Equal(2, again.Count());
        Assert.Equal(lineItems, again.LineItems().LongCount());
    }

    [Fact]
    public void A_missing_input_path_is_recorded_as_not_found()
    {
        using var cli = new CliRunner();
        var missing = Path.Combine(cli.Dir, "does-not-exist.pdf");
        var (exit, stdout, _) = cli.Run("extract", missing);
        Assert.Equal(ExitCodes.SomeUnreadable, exit);
        var record = Assert.Single(CliRunner.Records(stdout));
        Assert.Equal("not_found", Assert.Single(record.Diagnostics).Code);
    }

    [Fact]
    public void Export_writes_line_items_as_excel_friendly_csv()
    {
        using var cli = new CliRunner();
        Assert.Equal(ExitCodes.Ok, cli.Run("run", Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf"), "--store", cli.Store).Exit);
        var csv = Path.Combine(cli.Dir, "items.csv");
        var (exit, _, _) = cli.Run("export", "--format", "csv", "--what", "line-items", "--bom", "--store", cli.Store, "-o", csv);
        Assert.Equal(ExitCodes.Ok, exit);
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("document_id,organization,year", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",general_public_expenditure,", StringComparison.Ordinal) && l.Contains("合肥市蜀山区政协办公室", StringComparison.Ordinal));

        var (jexit, jsonl, _) = cli.Run("export", "--format", "jsonl", "--store", cli.Store);
        Assert.Equal(ExitCodes.Ok, jexit);
        Assert.Single(CliRunner.Records(jsonl));
    }
}
