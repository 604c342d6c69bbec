using System.Diagnostics;
using System.Globalization;
using Ingest.Core.Pipeline;

namespace Ingest.Fetch.Tests;

public sealed class FetcherFaultTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Two_500s_then_success_takes_three_attempts()
    {
        var pdf = TestPdf.Make("flaky");
        await using var server = new TestHttpServer().Map("/flaky.pdf", x => x.Hit <= 2 ? x.StatusAsync(500) : x.PdfAsync(pdf));

        var (summary, store) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/flaky.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(3, entry.Attempts);
        Assert.Equal(3, store.GetFetch(server.Url("/flaky.pdf"))!.Attempts);
        Assert.Equal(3, server.Hits("/flaky.pdf"));
    }

    [Fact]
    public async Task A_persistent_503_fails_after_all_retries_with_its_status()
    {
        await using var server = new TestHttpServer().Map("/down.pdf", x => x.StatusAsync(503));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRetries = 3), server.Url("/down.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal("http_503", entry.Reason());
        Assert.Equal(503, entry.HttpStatus);
        Assert.Equal(4, entry.Attempts);
        Assert.Equal(4, server.Hits("/down.pdf"));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    public async Task Other_transient_statuses_are_retried(int status)
    {
        var pdf = TestPdf.Make("transient-" + status.ToString(CultureInfo.InvariantCulture));
        await using var server = new TestHttpServer().Map("/t.pdf", x => x.Hit == 1 ? x.StatusAsync(status) : x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/t.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(2, summary.Entries[0].Attempts);
    }

    [Fact]
    public async Task A_429_with_retry_after_one_second_is_honoured()
    {
        var pdf = TestPdf.Make("throttled");
        var times = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await using var server = new TestHttpServer().Map("/busy.pdf", x =>
        {
            lock (times)
            {
                times.Add(watch.Elapsed);
            }

            return x.Hit == 1 ? x.StatusAsync(429, ("Retry-After", "1")) : x.PdfAsync(pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/busy.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(2, summary.Entries[0].Attempts);
        var wait = times[1] - times[0];
        Assert.True(wait >= TimeSpan.FromMilliseconds(900), $"waited only {wait}");
        Assert.True(wait < TimeSpan.FromSeconds(5), $"waited {wait}");
    }

    [Fact]
    public async Task A_retry_after_above_the_cap_is_capped()
    {
        var pdf = TestPdf.Make("capped");
        await using var server = new TestHttpServer().Map("/busy.pdf", x => x.Hit == 1 ? x.StatusAsync(503, ("Retry-After", "3600")) : x.PdfAsync(pdf));
        var watch = Stopwatch.StartNew();

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(50)), server.Url("/busy.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Retry_after_as_delta_or_date_becomes_a_delay()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(7), Fetcher.ParseRetryAfter(new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now));
        Assert.Equal(TimeSpan.FromSeconds(90), Fetcher.ParseRetryAfter(new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, Fetcher.ParseRetryAfter(new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(-90)), now));
        Assert.Null(Fetcher.ParseRetryAfter(null, now));
    }

    [Fact]
    public async Task A_retry_after_date_is_honoured()
    {
        var pdf = TestPdf.Make("dated");
        var times = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await using var server = new TestHttpServer().Map("/busy.pdf", x =>
        {
            lock (times)
            {
                times.Add(watch.Elapsed);
            }

            // HTTP dates have whole seconds: two seconds ahead is at least one second away.
            var date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture);
            return x.Hit == 1 ? x.StatusAsync(429, ("Retry-After", date)) : x.PdfAsync(pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/busy.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"waited only {times[1] - times[0]}");
    }

    [Fact]
    public async Task A_response_slower_than_the_attempt_timeout_is_retried()
    {
        var pdf = TestPdf.Make("slow-once");
        await using var server = new TestHttpServer().Map("/slow.pdf", async x =>
        {
            if (x.Hit == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), x.Stopping);
            }

            await x.PdfAsync(pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300)), server.Url("/slow.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(2, summary.Entries[0].Attempts);
    }

    [Fact]
    public async Task A_body_that_stalls_past_the_attempt_timeout_fails_timeout_after_retries()
    {
        var pdf = TestPdf.Make("stall");
        await using var server = new TestHttpServer().Map("/stall.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
            await x.BodyAsync(pdf.AsMemory(0, 20));
            await Task.Delay(TimeSpan.FromSeconds(10), x.Stopping);
        });

        var (summary, _) = await Fast.RunAsync(
            Fast.Options(_dir, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 2; }),
            server.Url("/stall.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal(FetchErrors.Timeout, entry.Reason());
        Assert.Equal(3, entry.Attempts);
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task The_total_timeout_bounds_one_url_over_all_attempts()
    {
        await using var server = new TestHttpServer().Map("/slow.pdf", x => Task.Delay(TimeSpan.FromSeconds(10), x.Stopping));
        var watch = Stopwatch.StartNew();

        var (summary, _) = await Fast.RunAsync(
            Fast.Options(_dir, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(300); o.TotalTimeout = TimeSpan.FromMilliseconds(500); o.MaxRetries = 10; }),
            server.Url("/slow.pdf"));

        Assert.Equal(FetchErrors.TotalTimeout, summary.Entries[0].Reason());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_retried()
    {
        var pdf = TestPdf.Make("reset", padding: 20_000);
        await using var server = new TestHttpServer().Map("/reset.pdf", async x =>
        {
            if (x.Hit == 1)
            {
                await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
                await x.BodyAsync(pdf.AsMemory(0, pdf.Length / 2));
                x.Reset();
                return;
            }

            await x.PdfAsync(pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/reset.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(TestPdf.Sha256(pdf), entry.Sha256);
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_retried_then_fails_truncated()
    {
        var pdf = TestPdf.Make("short", padding: 5000);
        await using var server = new TestHttpServer().Map("/short.pdf", async x =>
        {
            // Claims the full length, sends half, closes cleanly.
            await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
            await x.BodyAsync(pdf.AsMemory(0, pdf.Length / 2));
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRetries = 2), server.Url("/short.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal(FetchErrors.Truncated, entry.Reason());
        Assert.Equal(3, entry.Attempts);
        Assert.Empty(_dir.PdfFiles());
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_truncated_body_once_then_complete_is_fetched_whole()
    {
        var pdf = TestPdf.Make("short-once", padding: 5000);
        await using var server = new TestHttpServer().Map("/short.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
            await x.BodyAsync(x.Hit == 1 ? pdf.AsMemory(0, 100) : pdf);
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/short.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(pdf.Length, summary.Entries[0].Bytes);
        Assert.Equal(2, summary.Entries[0].Attempts);
    }

    [Fact]
    public async Task A_refused_connection_fails_as_connection_error()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRetries = 1), $"http://127.0.0.1:{port}/gone.pdf");

        Assert.Equal(FetchErrors.ConnectionError, summary.Entries[0].Reason());
        Assert.Equal(2, summary.Entries[0].Attempts);
    }

    [Fact]
    public async Task A_slow_but_steady_body_longer_than_the_attempt_timeout_is_not_cut_off()
    {
        var pdf = TestPdf.Make("steady", padding: 10_000);
        await using var server = new TestHttpServer().Map("/steady.pdf", async x =>
        {
            await x.HeadAsync(200, [("Content-Type", "application/pdf"), ("Content-Length", pdf.Length.ToString(CultureInfo.InvariantCulture))]);
            int chunk = (pdf.Length / 8) + 1;
            for (int offset = 0; offset < pdf.Length; offset += chunk)
            {
                await x.BodyAsync(pdf.AsMemory(offset, Math.Min(chunk, pdf.Length - offset)));
                await Task.Delay(100, x.Stopping);
            }
        });
        var watch = Stopwatch.StartNew();

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400)), server.Url("/steady.pdf"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
        Assert.Equal(1, summary.Entries[0].Attempts);
        Assert.True(watch.Elapsed > TimeSpan.FromMilliseconds(400), "the body should have outlasted one attempt timeout");
    }

    [Fact]
    public async Task A_failed_tls_handshake_is_not_retried()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var accepts = 0;
        var serve = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepts);
                await socket.SendAsync("HTTP/1.1 400 Not TLS\r\n\r\n"u8.ToArray(), System.Net.Sockets.SocketFlags.None, stop.Token);
                socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
            }
        });

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), $"https://127.0.0.1:{port}/secure.pdf");
        await stop.CancelAsync();
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => serve);

        Assert.Equal(FetchErrors.TlsError, summary.Entries[0].Reason());
        Assert.Equal(1, summary.Entries[0].Attempts);
        Assert.Equal(1, Volatile.Read(ref accepts));
    }
}
