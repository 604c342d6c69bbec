using System.Diagnostics;
using Ingest.Core.Pipeline;

namespace Ingest.Fetch.Tests;

public sealed class FetcherHostPolicyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_circuit_opens_for_a_failing_host_and_spares_the_others()
    {
        await using var bad = new TestHttpServer();
        await using var good = new TestHttpServer();
        var urls = new List<string>();
        for (int i = 1; i <= 6; i++)
        {
            bad.Map($"/f{i}.pdf", x => x.StatusAsync(500));
            urls.Add(bad.Url($"/f{i}.pdf"));
        }

        var pdf = TestPdf.Make("healthy host");
        good.Map("/ok.pdf", x => x.PdfAsync(pdf));
        urls.Add(good.Url("/ok.pdf"));
        var options = Fast.Options(_dir, o =>
        {
            o.MaxConcurrency = 1; // in input order, so the breaker's counting is deterministic
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(30);
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });

        var (summary, _) = await Fast.RunAsync(options, [.. urls]);

        var reasons = summary.Entries.Take(6).Select(e => e.Reason()).ToList();
        Assert.Equal(["http_500", "http_500", "circuit_open", "circuit_open", "circuit_open", "circuit_open"], reasons);
        Assert.Equal(2, bad.TotalHits);
        Assert.All(summary.Entries.Skip(2).Take(4), e => Assert.Equal(0, e.Attempts));
        Assert.Equal(FetchStatus.Fetched, summary.Entries[6].Status);
        Assert.Equal(4, summary.FailureReasons[FetchErrors.CircuitOpen]);
    }

    [Fact]
    public async Task Permanent_failures_do_not_open_the_circuit()
    {
        await using var server = new TestHttpServer();
        var pdf = TestPdf.Make("after 404s");
        server.Map("/real.pdf", x => x.PdfAsync(pdf));
        var urls = Enumerable.Range(1, 5).Select(i => server.Url($"/missing{i}.pdf")).Append(server.Url("/real.pdf")).ToArray();
        var options = Fast.Options(_dir, o => { o.MaxConcurrency = 1; o.BreakerMinimumThroughput = 2; });

        var (summary, _) = await Fast.RunAsync(options, urls);

        Assert.Equal(FetchStatus.Fetched, summary.Entries[^1].Status);
        Assert.DoesNotContain(FetchErrors.CircuitOpen, summary.FailureReasons.Keys);
    }

    [Fact]
    public async Task Requests_to_one_host_stay_within_the_per_host_limit()
    {
        await using var server = new TestHttpServer();
        var urls = new List<string>();
        for (int i = 0; i < 8; i++)
        {
            var pdf = TestPdf.Make("parallel " + i);
            server.Map($"/p{i}.pdf", async x =>
            {
                await Task.Delay(100, x.Stopping);
                await x.PdfAsync(pdf);
            });
            urls.Add(server.Url($"/p{i}.pdf"));
        }

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => { o.MaxConcurrency = 8; o.PerHostConcurrency = 2; }), [.. urls]);

        Assert.Equal(8, summary.Downloaded);
        Assert.InRange(server.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Urls_in_flight_stay_within_the_total_limit()
    {
        var servers = new[] { new TestHttpServer(), new TestHttpServer(), new TestHttpServer() };
        var inFlight = 0;
        var max = 0;
        var urls = new List<string>();
        foreach (var (server, s) in servers.Select((sv, s) => (sv, s)))
        {
            for (int i = 0; i < 3; i++)
            {
                var pdf = TestPdf.Make($"total {s}/{i}");
                server.Map($"/q{i}.pdf", async x =>
                {
                    int now = Interlocked.Increment(ref inFlight);
                    lock (servers)
                    {
                        max = Math.Max(max, now);
                    }

                    await Task.Delay(80, x.Stopping);
                    Interlocked.Decrement(ref inFlight);
                    await x.PdfAsync(pdf);
                });
                urls.Add(server.Url($"/q{i}.pdf"));
            }
        }

        try
        {
            var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => { o.MaxConcurrency = 2; o.PerHostConcurrency = 4; }), [.. urls]);
            Assert.Equal(9, summary.Downloaded);
            Assert.InRange(max, 1, 2);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_per_host_rate_limit_spaces_requests()
    {
        await using var server = new TestHttpServer();
        var urls = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            var pdf = TestPdf.Make("rate " + i);
            server.Map($"/r{i}.pdf", x => x.PdfAsync(pdf));
            urls.Add(server.Url($"/r{i}.pdf"));
        }

        var watch = Stopwatch.StartNew();
        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.PerHostRequestsPerSecond = 10), [.. urls]);

        Assert.Equal(5, summary.Downloaded);
        // one token at a time, 100 ms apart: the fifth request cannot start before ~400 ms
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"took only {watch.Elapsed}");
    }
}
