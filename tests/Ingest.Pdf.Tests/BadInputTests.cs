using Ingest.Core.Records;
using Ingest.Pdf;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-pdf-tests").FullName;
    private readonly PdfFileExtractor _extractor = new(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertUnreadable(Ingest.Core.Layout.ExtractedFile file, string code)
    {
        Assert.False(file.Readable);
        var d = Assert.Single(file.Diagnostics, x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, d.Code);
        Assert.Equal("extract", d.Stage);
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
        Assert.Empty(file.Pages);
        Assert.Empty(file.Tables);
    }

    [Fact]
    public void Empty_file() => AssertUnreadable(_extractor.Extract(Write("empty.pdf", [])), "empty");

    [Fact]
    public void Not_a_pdf()
    {
        var file = _extractor.Extract(Write("text.pdf", "<html><body>not a pdf</body></html>"u8.ToArray()));
        AssertUnreadable(file, "not_pdf");
        Assert.Equal(64, file.Sha256.Length);
        Assert.True(file.Bytes > 0);
    }

    [Fact]
    public void Random_bytes()
    {
        var bytes = new byte[5000];
        new Random(42).NextBytes(bytes);
        AssertUnreadable(_extractor.Extract(Write("random.pdf", bytes)), "not_pdf");
    }

    [Fact]
    public void Truncated_pdf()
    {
        var real = File.ReadAllBytes(RepoPaths.RealFile("js_renda-bgt_2019_budget_dept_tables.pdf"));
        var file = _extractor.Extract(Write("truncated.pdf", real[..(real.Length / 3)]));
        AssertUnreadable(file, "truncated");
    }

    [Fact]
    public void Pdf_header_with_garbage_is_corrupt()
    {
        var bytes = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage garbage\ntrailer << /Root 9 0 R >>\n%%EOF\n"u8.ToArray();
        var file = _extractor.Extract(Write("corrupt.pdf", bytes));
        AssertUnreadable(file, "corrupt");
    }

    [Fact]
    public void Missing_file_is_reported_not_thrown() =>
        AssertUnreadable(_extractor.Extract(Path.Combine(_dir, "nope.pdf")), "not_found");

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { LineSplitGap = -1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { MinStreamRows = 1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PdfFileExtractor(new ExtractionOptions { PageTimeout = TimeSpan.Zero }, NullLogger<PdfFileExtractor>.Instance));
        new ExtractionOptions().Validate();
    }
}
