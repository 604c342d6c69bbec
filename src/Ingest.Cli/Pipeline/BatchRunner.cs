using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Pipeline;

/// <summary>Totals of a batch, for the summary and the exit code.</summary>
internal sealed class BatchSummary
{
    public int Documents;
    public int Unreadable;
    public int Tables;
    public int Errors;
    public int Warnings;
    public int Diagnostics;
    public TimeSpan Elapsed;
}

/// <summary>
/// Runs documents through the pipeline with a bounded number of workers (one document open per worker),
/// hands each record to a sink as soon as it is done, and never lets one document stop the batch.
/// </summary>
internal sealed class BatchRunner(DocumentProcessor processor, ILogger<BatchRunner> logger)
{
    public BatchSummary Run(IReadOnlyList<DocumentInput> documents, int workers, Action<DocumentRecord> sink, IProgressReporter? progress, CancellationToken cancellationToken)
    {
        var summary = new BatchSummary();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var gate = new Lock();
        var done = 0;
        progress?.Start(documents.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken };
        try
        {
            Parallel.ForEach(documents, options, input =>
            {
                var paths = input.Paths;
                DocumentRecord record;
                try
                {
                    record = processor.Process(input, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The processor turns bad input into diagnostics; anything reaching here is a defect,
                    // but one document's defect must not stop the batch.
                    logger.LogError(ex, "Unexpected failure on {Path}", paths[0]);
                    record = new DocumentRecord
                    {
                        Id = DocumentProcessor.DocumentId(paths.Select(_ => "").ToList(), paths),
                        Source = input.Source ?? paths[0],
                        Files = paths.Select(p => new SourceFile { Path = p }).ToList(),
                        Diagnostics = [new Diagnostic { Code = "internal_error", Severity = DiagnosticSeverity.Error, Stage = "pipeline", Message = ex.Message }],
                        Pipeline = new PipelineInfo { Version = DocumentProcessor.Version, ProcessedAt = DateTimeOffset.UtcNow },
                    };
                }

                lock (gate)
                {
                    sink(record);
                    summary.Documents++;
                    summary.Unreadable += record.HasReadFailure ? 1 : 0;
                    summary.Tables += record.Tables.Count;
                    summary.Errors += record.Findings.Count(f => f.Severity == FindingSeverity.Error);
                    summary.Warnings += record.Findings.Count(f => f.Severity == FindingSeverity.Warning);
                    summary.Diagnostics += record.Diagnostics.Count;
                    done++;
                    progress?.Report(done, Path.GetFileName(paths[0]));
                }

                logger.LogInformation("Stored {DocumentId} from {Source}: {Tables} tables, {Findings} findings, {Diagnostics} diagnostics (stage {Stage})",
                    record.Id, record.Source, record.Tables.Count, record.Findings.Count, record.Diagnostics.Count, "store");
            });
        }
        finally
        {
            progress?.Finish();
            summary.Elapsed = started.Elapsed;
        }

        return summary;
    }
}
