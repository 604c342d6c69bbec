using System.Diagnostics;
using System.Security.Cryptography;
using Ingest.Core.Layout;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Ingest.Pdf.Output;
using Ingest.Pdf.Tables;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Ingest.Pdf;

/// <summary>
/// Reads a PDF page by page into text lines and tables (ruled and borderless), and joins tables that
/// continue over pages. Never throws for bad input: unreadable files come back with
/// <see cref="ExtractedFile.Readable"/> false and an error diagnostic (<c>not_found</c>, <c>empty</c>,
/// <c>not_pdf</c>, <c>truncated</c>, <c>encrypted</c>, <c>corrupt</c>); page problems are warnings
/// (<c>no_text_layer</c>, <c>no_unicode</c>, <c>page_failed</c>).
/// </summary>
public sealed partial class PdfFileExtractor : IFileExtractor
{
    private const string Stage = "extract";
    private readonly ExtractionOptions _options;
    private readonly ILogger<PdfFileExtractor> _logger;

    public PdfFileExtractor(ExtractionOptions options, ILogger<PdfFileExtractor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Validate();
        _logger = logger;
    }

    public ExtractedFile Extract(string path, CancellationToken cancellationToken = default) => Extract(path, null, cancellationToken);

    /// <summary>Reads only the pages in <paramref name="pages"/> (1-based; null for all).</summary>
    public ExtractedFile Extract(string path, IReadOnlySet<int>? pages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var diagnostics = new List<Diagnostic>();
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(path, "", 0, diagnostics, "not_found", $"File not found: {path}");
        }

        if (info.Length == 0)
        {
            return Fail(path, EmptySha, 0, diagnostics, "empty", "The file is empty (0 bytes).");
        }

        string sha;
        bool hasHeader, hasEof;
        try
        {
            (sha, hasHeader, hasEof) = Inspect(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(path, "", info.Length, diagnostics, "corrupt", $"The file could not be read: {ex.Message}");
        }

        if (!hasHeader)
        {
            return Fail(path, sha, info.Length, diagnostics, "not_pdf", "The file does not start with a %PDF header: not a PDF.");
        }

        if (!hasEof)
        {
            return Fail(path, sha, info.Length, diagnostics, "truncated", "The PDF ends early: no %%EOF marker at its end (download cut off?).");
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return Fail(path, sha, info.Length, diagnostics, "encrypted", $"The PDF is encrypted and cannot be opened without a password: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return hasEof
                ? Fail(path, sha, info.Length, diagnostics, "corrupt", $"The PDF structure could not be parsed: {ex.Message}")
                : Fail(path, sha, info.Length, diagnostics, "truncated", $"The PDF ends early (no %%EOF marker) and could not be parsed: {ex.Message}");
        }

        using (document)
        {
            return ReadPages(path, sha, info.Length, hasEof, document, pages, diagnostics, cancellationToken);
        }
    }

    private ExtractedFile ReadPages(string path, string sha, long bytes, bool hasEof, PdfDocument document, IReadOnlySet<int>? selection,
        List<Diagnostic> diagnostics, CancellationToken ct)
    {
        int pageCount;
        try
        {
            pageCount = document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Fail(path, sha, bytes, diagnostics, hasEof ? "corrupt" : "truncated", $"The page tree could not be read: {ex.Message}");
        }

        if (pageCount <= 0)
        {
            return Fail(path, sha, bytes, diagnostics, hasEof ? "corrupt" : "truncated", "The PDF has no readable pages.");
        }

        var layouts = new List<PageLayout>();
        var failed = 0;
        var attempted = 0;
        for (var n = 1; n <= pageCount; n++)
        {
            if (selection is not null && !selection.Contains(n))
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            attempted++;
            var watch = Stopwatch.StartNew();
            try
            {
                var page = document.GetPage(n);
                var content = PageReader.Read(page, _options);
                var slow = watch.Elapsed > _options.PageTimeout;
                if (slow)
                {
                    diagnostics.Add(Warn("page_failed", n, $"Page {n} took {watch.Elapsed.TotalSeconds:F1} s to read; tables were not detected."));
                }

                var layout = PageAnalyzer.Analyze(content, _options, detectTables: !slow);
                layouts.Add(layout);
                if (content.RawLetterCount == 0 && content.ImageCount > 0)
                {
                    diagnostics.Add(Warn("no_text_layer", n, $"Page {n} has {content.ImageCount} image(s) and no text: probably scanned."));
                }
                else if (content.UnmappedLetters > 10 && content.UnmappedLetters * 10 > content.RawLetterCount * 3)
                {
                    diagnostics.Add(Warn("no_unicode", n, $"Page {n}: {content.UnmappedLetters} of {content.RawLetterCount} letters have no Unicode mapping."));
                }

                if (_options.DebugSvgDirectory is { } dir)
                {
                    SvgDebugWriter.Write(dir, Path.GetFileNameWithoutExtension(path), content, layout);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                failed++;
                LogPageFailed(_logger, path, n, ex);
                diagnostics.Add(Warn("page_failed", n, $"Page {n} could not be read: {ex.GetType().Name}: {ex.Message}"));
                layouts.Add(new PageLayout { Number = n });
            }
        }

        if (attempted > 0 && failed == attempted)
        {
            return Fail(path, sha, bytes, diagnostics, hasEof ? "corrupt" : "truncated",
                hasEof ? "No page of the PDF could be read." : "The PDF ends early (no %%EOF marker) and no page could be read.", pageCount);
        }

        IReadOnlyList<LogicalTable> tables = ContinuationJoiner.Join(layouts, _options);
        LogExtracted(_logger, path, layouts.Count, tables.Count);
        return new ExtractedFile
        {
            Path = path,
            Sha256 = sha,
            Bytes = bytes,
            PageCount = pageCount,
            Pages = layouts,
            Tables = tables,
            Diagnostics = diagnostics,
            Readable = true,
        };
    }

    private const string EmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static (string Sha, bool HasHeader, bool HasEof) Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = new byte[1024];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var hasHeader = IndexOf(head.AsSpan(0, n), "%PDF-"u8) >= 0;

        var tailLength = (int)Math.Min(stream.Length, 8192);
        var tail = new byte[tailLength];
        stream.Seek(-tailLength, SeekOrigin.End);
        stream.ReadExactly(tail);
        var hasEof = IndexOf(tail, "%%EOF"u8) >= 0;

        stream.Seek(0, SeekOrigin.Begin);
        var hash = SHA256.HashData(stream);
        return (Convert.ToHexStringLower(hash), hasHeader, hasEof);
    }

    private static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> needle) => data.IndexOf(needle);

    private static Diagnostic Warn(string code, int page, string message) => new()
    {
        Code = code,
        Severity = DiagnosticSeverity.Warning,
        Stage = Stage,
        Page = page,
        Message = message,
    };

    private ExtractedFile Fail(string path, string sha, long bytes, List<Diagnostic> diagnostics, string code, string message, int pageCount = 0)
    {
        LogUnreadable(_logger, path, code, message);
        diagnostics.Add(new Diagnostic { Code = code, Severity = DiagnosticSeverity.Error, Stage = Stage, Message = message });
        return new ExtractedFile
        {
            Path = path,
            Sha256 = sha,
            Bytes = bytes,
            PageCount = pageCount,
            Diagnostics = diagnostics,
            Readable = false,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: unreadable ({Code}): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: page {Page} failed")]
    private static partial void LogPageFailed(ILogger logger, string path, int page, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Path}: {Pages} pages, {Tables} tables")]
    private static partial void LogExtracted(ILogger logger, string path, int pages, int tables);
}
