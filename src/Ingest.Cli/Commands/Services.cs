using System.CommandLine;
using Ingest.Cli.Pipeline;
using Ingest.Core.Validation;
using Ingest.Pdf;
using Ingest.Recognition;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary>Wires the stages with their options (validated once here) and the logger factory.</summary>
internal sealed class Services : IDisposable
{
    private Services(ILoggerFactory loggers, ExtractionOptions extraction)
    {
        Loggers = loggers;
        Extraction = extraction.Validate();
        Extractor = new PdfFileExtractor(Extraction, loggers.CreateLogger<PdfFileExtractor>());
        _recognizer = new Recognizer(new RecognitionOptions(), loggers.CreateLogger<Recognizer>());
        var validator = new Validator(new ValidationOptions());
        Processor = new DocumentProcessor(Extractor, _recognizer, validator, loggers.CreateLogger<DocumentProcessor>())
        {
            ModelName = _recognizer.Model?.Name,
            ModelSha256 = _recognizer.Model?.Sha256,
        };
    }

    public ILoggerFactory Loggers { get; }

    public ExtractionOptions Extraction { get; }

    public PdfFileExtractor Extractor { get; }

    public DocumentProcessor Processor { get; }

    /// <summary>The documents of these files: a narrative file and a tables file of one document joined when <paramref name="group"/>.</summary>
    public List<DocumentInput> Documents(IReadOnlyList<string> files, bool group, CancellationToken cancellationToken) => group
        ? new DocumentGrouper(Extractor, Loggers.CreateLogger<DocumentGrouper>()).Group(files, cancellationToken)
        : files.Select(DocumentInput.Of).ToList();

    public static Services Create(ParseResult parse, ExtractionOptions? extraction = null)
    {
        var loggers = Logging.Create(parse.GetValue(IngestApp.LogFile), parse.GetValue(IngestApp.Verbose), parse.GetValue(IngestApp.Quiet));
        return new Services(loggers, extraction ?? new ExtractionOptions());
    }

    private readonly Recognizer _recognizer;

    public void Dispose()
    {
        _recognizer.Dispose();
        Loggers.Dispose();
    }
}
