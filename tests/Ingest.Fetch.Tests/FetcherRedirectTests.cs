using Ingest.Core.Pipeline;

namespace Ingest.Fetch.Tests;

public sealed class FetcherRedirectTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Relative_and_absolute_redirects_are_followed()
    {
        var pdf = TestPdf.Make("moved");
        await using var server = new TestHttpServer();
        server.Map("/old.pdf", x => x.RedirectAsync(301, "/mid"))
              .Map("/mid", x => x.RedirectAsync(302, server.Url("/files/new.pdf")))
              .Map("/files/new.pdf", x => x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/old.pdf"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Fetched, entry.Status);
        Assert.Equal(server.Url("/old.pdf"), entry.Url);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(1, server.Hits("/files/new.pdf"));
    }

    [Fact]
    public async Task A_redirect_loop_fails_redirect_loop()
    {
        await using var server = new TestHttpServer()
            .Map("/a", x => x.RedirectAsync(302, "/b"))
            .Map("/b", x => x.RedirectAsync(307, "/a"));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/a"));

        var entry = summary.Entries[0];
        Assert.Equal(FetchStatus.Failed, entry.Status);
        Assert.Equal(FetchErrors.RedirectLoop, entry.Reason());
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(1, server.Hits("/a"));
    }

    [Fact]
    public async Task A_self_redirect_is_a_loop()
    {
        await using var server = new TestHttpServer().Map("/self", x => x.RedirectAsync(302, "/self"));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/self"));

        Assert.Equal(FetchErrors.RedirectLoop, summary.Entries[0].Reason());
    }

    [Fact]
    public async Task An_endless_chain_fails_too_many_redirects()
    {
        await using var server = new TestHttpServer();
        for (int i = 0; i < 10; i++)
        {
            int next = i + 1;
            server.Map($"/hop{i}", x => x.RedirectAsync(302, $"/hop{next}"));
        }

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRedirects = 3), server.Url("/hop0"));

        Assert.Equal(FetchErrors.TooManyRedirects, summary.Entries[0].Reason());
        Assert.Equal(0, server.Hits("/hop4"));
    }

    [Fact]
    public async Task Exactly_max_redirects_is_still_allowed()
    {
        var pdf = TestPdf.Make("edge");
        await using var server = new TestHttpServer();
        for (int i = 0; i < 3; i++)
        {
            int next = i + 1;
            server.Map($"/hop{i}", x => x.RedirectAsync(302, $"/hop{next}"));
        }

        server.Map("/hop3", x => x.PdfAsync(pdf));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir, o => o.MaxRedirects = 3), server.Url("/hop0"));

        Assert.Equal(FetchStatus.Fetched, summary.Entries[0].Status);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_fails_unsupported_scheme()
    {
        await using var server = new TestHttpServer().Map("/ftp", x => x.RedirectAsync(302, "ftp://files.example.org/budget.pdf"));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/ftp"));

        Assert.Equal(FetchErrors.UnsupportedScheme, summary.Entries[0].Reason());
    }

    [Fact]
    public async Task A_redirect_without_location_fails_bad_redirect()
    {
        await using var server = new TestHttpServer().Map("/nowhere", x => x.StatusAsync(302));

        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), server.Url("/nowhere"));

        Assert.Equal(FetchErrors.BadRedirect, summary.Entries[0].Reason());
    }

    [Theory]
    [InlineData("http://h.example/a/b.pdf", "/c.pdf", "http://h.example/c.pdf")]
    [InlineData("http://h.example/a/b.pdf", "c.pdf", "http://h.example/a/c.pdf")]
    [InlineData("https://h.example/a/b.pdf", "//cdn.example/x.pdf", "https://cdn.example/x.pdf")]
    [InlineData("http://h.example/a/b.pdf", "https://other.example/y.pdf", "https://other.example/y.pdf")]
    public void Locations_resolve_against_the_current_url(string current, string location, string expected)
    {
        Assert.Equal(expected, Fetcher.ResolveLocation(new Uri(current), location)!.AbsoluteUri);
    }
}
