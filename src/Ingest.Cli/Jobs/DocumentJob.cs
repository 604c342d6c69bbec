using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Ingest.Cli.Pipeline;
using Ingest.Core.Records;
using Ingest.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Jobs;

/// <summary>
/// The argument of one job: one document (its files, absolute paths every worker can read), where it came
/// from and manifest metadata. Serialized into Hangfire's job storage as JSON, so plain settable properties.
/// </summary>
internal sealed class DocumentJobInput
{
    public List<string> Paths { get; set; } = [];

    /// <summary>
    /// SHA-256 of each file as <c>ingest enqueue</c> read it ("" where it could not): the id a failure record gets
    /// when the worker cannot read the file, so a later successful run replaces that record instead of adding one.
    /// </summary>
    public List<string>? Sha256 { get; set; }

    public string? Source { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public static DocumentJobInput From(DocumentInput input) => new()
    {
        Paths = [.. input.Paths],
        Sha256 = input.Paths.Select(DocumentProcessor.HashOrEmpty).ToList(),
        Source = input.Source,
        Metadata = input.Metadata?.ToDictionary(kv => kv.Key, kv => kv.Value),
    };

    public DocumentInput ToDocumentInput() => new(Paths, Source, Metadata, Sha256);

    /// <summary>What the dashboard shows for the job.</summary>
    public override string ToString() => Source ?? (Paths.Count > 0 ? Paths[0] : "(no input)");
}

/// <summary>
/// One document through the pipeline into the shared store. Idempotent: the record is written keyed by its
/// document id, so a retried or re-delivered job (a worker killed mid-job) replaces, never duplicates.
/// Bad input never throws (it becomes diagnostics); anything else that throws is retried by Hangfire, and on
/// the last attempt the failure itself is stored as a record with an <c>error</c> diagnostic, so that no
/// document ends as a lost job.
/// </summary>
internal sealed class DocumentJob(DocumentProcessor processor, IIngestStore store, ILogger<DocumentJob> logger)
{
    /// <summary>Retries after the first attempt.</summary>
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [1, 5, 15], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("{0}")]
    public void Run(DocumentJobInput input, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
        try
        {
            var record = processor.Process(input.ToDocumentInput(), cancellationToken);
            store.Upsert(record);
            logger.LogInformation("Stored {DocumentId} from {Source} (job {JobId}, attempt {Attempt}, stage {Stage})",
                record.Id, record.Source, context?.BackgroundJob.Id, attempt, "store");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && attempt > Retries)
        {
            // Out of retries: store what happened instead of losing the document.
            logger.LogError(ex, "Job {JobId} for {Source} failed on its last attempt; storing an error record", context?.BackgroundJob.Id, input);
            store.Upsert(FailureRecord(input, ex, attempt));
        }
    }

    internal static DocumentRecord FailureRecord(DocumentJobInput input, Exception ex, int attempts)
    {
        var paths = input.Paths.Count > 0 ? input.Paths : [input.Source ?? "(no input)"];
        var hashes = paths.Select((p, i) => DocumentProcessor.HashOrEmpty(p) is { Length: > 0 } now ? now
            : input.Sha256 is { } known && i < known.Count ? known[i] : "").ToList();
        return new DocumentRecord
        {
            Id = DocumentProcessor.DocumentId(hashes, paths),
            Source = input.Source ?? paths[0],
            Files = paths.Select(p => new SourceFile { Path = p }).ToList(),
            Diagnostics =
            [
                new Diagnostic
                {
                    Code = "job_failed", Severity = DiagnosticSeverity.Error, Stage = "job",
                    Message = $"failed after {attempts} attempts: {ex.GetType().Name}: {ex.Message}",
                },
            ],
            Pipeline = new PipelineInfo { Version = DocumentProcessor.Version, ProcessedAt = DateTimeOffset.UtcNow },
        };
    }
}
