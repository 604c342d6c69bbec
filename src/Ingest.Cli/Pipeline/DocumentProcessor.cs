using System.Reflection;
using System.Security.Cryptography;
using Ingest.Core.Layout;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Pipeline;

/// <summary>
/// Runs one document (one or more files) through extract → recognize → validate and returns its record.
/// Bad input never escapes as an exception: it becomes a diagnostic on the record.
/// </summary>
/// <summary>
/// One document to process: its files (narrative and tables may be two), where it came from, manifest metadata,
/// and optionally each file's SHA-256 as read when the document was queued (used for the id only when the file
/// cannot be read now, so the record of a file missing on this worker is replaced once it is processed elsewhere).
/// </summary>
internal sealed record DocumentInput(IReadOnlyList<string> Paths, string? Source = null, IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<string>? QueuedSha256 = null)
{
    public static DocumentInput Of(string path) => new([path]);
}

internal sealed class DocumentProcessor(IFileExtractor extractor, IRecognizer recognizer, IValidator validator, ILogger<DocumentProcessor> logger)
{
    public static string Version { get; } =
        typeof(DocumentProcessor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public string? ModelName { get; init; }

    public string? ModelSha256 { get; init; }

    public DocumentRecord Process(DocumentInput input, CancellationToken cancellationToken = default)
    {
        var paths = input.Paths;
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        var record = new DocumentRecord
        {
            Source = input.Source ?? paths[0],
            Pipeline = new PipelineInfo { Version = Version, Model = ModelName, ModelSha256 = ModelSha256, ProcessedAt = DateTimeOffset.UtcNow },
        };
        ApplyMetadata(record, input.Metadata);

        var files = new List<ExtractedFile>();
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractedFile file;
            try
            {
                file = extractor.Extract(paths[i], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Extraction failed for {Path} (stage {Stage})", paths[i], "extract");
                file = new ExtractedFile
                {
                    Path = paths[i],
                    Sha256 = HashOrEmpty(paths[i]),
                    Readable = false,
                    Diagnostics = [new Diagnostic { Code = "internal_error", Severity = DiagnosticSeverity.Error, Stage = "extract", Message = ex.GetType().Name + ": " + ex.Message }],
                };
            }

            files.Add(file);
            record.Files.Add(new SourceFile { Path = file.Path, Sha256 = file.Sha256, Bytes = file.Bytes, Pages = file.Readable ? file.PageCount : null });
            foreach (var d in file.Diagnostics)
            {
                d.File ??= i;
                record.Diagnostics.Add(d);
            }
        }

        record.Id = DocumentId(files.Select((f, i) => f.Sha256.Length > 0 ? f.Sha256
            : input.QueuedSha256 is { } queued && i < queued.Count ? queued[i] : "").ToList(), paths);
        var readable = files.Where(f => f.Readable).ToList();
        if (readable.Count == 0)
        {
            logger.LogWarning("Document {DocumentId} ({Source}) could not be read: {Reasons}", record.Id, record.Source, string.Join("; ", record.Diagnostics.Select(d => d.Code)));
            return record;
        }

        try
        {
            recognizer.Recognize(record, files);
            validator.Validate(record);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Recognition or validation failed for {DocumentId} ({Source})", record.Id, record.Source);
            record.Diagnostics.Add(new Diagnostic { Code = "internal_error", Severity = DiagnosticSeverity.Warning, Stage = "recognize", Message = ex.GetType().Name + ": " + ex.Message });
        }

        return record;
    }

    /// <summary>Metadata given by the user (a manifest) is authoritative: recognition only fills what is missing.</summary>
    private static void ApplyMetadata(DocumentRecord record, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.TryGetValue("organization", out var org) && org.Length > 0)
        {
            record.Organization = org;
        }

        if (metadata.TryGetValue("year", out var y) && int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            record.Year = year;
        }

        if (metadata.TryGetValue("kind", out var kind) && kind is "budget" or "final_account")
        {
            record.Kind = kind;
        }

        if (metadata.TryGetValue("level", out var level) && level is "department" or "unit")
        {
            record.Level = level;
        }
    }

    /// <summary>The SHA-256 of a single file; for a group, the SHA-256 of its files' hashes joined in order.</summary>
    internal static string DocumentId(IReadOnlyList<string> hashes, IReadOnlyList<string> paths)
    {
        if (hashes.Count == 1 && hashes[0].Length > 0)
        {
            return hashes[0];
        }

        var parts = hashes.Select((h, i) => h.Length > 0 ? h : "path:" + Path.GetFullPath(paths[i]));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts))));
    }

    /// <summary>The file's SHA-256, or "" when it cannot be read.</summary>
    internal static string HashOrEmpty(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "";
        }
    }
}
