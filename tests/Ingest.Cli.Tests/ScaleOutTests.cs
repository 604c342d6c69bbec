using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Ingest.Cli.Jobs;
using Ingest.Core.Records;
using Ingest.Storage;
using Ingest.Tests.Common;
using Parquet;

namespace Ingest.Cli.Tests;

/// <summary>
/// Enqueue + worker processes on a real PostgreSQL (INGEST_TEST_POSTGRES; skipped without it), one database per test.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private static readonly string BadInputs = Path.Combine(RepoPaths.Root, "tests", "Ingest.Cli.Tests", "BadInputs");
    private readonly CliRunner _cli = new();
    private PostgresTestDatabase? _db;

    public void Dispose()
    {
        _db?.Dispose();
        _cli.Dispose();
    }

    private static string[] Inputs() =>
    [
        Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf"),
        Path.Combine(RepoPaths.Corpus, "syn_001_2020_budget_unit.pdf"),
        Path.Combine(RepoPaths.Corpus, "syn_003_2021_final_dept.pdf"),
        Path.Combine(RepoPaths.Corpus, "syn_004_2022_budget_unit.pdf"),
        Path.Combine(RepoPaths.Corpus, "syn_005_2023_budget_dept.pdf"),
        Path.Combine(BadInputs, "empty.pdf"),
        Path.Combine(BadInputs, "truncated.pdf"),
    ];

    [SkippableFact]
    public void Two_workers_drain_the_queue_and_every_input_ends_in_exactly_one_record()
    {
        _db = PostgresTestDatabase.Create();
        var store = _db.ConnectionString;
        var inputs = Inputs();
        var (exit, _, stderr) = _cli.Run(["enqueue", .. inputs, "--store", store]);
        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("enqueued 7 jobs", stderr, StringComparison.Ordinal);

        // A malformed job (a document without files) throws on every attempt: after Hangfire's retries it must
        // end as a record with a diagnostic, not as a lost job.
        var failing = new DocumentJobInput { Paths = [], Source = Path.Combine(_cli.Dir, "ghost.pdf") };
        new BackgroundJobClient(IngestJobStorage.Open(store))
            .Create(Job.FromExpression<DocumentJob>(j => j.Run(failing, null, CancellationToken.None)), new EnqueuedState(IngestJobStorage.Queue));

        var (status, queued, _) = _cli.Run("status", "--store", store);
        Assert.Equal(ExitCodes.Ok, status);
        Assert.Contains("queued      8", queued, StringComparison.Ordinal);

        RunWorkers(store, 2);

        using (var records = RecordStores.Open(store))
        {
            var all = records.All().ToList();
            Assert.Equal(8, all.Count);
            Assert.Equal(8, all.Select(r => r.Id).Distinct().Count());
            foreach (var input in inputs)
            {
                Assert.Single(all, r => r.Source == input);
            }

            var ghost = Assert.Single(all, r => r.Source == failing.Source);
            var diagnostic = Assert.Single(ghost.Diagnostics);
            Assert.Equal("job_failed", diagnostic.Code);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains($"after {DocumentJob.Retries + 1} attempts", diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal("empty", Assert.Single(all, r => r.Source.EndsWith("empty.pdf", StringComparison.Ordinal)).Diagnostics[0].Code);
            Assert.Contains(all.Single(r => r.Source == inputs[0]).Tables, t => t.Type == Ingest.Core.TableTypes.RevenueExpenditureSummary);
        }

        var (_, after, _) = _cli.Run("status", "--store", store);
        Assert.Contains("queued      0", after, StringComparison.Ordinal);
        Assert.Contains("succeeded   8", after, StringComparison.Ordinal);
        Assert.Contains("records     8", after, StringComparison.Ordinal);

        // Re-delivered work (the same documents enqueued again) replaces records: no duplicates, same line items.
        var lineItems = _db.Scalar("SELECT COUNT(*) FROM line_items");
        Assert.Equal(ExitCodes.Ok, _cli.Run(["enqueue", .. inputs[..3], "--store", store]).Exit);
        RunWorkers(store, 1);
        Assert.Equal(8, _db.Scalar("SELECT COUNT(*) FROM documents"));
        Assert.Equal(lineItems, _db.Scalar("SELECT COUNT(*) FROM line_items"));
    }

    [SkippableFact]
    public void Enqueue_groups_a_narrative_file_and_a_tables_file_into_one_job()
    {
        _db = PostgresTestDatabase.Create();
        var store = _db.ConnectionString;
        var text = Path.Combine(RepoPaths.Corpus, "syn_014_2021_budget_unit_text.pdf");
        var tables = Path.Combine(RepoPaths.Corpus, "syn_014_2021_budget_unit_tables.pdf");
        var single = Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf");
        var (exit, _, stderr) = _cli.Run("enqueue", tables, single, text, "--store", store);
        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("enqueued 2 jobs", stderr, StringComparison.Ordinal);

        RunWorkers(store, 1);
        using var records = RecordStores.Open(store);
        var all = records.All().ToList();
        Assert.Equal(2, all.Count);
        var grouped = Assert.Single(all, r => r.Files.Count == 2);
        Assert.Equal([text, tables], grouped.Files.Select(f => f.Path));
        Assert.Equal(2021, grouped.Year);
        Assert.Contains(grouped.Tables, t => t.Type == Ingest.Core.TableTypes.RevenueExpenditureSummary);
        Assert.Contains(grouped.Narrative, f => f.Key == "revenue_total");
    }

    [Fact]
    public void A_job_whose_file_vanished_is_keyed_by_the_hash_read_at_enqueue()
    {
        var copy = Path.Combine(_cli.Dir, "gone.pdf");
        File.Copy(Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf"), copy);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(copy)));
        var input = DocumentJobInput.From(new Pipeline.DocumentInput([copy]));
        Assert.Equal([sha], input.Sha256);
        File.Delete(copy);

        // The worker cannot read it: the failure record and the processed record both carry the id a successful
        // run gives, so processing it later (where the file is) replaces the record instead of adding one.
        Assert.Equal(sha, DocumentJob.FailureRecord(input, new IOException("gone"), 4).Id);
        var record = Golden.CorpusPipeline.Processor.Process(input.ToDocumentInput());
        Assert.Equal(sha, record.Id);
        Assert.Equal("not_found", record.Diagnostics[0].Code);
    }

    [SkippableFact]
    public async Task Run_and_export_work_on_postgres_like_on_sqlite()
    {
        _db = PostgresTestDatabase.Create();
        var store = _db.ConnectionString;
        var pdf = Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf");
        Assert.Equal(ExitCodes.Ok, _cli.Run("run", pdf, "--store", store, "-j", "1").Exit);
        Assert.Equal(ExitCodes.Ok, _cli.Run("run", pdf, "--store", _cli.Store, "-j", "1").Exit);

        var pgCsv = Path.Combine(_cli.Dir, "pg.csv");
        var liteCsv = Path.Combine(_cli.Dir, "lite.csv");
        Assert.Equal(ExitCodes.Ok, _cli.Run("export", "--format", "csv", "--what", "line-items", "--store", store, "-o", pgCsv).Exit);
        Assert.Equal(ExitCodes.Ok, _cli.Run("export", "--format", "csv", "--what", "line-items", "--store", _cli.Store, "-o", liteCsv).Exit);
        Assert.Equal(File.ReadAllLines(liteCsv), File.ReadAllLines(pgCsv));

        var parquet = Path.Combine(_cli.Dir, "items.parquet");
        var (exit, _, stderr) = _cli.Run("export", "--format", "parquet", "--what", "line-items", "--store", store, "-o", parquet);
        Assert.Equal(ExitCodes.Ok, exit);
        await using var reader = await ParquetReader.CreateAsync(parquet);
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }

        Assert.Equal(File.ReadAllLines(liteCsv).Length - 1, rows);
        Assert.Contains($"exported {rows} rows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Enqueue_and_worker_need_a_postgres_store()
    {
        var (exit, _, stderr) = _cli.Run("enqueue", Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf"), "--store", _cli.Store);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("PostgreSQL", stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, _cli.Run("worker", "--store", _cli.Store, "--drain").Exit);
        Assert.Equal(ExitCodes.Usage, _cli.Run("export", "--format", "parquet", "--store", _cli.Store).Exit);
    }

    [Fact]
    public void An_unreachable_postgres_store_is_a_clear_error()
    {
        var (exit, _, stderr) = _cli.Run("status", "--store", "Host=127.0.0.1;Port=1;Username=x;Password=secret;Database=y;Timeout=2");
        Assert.Equal(ExitCodes.StoreUnavailable, exit);
        Assert.Contains("cannot open PostgreSQL store postgresql://x@127.0.0.1:1/y", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_dashboard_serves_on_loopback_read_only()
    {
        _db = PostgresTestDatabase.Create();
        var jobs = IngestJobStorage.Open(_db.ConnectionString);
        using var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        await using var app = Commands.DashboardCommand.Build(jobs, 0, readOnly: true, loggers);
        await app.StartAsync();
        var url = Assert.Single(app.Urls);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(url + "/hangfire"));
        Assert.Contains("Ingest jobs", page, StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>Runs <c>ingest worker --drain</c> as separate processes (as on separate machines) and waits for all.</summary>
    private void RunWorkers(string store, int count)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ingest.dll");
        var processes = Enumerable.Range(0, count).Select(i =>
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { dll, "worker", "--store", store, "--drain", "--concurrency", "2", "-q", "--log-file", Path.Combine(_cli.Dir, $"worker{i}.json") })
            {
                psi.ArgumentList.Add(a);
            }

            return Process.Start(psi)!;
        }).ToList();
        foreach (var p in processes)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("worker did not drain within 3 minutes");
            }

            Assert.True(p.ExitCode == 0, $"worker exited {p.ExitCode}: {stderr.Result}");
            p.Dispose();
        }
    }
}
