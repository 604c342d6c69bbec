using Ingest.Core;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Parquet;
using Parquet.Schema;

namespace Ingest.Storage.Tests;

/// <summary>
/// What every store must do, asserted through <see cref="IIngestStore"/> only: the SQLite and the PostgreSQL
/// stores run the same tests (see the two subclasses).
/// </summary>
public abstract class RecordStoreContract
{
    /// <summary>Opens (or reopens) the store under test; each test has its own.</summary>
    private protected abstract IIngestStore Open();

    internal static DocumentRecord Sample(string id, decimal total) => new()
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

    [SkippableFact]
    public void Reingesting_the_same_id_replaces_the_record_and_its_line_items()
    {
        using (var store = Open())
        {
            store.Upsert(Sample("abc", 3357100.00m));
            store.Upsert(Sample("abc", 3357200.00m));
            store.Upsert(Sample("def", 1m));
            Assert.Equal(2, store.Count());
        }

        using var reopened = Open();
        Assert.Equal(2, reopened.Count());
        var items = reopened.LineItems().Where(i => i.DocumentId == "abc").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(3357200.00m, items.Single(i => i.Column == "total").AmountYuan);
        Assert.Null(items.Single(i => i.Column == "project").AmountYuan);
        Assert.Equal("", items.Single(i => i.Column == "project").Printed);
        Assert.Equal("2010101", items[0].FuncCode);
        Assert.Equal(2, reopened.FindingCounts()["error"]);
    }

    [SkippableFact]
    public void Records_round_trip_with_exact_decimals()
    {
        using var store = Open();
        store.Upsert(Sample("abc", 12345678901234.56m));
        var back = store.Get("abc")!;
        Assert.Equal(12345678901234.56m, back.Tables[0].Rows[0].Values["total"]);
        Assert.Equal("12345678901234.56", back.Tables[0].Rows[0].Values["total"]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(back.Tables[0].Rows[0].Values.ContainsKey("project"));
        Assert.Null(back.Tables[0].Rows[0].Values["project"]);
        Assert.Equal(FindingSeverity.Error, back.Findings[0].Severity);
        Assert.Equal("上海市普陀区司法局", back.Organization);
        Assert.Equal(1, store.FindingCounts()["error"]);
        Assert.Null(store.Get("nope"));
    }

    [SkippableFact]
    public void All_streams_records_in_id_order()
    {
        using var store = Open();
        foreach (var id in new[] { "c1", "a2", "b3" })
        {
            store.Upsert(Sample(id, 1m));
        }

        Assert.Equal(["a2", "b3", "c1"], store.All().Select(r => r.Id));
    }

    [SkippableFact]
    public void Fetch_state_is_kept_per_url()
    {
        using var store = Open();
        store.PutFetch(new FetchEntry { Url = "http://x/a.pdf", Status = FetchStatus.Failed, Attempts = 3, LastError = "500" });
        store.PutFetch(new FetchEntry { Url = "http://x/a.pdf", Status = FetchStatus.Fetched, Attempts = 4, Sha256 = "ff", Metadata = { ["organization"] = "财政局" } });
        var entry = store.GetFetch("http://x/a.pdf")!;
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(4, entry.Attempts);
        Assert.Equal("财政局", entry.Metadata["organization"]);
        Assert.Single(store.AllFetches());
        Assert.Null(store.GetFetch("http://x/b.pdf"));
    }

    [SkippableFact]
    public void Concurrent_writers_of_the_same_ids_leave_one_record_each()
    {
        using var store = Open();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => store.Upsert(Sample("doc" + (i % 5), i)));
        Assert.Equal(5, store.Count());
        var items = store.LineItems().ToList();
        Assert.Equal(10, items.Count);
        Assert.All(items.GroupBy(i => i.DocumentId), g => Assert.Equal(2, g.Count()));
        Assert.Equal(5, store.FindingCounts()["error"]);
    }

