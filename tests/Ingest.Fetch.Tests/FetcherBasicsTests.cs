using System.Diagnostics;
using System.Text;
using Ingest.Core.Pipeline;

namespace Ingest.Fetch.Tests;

public sealed class FetcherBasicsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_pdf_is_stored_under_its_sha256_and_recorded_as_fetched()
    {
        var pdf = TestPdf.Make("one");
        await using var server = new TestHttpServer().Map("/a.pdf", x => x.PdfAsync(pdf));

        var (summary, store) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/a.pdf"));

        var entry = Assert.Single(summary.Entries);
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(TestPdf.Sha256(pdf), entry.Sha256);
        Assert.Equal(Path.Combine(_dir.Out, entry.Sha256 + ".pdf"), entry.Path);
        Assert.Equal(pdf.Length, entry.Bytes);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(200, entry.HttpStatus);
        Assert.Null(entry.LastError);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(entry.Path!));
        Assert.Equal(FetchStatus.Fetched, store.GetFetch(server.Url("/a.pdf"))!.Status);
        Assert.Equal(1, summary.Downloaded);
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_multi_megabyte_file_streams_through_intact()
    {
        var pdf = TestPdf.Make("large", padding: 12 * 1024 * 1024);
        await using var server = new TestHttpServer().Map("/large.pdf", x => x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/large.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(TestPdf.Sha256(pdf), summary.Entries[0].Sha256);
        Assert.Equal(pdf.Length, new FileInfo(summary.Entries[0].Path!).Length);
    }

    [Fact]
    public async Task The_same_bytes_at_two_urls_are_stored_once_and_both_entries_point_to_the_file()
    {
        var pdf = TestPdf.Make("shared");
        await using var server = new TestHttpServer()
            .Map("/x.pdf", x => x.PdfAsync(pdf))
            .Map("/mirror/x.pdf", x => x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxConcurrency = 2), server.Url("/x.pdf"), server.Url("/mirror/x.pdf"));

        Assert.All(summary.Entries, e => Assert.Equal(FetchStatus.Fetched, e.Status));
        Assert.Single(summary.Entries.Select(e => e.Sha256).Distinct());
        Assert.Single(summary.Entries.Select(e => e.Path).Distinct());
        Assert.Single(_dir.PdfFiles());
        Assert.Equal(1, summary.Downloaded);
        Assert.Equal(1, summary.Deduplicated);
    }

    [Fact]
    public async Task Duplicate_urls_in_the_input_are_fetched_once()
    {
        var pdf = TestPdf.Make("dup");
        await using var server = new TestHttpServer().Map("/d.pdf", x => x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/d.pdf"), server.Url("/d.pdf") + "#page=2", " " + server.Url("/d.pdf"));

        Assert.Equal(1, summary.Total);
        Assert.Equal(1, server.Hits("/d.pdf"));
    }

    [Fact]
    public async Task An_html_page_served_with_200_is_not_pdf_and_not_retried()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>页面不存在</body></html>");
        await using var server = new TestHttpServer()
            .Map("/as-html.pdf", x => x.RespondAsync(200, "text/html; charset=utf-8", html))
            .Map("/lying.pdf", x => x.RespondAsync(200, "application/pdf", html));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/as-html.pdf"), server.Url("/lying.pdf"));

        Assert.All(summary.Entries, e =>
        {
            Assert.Equal(FetchStatus.Failed, e.Status);
            Assert.Equal(FetchErrors.NotPdf, e.Reason());
            Assert.Equal(1, e.Attempts);
            Assert.Null(e.Path);
        });
        Assert.Contains("text/html", summary.Entries[0].LastError, StringComparison.Ordinal);
        Assert.Empty(_dir.PdfFiles());
        Assert.Empty(_dir.TempFiles());
        Assert.Equal(2, summary.FailureReasons[FetchErrors.NotPdf]);
    }

    [Fact]
    public async Task An_empty_200_body_is_not_pdf()
    {
        await using var server = new TestHttpServer().Map("/empty.pdf", x => x.RespondAsync(200, "application/pdf", []));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/empty.pdf"));

        Assert.Equal(FetchErrors.NotPdf, summary.Entries[0].Reason());
    }

    [Fact]
    public async Task A_pdf_with_a_wrong_content_type_is_accepted_on_its_magic_bytes()
    {
        var pdf = TestPdf.Make("octet");
        await using var server = new TestHttpServer().Map("/wrong-type", x => x.RespondAsync(200, "text/html", pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/wrong-type"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
    }

    [Fact]
    public async Task A_404_fails_at_once_with_its_status()
    {
        await using var server = new TestHttpServer();

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/missing.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal("http_404", entry.Reason());
        Assert.Equal(404, entry.HttpStatus);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(1, server.Hits("/missing.pdf"));
    }

    [Fact]
    public async Task A_2_GB_content_length_claim_fails_too_large_without_downloading()
    {
        await using var server = new TestHttpServer().Map("/huge.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", "2147483648")]);
            await x.BodyAsync(TestPdf.Make("huge-start"));
            await Task.Delay(TimeSpan.FromSeconds(10), x.Stopping); // would keep streaming; the client must not wait
        });
        var watch = Stopwatch.StartNew();

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/huge.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchErrors.TooLarge, entry.Reason());
        Assert.Equal(1, entry.Attempts);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(_dir.PdfFiles());
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_body_without_content_length_is_cut_off_when_it_passes_the_cap()
    {
        var big = TestPdf.Make("big", padding: 50_000);
        await using var server = new TestHttpServer().Map("/stream.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf")]); // no length: body ends when the connection closes
            await x.BodyAsync(big);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxBytes = 10_000), server.Url("/stream.pdf"));

        Assert.Equal(FetchErrors.TooLarge, summary.Entries[0].Reason());
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_body_without_content_length_under_the_cap_is_fetched()
    {
        var pdf = TestPdf.Make("close-delimited", padding: 5000);
        await using var server = new TestHttpServer().Map("/stream.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf")]);
            await x.BodyAsync(pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/stream.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(pdf.Length, summary.Entries[0].Bytes);
    }

    [Theory]
    [InlineData("ftp://example.org/budget.pdf", FetchErrors.UnsupportedScheme)]
    [InlineData("file:///etc/passwd", FetchErrors.UnsupportedScheme)]
    [InlineData("/etc/passwd", FetchErrors.InvalidUrl)]
    [InlineData("not a url", FetchErrors.InvalidUrl)]
    public async Task Urls_that_are_not_http_fail_without_a_request(string url, string reason)
    {
        var (summary, store) = await Fast.RunAsync(Fast.Options(_dir), url);

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal(reason, entry.Reason());
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(FetchStatus.Failed, store.GetFetch(entry.Url)!.Status);
    }

    [Fact]
    public async Task Manifest_metadata_is_carried_into_the_entry()
    {
        var pdf = TestPdf.Make("meta");
        await using var server = new TestHttpServer().Map("/m.pdf", x => x.PdfAsync(pdf));
        var store = new InMemoryFetchStateStore();
        using var fetcher = Fast.Fetcher(Fast.Options(_dir), store);
        var metadata = new Dictionary<string, string> { ["organization"] = "上海市普陀区司法局", ["year"] = "2026" };

        var summary = await fetcher.FetchAsync([new FetchRequest(server.Url("/m.pdf"), metadata)]);

        Assert.Equal("上海市普陀区司法局", summary.Entries[0].Metadata["organization"]);
        Assert.Equal("2026", store.GetFetch(server.Url("/m.pdf"))!.Metadata["year"]);
    }

    [Fact]
    public async Task Progress_is_reported_once_per_url()
    {
        var pdf = TestPdf.Make("progress");
        await using var server = new TestHttpServer().Map("/p.pdf", x => x.PdfAsync(pdf));
        using var fetcher = Fast.Fetcher(Fast.Options(_dir), new InMemoryFetchStateStore());
        var reports = new System.Collections.Concurrent.ConcurrentBag<FetchProgress>();
        var progress = new SyncProgress<FetchProgress>(reports.Add);

        await fetcher.FetchAsync([new FetchRequest(server.Url("/p.pdf")), new FetchRequest(server.Url("/none.pdf"))], progress);

        Assert.Equal(2, reports.Count);
        Assert.Equal([1, 2], reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.Equal(2, r.Total));
    }

    private sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
