using Ingest.Core.Pipeline;
using Ingest.Tests.Common;

namespace Ingest.Fetch.Tests;

public sealed class FetchCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_manifest_file_is_read_fetched_and_described()
    {
        var pdf = TestPdf.Make("command");
        await using var server = new TestHttpServer()
            .Map("/ok.pdf", x => x.PdfAsync(pdf))
            .Map("/page.html", x => x.RespondAsync(200, "text/html", "<html></html>"u8.ToArray()));
        var manifest = Path.Combine(_dir.Path, "manifest.csv");
        await File.WriteAllTextAsync(manifest, $"url,organization,year\n{server.Url("/ok.pdf")},普陀区司法局,2026\n{server.Url("/page.html")},x,2025\n");
        var options = Fast.Options(_dir);

        FetchSummary summary;
        using (var store = new JsonLinesFetchStateStore(FetchCommand.DefaultStatePath(options.OutputDirectory)))
        {
            summary = await FetchCommand.RunAsync(manifest, options, store, new ListLogger<Fetcher>());
            Assert.Equal("普陀区司法局", store.GetFetch(server.Url("/ok.pdf"))!.Metadata["organization"]);
        }

        Assert.Equal(1, FetchCommand.ExitCode(summary));
        var text = FetchCommand.Describe(summary);
        Assert.Contains("fetched 1 of 2 URLs", text, StringComparison.Ordinal);
        Assert.Contains("not_pdf 1", text, StringComparison.Ordinal);
        Assert.Contains(server.Url("/page.html"), text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Out, "fetch-state.jsonl")));
    }

    /// <summary>Serves the real disclosures in ../shared/corpus-real (when present) and checks they arrive byte for byte.</summary>
    [Fact]
    public async Task Real_disclosures_pass_through_unchanged()
    {
        var files = Directory.Exists(RepoPaths.CorpusReal) ? Directory.GetFiles(RepoPaths.CorpusReal, "*.pdf").Take(4).ToArray() : [];
        if (files.Length == 0)
        {
            return; // the shared corpus is not available here
        }

        await using var server = new TestHttpServer();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            server.Map("/" + Uri.EscapeDataString(Path.GetFileName(file)), x => x.PdfAsync(bytes));
        }

        var urls = files.Select(f => server.Url("/" + Uri.EscapeDataString(Path.GetFileName(f)))).ToArray();
        var (summary, _) = await Fast.RunAsync(Fast.Options(_dir), urls);

        Assert.All(summary.Entries, e => Assert.Equal(FetchStatus.Fetched, e.Status));
        foreach (var (file, entry) in files.Zip(summary.Entries))
        {
            Assert.Equal(TestPdf.Sha256(await File.ReadAllBytesAsync(file)), entry.Sha256);
        }
    }
}