    [SkippableFact]
    public void Csv_exports_are_excel_safe()
    {
        using var store = Open();
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

    [SkippableFact]
    public async Task Parquet_exports_read_back_with_types_and_chinese_intact()
    {
        using var store = Open();
        for (var i = 0; i < 7; i++)
        {
            store.Upsert(Sample("doc" + i, 12345678901234.56m + i));
        }

        using var items = new MemoryStream();
        // A row group size smaller than the row count, so that several row groups are written and read.
        Assert.Equal(14, await ParquetExporter.WriteLineItemsAsync(store, items, rowGroupSize: 4));
        items.Position = 0;
        await using (var reader = await ParquetReader.CreateAsync(items))
        {
            Assert.Equal(4, reader.RowGroupCount);
            var fields = reader.Schema.GetDataFields();
            var ids = new List<string?>();
            var amounts = new List<decimal?>();
            var names = new List<string?>();
            var years = new List<int?>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                ids.AddRange(await Read<string>(group, Field(fields, "document_id")));
                names.AddRange(await Read<string>(group, Field(fields, "name")));
                amounts.AddRange(await ReadValues<decimal>(group, Field(fields, "amount_yuan")));
                years.AddRange(await ReadValues<int>(group, Field(fields, "year")));
            }

            Assert.Equal(14, ids.Count);
            Assert.Equal("doc0", ids[0]);
            Assert.All(names, n => Assert.Equal("行政运行", n));
            Assert.All(years, y => Assert.Equal(2026, y));
            Assert.Equal(7, amounts.Count(a => a is null));
            Assert.Contains(12345678901240.56m, amounts);
        }

        using var docs = new MemoryStream();
        Assert.Equal(7, await ParquetExporter.WriteDocumentsAsync(store, docs));
        docs.Position = 0;
        await using (var reader = await ParquetReader.CreateAsync(docs))
        {
            using var group = reader.OpenRowGroupReader(0);
            var orgs = await Read<string>(group, Field(reader.Schema.GetDataFields(), "organization"));
            Assert.All(orgs, o => Assert.Equal("上海市普陀区司法局", o));
        }

        using var findings = new MemoryStream();
        Assert.Equal(7, await ParquetExporter.WriteFindingsAsync(store, findings));
        findings.Position = 0;
        await using (var reader = await ParquetReader.CreateAsync(findings))
        {
            using var group = reader.OpenRowGroupReader(0);
            var expected = await ReadValues<decimal>(group, Field(reader.Schema.GetDataFields(), "expected"));
            Assert.All(expected, e => Assert.Equal(1.5m, e));
        }
    }

    [SkippableFact]
    public async Task An_empty_store_exports_a_valid_empty_parquet_file()
    {
        using var store = Open();
        using var output = new MemoryStream();
        Assert.Equal(0, await ParquetExporter.WriteLineItemsAsync(store, output));
        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        Assert.Contains(reader.Schema.GetDataFields(), f => f.Name == "amount_yuan");
    }

    private static DataField Field(DataField[] fields, string name) => fields.Single(f => f.Name == name);

    private static async Task<string?[]> Read<T>(ParquetRowGroupReader group, DataField field)
    {
        var values = new string?[(int)group.RowCount];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static async Task<T?[]> ReadValues<T>(ParquetRowGroupReader group, DataField field)
        where T : struct
    {
        var values = new T?[(int)group.RowCount];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }
}

/// <summary>The contract on the embedded SQLite store.</summary>
public sealed class SqliteRecordStoreTests : RecordStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private protected override IIngestStore Open() => RecordStores.Open(Path.Combine(_dir, "ingest.db"));

    [Fact]
    public void A_path_opens_sqlite()
    {
        using var store = Open();
        Assert.IsType<SqliteRecordStore>(store);
    }
}

/// <summary>The contract on PostgreSQL (skipped when INGEST_TEST_POSTGRES is unset or unreachable); one database per test.</summary>
public sealed class PostgresRecordStoreTests : RecordStoreContract, IDisposable
{
    private readonly Lazy<Ingest.Tests.Common.PostgresTestDatabase> _db = new(Ingest.Tests.Common.PostgresTestDatabase.Create);

    public void Dispose()
    {
        if (_db.IsValueCreated)
        {
            _db.Value.Dispose();
        }
    }

    private protected override IIngestStore Open() => RecordStores.Open(_db.Value.ConnectionString);

    [SkippableFact]
    public void A_connection_string_opens_postgres_and_migration_is_idempotent()
    {
        using (var first = Open())
        using (var second = Open())
        {
            Assert.IsType<PostgresRecordStore>(first);
            Assert.DoesNotContain("Password", first.Location, StringComparison.OrdinalIgnoreCase);
            second.Upsert(Sample("x", 1m));
        }

        Assert.Equal(1, _db.Value.Scalar("SELECT COUNT(*) FROM documents"));
        Assert.Equal(1, _db.Value.Scalar("SELECT COUNT(*) FROM documents WHERE jsonb_typeof(record) = 'object'"));
    }
}
