using System.Globalization;
using Ingest.Core.Pipeline;

namespace Ingest.Fetch.Tests;

public sealed class FetcherResumeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string StatePath => Path.Combine(_dir.Path, "state", "fetch.jsonl");

    [Fact]
    public async Task A_canceled_run_resumes_without_downloading_again()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = new TestHttpServer();
        var pdfs = Enumerable.Range(1, 6).Select(i => TestPdf.Make("resume " + i, padding: 2000)).ToArray();
        for (int i = 1; i <= 6; i++)
        {
            var pdf = pdfs[i - 1];
            if (i == 4)
            {
                server.Map("/d4.pdf", async x =>
                {
                    if (x.Hit > 1)
                    {
                        await x.PdfAsync(pdf);
                        return;
                    }

                    // Half a body on disk in a temp file, then the run is canceled while this request hangs.
                    await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
                    await x.BodyAsync(pdf.AsMemory(0, 1000));
                    await Task.Delay(200, x.Stopping);
                    await cancel.CancelAsync();
                    await Task.Delay(TimeSpan.FromSeconds(10), x.Stopping);
                });
            }
            else
            {
                server.Map($"/d{i}.pdf", x => x.PdfAsync(pdf));
            }
        }

        var requests = Enumerable.Range(1, 6).Select(i => new FetchRequest(server.Url($"/d{i}.pdf"))).ToList();
        var options = Fast.Options(_dir, o => o.MaxConcurrency = 1);

        using (var store = new JsonLinesFetchStateStore(StatePath))
        using (var fetcher = Fast.Fetcher(options, store))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(requests, null, cancel.Token));
            Assert.Equal(FetchStatus.Pending, store.GetFetch(server.Url("/d4.pdf"))!.Status);
        }

        Assert.Empty(_dir.TempFiles());
        Assert.Equal(3, _dir.PdfFiles().Length);

        using (var store = new JsonLinesFetchStateStore(StatePath))
        {
            Assert.Equal(3, store.AllFetches().Count(e => e.Status == FetchStatus.Fetched));
            using var fetcher = Fast.Fetcher(options, store);
            var summary = await fetcher.FetchAsync(requests);

            Assert.Equal(3, summary.AlreadyPresent);
            Assert.Equal(3, summary.Downloaded);
            Assert.Equal(0, summary.Failed);
            Assert.Equal(6, store.AllFetches().Count());
            Assert.All(store.AllFetches(), e => Assert.Equal(FetchStatus.Fetched, e.Status));
        }

        for (int i = 1; i <= 6; i++)
        {
            Assert.Equal(i == 4 ? 2 : 1, server.Hits($"/d{i}.pdf"));
        }

        Assert.Equal(6, _dir.PdfFiles().Length);
        Assert.Empty(_dir.TempFiles());

        // A third run does nothing at all.
        using (var store = new JsonLinesFetchStateStore(StatePath))
        using (var fetcher = Fast.Fetcher(options, store))
        {
            var summary = await fetcher.FetchAsync(requests);
            Assert.Equal(6, summary.AlreadyPresent);
            Assert.Equal(1, File.ReadLines(StatePath).Count(l => l.Contains("/d1.pdf", StringComparison.Ordinal)));
        }

        Assert.Equal(7, server.TotalHits);
    }

    [Fact]
    public async Task After_a_crash_the_rerun_cleans_up_and_refetches_only_what_is_missing_or_damaged()
    {
        await using var server = new TestHttpServer();
        var pdfs = Enumerable.Range(1, 5).Select(i => TestPdf.Make("crash " + i)).ToArray();
        for (int i = 1; i <= 5; i++)
        {
            var pdf = pdfs[i - 1];
            server.Map($"/c{i}.pdf", x => x.PdfAsync(pdf));
        }

        string Url(int i) => server.Url($"/c{i}.pdf");
        var requests = Enumerable.Range(1, 5).Select(i => new FetchRequest(Url(i))).ToList();
        var options = Fast.Options(_dir);
        using (var store = new JsonLinesFetchStateStore(StatePath))
        using (var fetcher = Fast.Fetcher(options, store))
        {
            Assert.Equal(4, (await fetcher.FetchAsync(requests.Take(4))).Downloaded);
            // URL 5 was being fetched when the process died.
            store.PutFetch(new FetchEntry { Url = Url(5), Status = FetchStatus.Pending, Attempts = 1 });
        }

        // The crash left: a partial temp file, a torn last state line, one stored file damaged, one deleted.
        await File.WriteAllBytesAsync(Path.Combine(_dir.Out, Fetcher.TempPrefix + "0123456789abcdef" + Fetcher.TempSuffix), pdfs[4].AsMemory(0, 30).ToArray());
        await File.AppendAllTextAsync(StatePath, "{\"url\":\"" + Url(5) + "\",\"status\":\"Fetc");
        var damaged = Path.Combine(_dir.Out, TestPdf.Sha256(pdfs[1]) + ".pdf");
        await File.WriteAllBytesAsync(damaged, TestPdf.Make("something else entirely"));
        File.Delete(Path.Combine(_dir.Out, TestPdf.Sha256(pdfs[2]) + ".pdf"));

        using (var store = new JsonLinesFetchStateStore(StatePath))
        {
            Assert.Equal(1, store.SkippedLines);
            using var fetcher = Fast.Fetcher(options, store);
            var summary = await fetcher.FetchAsync(requests);

            Assert.Equal(0, summary.Failed);
            Assert.Equal(2, summary.AlreadyPresent); // 1 and 4
            Assert.Equal(3, summary.Downloaded); // 2 (damaged), 3 (deleted), 5 (pending)
            Assert.All(store.AllFetches(), e => Assert.Equal(FetchStatus.Fetched, e.Status));
            Assert.Equal(5, store.AllFetches().Count());
        }

        Assert.Equal([1, 2, 2, 1, 1], Enumerable.Range(1, 5).Select(i => server.Hits($"/c{i}.pdf")));
        Assert.Equal(pdfs[1], await File.ReadAllBytesAsync(damaged));
        Assert.Empty(_dir.TempFiles());
        Assert.Equal(5, _dir.PdfFiles().Length);
    }

    [Fact]
    public async Task Failed_urls_are_retried_on_the_next_run()
    {
        var pdf = TestPdf.Make("second chance");
        bool up = false;
        await using var server = new TestHttpServer().Map("/later.pdf", x => Volatile.Read(ref up) ? x.PdfAsync(pdf) : x.StatusAsync(503));
        var options = Fast.Options(_dir, o => o.MaxRetries = 1);
        var requests = new[] { new FetchRequest(server.Url("/later.pdf")) };
        using var store = new JsonLinesFetchStateStore(StatePath);

        using (var fetcher = Fast.Fetcher(options, store))
        {
            Assert.Equal(1, (await fetcher.FetchAsync(requests)).Failed);
        }

        Volatile.Write(ref up, true);
        using (var fetcher = Fast.Fetcher(options, store))
        {
            var summary = await fetcher.FetchAsync(requests);
            Assert.Equal(1, summary.Downloaded);
            Assert.Equal(1, summary.Entries[0].Attempts);
            Assert.Null(summary.Entries[0].LastError);
        }
    }

    [Fact]
    public async Task Manifest_metadata_changed_between_runs_is_updated_without_a_download()
    {
        var pdf = TestPdf.Make("meta again");
        await using var server = new TestHttpServer().Map("/m.pdf", x => x.PdfAsync(pdf));
        var store = new InMemoryFetchStateStore();
        var url = server.Url("/m.pdf");
        using (var fetcher = Fast.Fetcher(Fast.Options(_dir), store))
        {
            await fetcher.FetchAsync([new FetchRequest(url, new Dictionary<string, string> { ["year"] = "2025" })]);
        }

        using (var fetcher = Fast.Fetcher(Fast.Options(_dir), store))
        {
            var summary = await fetcher.FetchAsync([new FetchRequest(url, new Dictionary<string, string> { ["year"] = "2026", ["kind"] = "budget" })]);
            Assert.Equal(1, summary.AlreadyPresent);
        }

        Assert.Equal("2026", store.GetFetch(url)!.Metadata["year"]);
        Assert.Equal("budget", store.GetFetch(url)!.Metadata["kind"]);
        Assert.Equal(1, server.Hits("/m.pdf"));
    }

    [Fact]
    public async Task Two_runs_cannot_share_an_output_directory()
    {
        Directory.CreateDirectory(_dir.Out);
        using var held = new FileStream(Path.Combine(_dir.Out, Fetcher.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var fetcher = Fast.Fetcher(Fast.Options(_dir), new InMemoryFetchStateStore());

        await Assert.ThrowsAsync<InvalidOperationException>(() => fetcher.FetchAsync([new FetchRequest("http://127.0.0.1:1/x.pdf")]));
    }
}
