using Ingest.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace Ingest.Fetch.Tests;

public sealed class OptionsStoresAndLoggingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_defaults_are_valid_and_documented_values()
    {
        var o = new FetchOptions();
        o.Validate();
        Assert.Equal(4, o.MaxConcurrency);
        Assert.Equal(2, o.PerHostRequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(30), o.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), o.TotalTimeout);
        Assert.Equal(5, o.MaxRetries);
        Assert.Equal(200L * 1024 * 1024, o.MaxBytes);
        Assert.Equal(5, o.MaxRedirects);
    }

    [Fact]
    public void Invalid_options_are_all_reported()
    {
        var o = new FetchOptions { MaxConcurrency = 0, MaxBytes = 0, BreakerFailureRatio = 2, BreakerBreakDuration = TimeSpan.FromMilliseconds(1), UserAgent = "" };

        var ex = Assert.Throws<ArgumentException>(o.Validate);

        foreach (var name in new[] { "MaxConcurrency", "MaxBytes", "BreakerFailureRatio", "BreakerBreakDuration", "UserAgent" })
        {
            Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_handler_that_follows_redirects_itself_is_refused()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = true };
        Assert.Throws<ArgumentException>(() => new Fetcher(Fast.Options(_dir), new InMemoryFetchStateStore(), new ListLogger<Fetcher>(), handler));
    }

    [Fact]
    public void The_json_lines_store_keeps_the_last_entry_per_url_and_compacts_on_open()
    {
        var path = Path.Combine(_dir.Path, "state.jsonl");
        using (var store = new JsonLinesFetchStateStore(path))
        {
            store.PutFetch(new FetchEntry { Url = "http://a/1", Status = FetchStatus.Pending });
            store.PutFetch(new FetchEntry { Url = "http://a/1", Status = FetchStatus.Failed, LastError = "http_503: Service Unavailable", HttpStatus = 503, Attempts = 6 });
            store.PutFetch(new FetchEntry
            {
                Url = "http://a/2",
                Status = FetchStatus.Fetched,
                Sha256 = new string('a', 64),
                Path = "/x/y.pdf",
                Bytes = 10,
                Metadata = { ["organization"] = "上海市普陀区司法局" },
            });
            Assert.Equal(3, File.ReadAllLines(path).Length);
        }

        using (var store = new JsonLinesFetchStateStore(path))
        {
            Assert.Equal(2, File.ReadAllLines(path).Length);
            var failed = store.GetFetch("http://a/1")!;
            Assert.Equal(FetchStatus.Failed, failed.Status);
            Assert.Equal(503, failed.HttpStatus);
            Assert.Equal(6, failed.Attempts);
            Assert.Equal("上海市普陀区司法局", store.GetFetch("http://a/2")!.Metadata["organization"]);
            Assert.Null(store.GetFetch("http://a/3"));
        }
    }

    [Fact]
    public void Stores_return_copies()
    {
        var store = new InMemoryFetchStateStore();
        var entry = new FetchEntry { Url = "http://a/1", Status = FetchStatus.Pending };
        store.PutFetch(entry);
        entry.Status = FetchStatus.Fetched;
        store.GetFetch("http://a/1")!.Status = FetchStatus.Failed;

        Assert.Equal(FetchStatus.Pending, store.GetFetch("http://a/1")!.Status);
    }

    [Fact]
    public async Task Log_events_carry_stage_url_and_attempt()
    {
        var pdf = TestPdf.Make("logged");
        await using var server = new TestHttpServer().Map("/log.pdf", x => x.Hit == 1 ? x.StatusAsync(500) : x.PdfAsync(pdf));
        var logger = new ListLogger<Fetcher>();
        using (var fetcher = Fast.Fetcher(Fast.Options(_dir), new InMemoryFetchStateStore(), logger))
        {
            await fetcher.FetchAsync([new FetchRequest(server.Url("/log.pdf"))]);
        }

        var perUrl = logger.Records.Where(r => r.Properties.ContainsKey("Url")).ToList();
        Assert.NotEmpty(perUrl);
        Assert.All(perUrl, r =>
        {
            Assert.Equal("fetch", r.Properties["Stage"]);
            Assert.Equal(server.Url("/log.pdf"), r.Properties["Url"]);
            Assert.True(r.Properties.ContainsKey("Attempt"));
        });
        var retry = Assert.Single(logger.Records, r => r.EventId.Id == 7012);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(1, retry.Properties["Attempt"]);
        Assert.Contains("http_500", retry.Message, StringComparison.Ordinal);
        var fetched = Assert.Single(logger.Records, r => r.EventId.Id == 7020);
        Assert.Equal(2, fetched.Properties["Attempt"]);
        Assert.All(logger.Records, r => Assert.Equal("fetch", r.Properties["Stage"]));
    }
}
