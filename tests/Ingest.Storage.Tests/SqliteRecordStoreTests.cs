using Ingest.Core;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;

namespace Ingest.Storage.Tests;

public sealed class SqliteRecordStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-store-").FullName;

    private string DbPath => Path.Combine(_dir, "ingest.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DocumentRecord Sample(string id, decimal total) => new()
    {
        Id = id,
        Source = "a.pdf",
        Kind = "budget",
        Level = "department",
        Year = 2026,
        Organization = "上海市普陀区司法局",
        Tables =
        [
            new TableRecord
            {
                Type = TableTypes.GeneralPublicExpenditure, Unit = "万元", Pages = [5],
                Rows =
                [
                    new RowRecord
                    {
                        Index = 3, Page = 5, FuncCode = "2010101", Name = "行政运行",
                        Values = new() { ["total"] = total, ["project"] = null },
                        Printed = new() { ["total"] = "335.71", ["project"] = "" },
                    },
                ],
            },
        ],
        Findings = [new Finding { Rule = RuleIds.T7Total, Severity = FindingSeverity.Error, Message = "x", Expected = 1.5m, Printed = 1.4m }],
    };

    [Fact]
    public void Reingesting_the_same_id_replaces_the_record_and_its_line_items()
    {
        using (var store = new SqliteRecordStore(DbPath))
        {
            store.Upsert(Sample("abc", 3357100.00m));
            store.Upsert(Sample("abc", 3357200.00m));
            store.Upsert(Sample("def", 1m));
            Assert.Equal(2, store.Count());
        }

        using var reopened = new SqliteRecordStore(DbPath);
        Assert.Equal(2, reopened.Count());
        var items = reopened.LineItems().Where(i => i.DocumentId == "abc").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(3357200.00m, items.Single(i => i.Column == "total").AmountYuan);
        Assert.Null(items.Single(i => i.Column == "project").AmountYuan);
        Assert.Equal("", items.Single(i => i.Column == "project").Printed);
        Assert.Equal("2010101", items[0].FuncCode);
    }

    [Fact]
    public void Records_round_trip_with_exact_decimals()
    {
        using var store = new SqliteRecordStore(DbPath);
        store.Upsert(Sample("abc", 12345678901234.56m));
        var back = store.Get("abc")!;
        Assert.Equal(12345678901234.56m, back.Tables[0].Rows[0].Values["total"]);
        Assert.True(back.Tables[0].Rows[0].Values.ContainsKey("project"));
        Assert.Null(back.Tables[0].Rows[0].Values["project"]);
        Assert.Equal(FindingSeverity.Error, back.Findings[0].Severity);
        Assert.Equal(1, store.FindingCounts()["error"]);
    }

    [Fact]
    public void Fetch_state_is_kept_per_url()
    {
        using var store = new SqliteRecordStore(DbPath);
        store.PutFetch(new FetchEntry { Url = "http://x/a.pdf", Status = FetchStatus.Failed, Attempts = 3, LastError = "500" });
        store.PutFetch(new FetchEntry { Url = "http://x/a.pdf", Status = FetchStatus.Fetched, Attempts = 4, Sha256 = "ff" });
        var entry = store.GetFetch("http://x/a.pdf")!;
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(4, entry.Attempts);
        Assert.Single(store.AllFetches());
    }

    [Fact]
    public void Csv_exports_are_excel_safe()
    {
        using var store = new SqliteRecordStore(DbPath);
        var record = Sample("abc", -5m);
        record.Tables[0].Rows[0].Name = "=HYPERLINK(\"x\")";
        store.Upsert(record);
        using var writer = new StringWriter();
        Assert.Equal(2, Exporter.WriteLineItemsCsv(store, writer));
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",-5,", lines[1], StringComparison.Ordinal);
        Assert.Equal("'-x", CsvWriter.Escape("-x"));
        Assert.Equal("-12.50", CsvWriter.Escape("-12.50"));
    }
}
